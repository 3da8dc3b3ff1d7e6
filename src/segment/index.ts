import { languageData, UNDETERMINED } from '../lang/index.ts';
import type { PipelineResources, Stage } from '../pipeline.ts';
import { normalizeArabic } from './arabic.ts';
import { ChineseSegmenter, plainChineseSegmenter } from './chinese.ts';
import { STEMMERS } from './stemmers.ts';
import { stopwords } from './stopwords.ts';
import { groupSyllables, longestWords, VietnameseLexicon } from './vietnamese.ts';

/**
 * Segmentation and stemming: turns a normalised text into content terms for monolingual
 * TF-IDF. By the language's `segmenter` (src/lang/):
 *   jieba     (zh) -> jieba (user words and the text's own transliterated names kept whole)
 *   syllables (vi) -> syllables grouped into words by longest lexicon match
 *   arabic    (ar) -> orthographic normalisation, proclitic stripping, Snowball Arabic
 *   words          -> Intl.Segmenter words + a Snowball stemmer where there is one, else
 *                     lower-cased
 */

const HAS_WORD_CHAR = /[\p{L}\p{M}]/u;
const HAN = /\p{Script=Han}/u;
const segmenters = new Map<string, Intl.Segmenter>();

function wordSegmenter(lang: string): Intl.Segmenter {
  let seg = segmenters.get(lang);
  if (!seg) {
    seg = new Intl.Segmenter(lang === UNDETERMINED ? undefined : lang, { granularity: 'word' });
    segmenters.set(lang, seg);
  }
  return seg;
}

function words(text: string, lang: string): string[] {
  const out: string[] = [];
  for (const s of wordSegmenter(lang).segment(text)) {
    if (s.isWordLike && HAS_WORD_CHAR.test(s.segment)) out.push(s.segment);
  }
  return out;
}

/** Chinese words as jieba's own dictionary cuts them (with HMM for unknown words). */
export function chineseWords(text: string): string[] {
  return plainChineseSegmenter().words(text);
}

/** Candidate foreign names in a Chinese text, by jieba's own dictionary (see ChineseSegmenter). */
export function chineseNameCandidates(text: string): string[] {
  return plainChineseSegmenter().nameCandidates(text);
}

function chineseTerms(text: string, chinese: ChineseSegmenter): string[] {
  const stop = stopwords('zh');
  // Transliterated foreign names (巴基耶夫) stay whole instead of falling apart (巴基耶 / 夫).
  return chinese
    .wordsWithNames(text)
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t.length > 0 && HAS_WORD_CHAR.test(t) && !stop.has(t));
}

/** Whether adjacent ungrouped Vietnamese syllables also yield a pair term. */
export const VI_SYLLABLE_PAIRS = true;

function vietnameseTerms(
  text: string,
  hintWords: readonly string[],
  lexicon: VietnameseLexicon,
): string[] {
  const stop = stopwords('vi');
  const extra = new Set(hintWords);
  const extraLongest = longestWords(extra);
  const terms: string[] = [];
  // Words never span punctuation, so group clause by clause.
  for (const clause of text.toLowerCase().split(/[^\p{L}\p{M}\s-]+/u)) {
    const syllables = clause.split(/[\s-]+/).filter((s) => HAS_WORD_CHAR.test(s));
    const grouped = groupSyllables(syllables, lexicon, extra, extraLongest);
    grouped.forEach((word, i) => {
      if (!stop.has(word)) terms.push(word);
      // Two single syllables side by side are often a word the lexicon lacks: keep the pair.
      const next = grouped[i + 1];
      if (VI_SYLLABLE_PAIRS && next && !word.includes(' ') && !next.includes(' ')) {
        terms.push(`${word} ${next}`);
      }
    });
  }
  return terms;
}

function arabicTerms(text: string): string[] {
  const stop = stopwords('ar');
  const stem = STEMMERS.ar;
  const out: string[] = [];
  for (const w of words(text, 'ar')) {
    const norm = normalizeArabic(w);
    if (stop.has(w) || stop.has(norm) || norm.length < 2) continue;
    // Snowball Arabic removes the article but not a conjunction before it (وال-, فال-).
    const bare = /^[وف]ال/.test(norm) && norm.length > 5 ? norm.slice(1) : norm;
    out.push(stem(bare) || bare);
  }
  return out;
}

/** A word with its language's letter variants folded (Persian `ي` -> `ی`). */
function foldLetters(word: string, variants: Readonly<Record<string, string>> | undefined): string {
  return variants ? word.replace(/./gu, (c) => variants[c] ?? c) : word;
}

function genericTerms(text: string, lang: string): string[] {
  const stop = stopwords(lang);
  const stem = STEMMERS[lang];
  const variants = languageData(lang).letterVariants;
  const out: string[] = [];
  for (const raw of words(text, lang)) {
    const w = foldLetters(raw.toLowerCase(), variants).replace(/['’](s|d|ll|re|ve)?$/u, '');
    if (stop.has(w)) continue;
    // A single Latin letter or kana (a particle, an ending: `は`, `っ`) carries no meaning; a
    // single Han character often does.
    if (w.length < 2 && !HAN.test(w)) continue;
    out.push(stem ? stem(w) : w);
  }
  return out;
}

/**
 * A segmenter with its dictionaries: jieba with the user's Chinese words, and the Vietnamese
 * lexicon (the user's words and the multi-syllable headwords of the Vietnamese pack). Both are
 * built once, in `init` or on first use, before any text is segmented, and never change after.
 */
export class Segmenter {
  private readonly resources: PipelineResources;
  private readonly packWords: () => Iterable<string>;
  private zh: ChineseSegmenter | null = null;
  private vi: VietnameseLexicon | null = null;

  /**
   * `packWords` gives the Vietnamese pack's multi-syllable words; it is called once, when the
   * dictionaries are built (the segmenter does not read packs itself: packs are built with it).
   */
  constructor(resources: PipelineResources = {}, packWords: () => Iterable<string> = () => []) {
    this.resources = resources;
    this.packWords = packWords;
  }

  init(): void {
    this.zh ??= new ChineseSegmenter(this.resources.zhWords ?? []);
    this.vi ??= new VietnameseLexicon([...this.packWords(), ...(this.resources.viWords ?? [])]);
  }

  get chinese(): ChineseSegmenter {
    this.init();
    return this.zh!;
  }

  get vietnamese(): VietnameseLexicon {
    this.init();
    return this.vi!;
  }

  /** The content terms of a text in a given language. */
  terms(text: string, lang: string, hintWords: readonly string[] = []): string[] {
    switch (languageData(lang).segmenter) {
      case 'jieba':
        return chineseTerms(text, this.chinese);
      case 'syllables':
        return vietnameseTerms(text, hintWords, this.vietnamese);
      case 'arabic':
        return arabicTerms(text);
      case 'words':
        return genericTerms(text, lang);
    }
  }
}

let plain: Segmenter | null = null;

/**
 * The content terms of a text with no user words and no pack lexicon: for pack headwords, the
 * stored reports and tests. Pure.
 */
export function segmentTerms(
  text: string,
  lang: string,
  hintWords: readonly string[] = [],
): string[] {
  plain ??= new Segmenter();
  return plain.terms(text, lang, hintWords);
}

/** How much more a title term counts than a body term: headlines name the event. */
export const TITLE_REPEAT = 2;

export function createSegmentStage(segmenter: Segmenter): Stage {
  return {
    name: 'segment@1',
    requires: ['title', 'text', 'lang', 'hintWords'],
    assigns: ['terms'],
    async init() {
      segmenter.init();
    },
    run(article) {
      const lang = article.lang ?? 'und';
      const hints = article.hintWords ?? [];
      const titleTerms = segmenter.terms(article.title, lang, hints);
      const terms = segmenter.terms(article.text, lang, hints);
      for (let i = 0; i < TITLE_REPEAT; i++) terms.push(...titleTerms);
      return { ...article, terms };
    },
  };
}
