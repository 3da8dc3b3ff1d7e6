import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import type { Stage } from '../pipeline.ts';
import { normalizeArabic } from './arabic.ts';
import { chineseNameRuns } from '../anchors/translit.ts';
import { STEMMERS } from './stemmers.ts';
import { stopwords } from './stopwords.ts';
import { groupSyllables, vietnameseLexicon } from './vietnamese.ts';

/**
 * Segmentation and stemming: turns a normalised text into content terms for monolingual
 * TF-IDF. A cascade by language:
 *   zh            -> jieba (with user dictionary words for names)
 *   vi            -> syllables grouped into words by longest lexicon match
 *   ar            -> orthographic normalisation, proclitic stripping, Snowball Arabic
 *   Snowball langs-> Intl.Segmenter words + Snowball stemmer
 *   anything else -> Intl.Segmenter words, lower-cased
 */

let jieba: Jieba | null = null;
const userWords = new Set<string>();

function getJieba(): Jieba {
  if (!jieba) jieba = Jieba.withDict(dict);
  return jieba;
}

/** Adds words (typically transliterated names) so jieba keeps them whole: `巴基耶夫`. */
export function addChineseWords(words: Iterable<string>): void {
  const fresh = [...words].filter((w) => w.length > 1 && !userWords.has(w));
  if (fresh.length === 0) return;
  for (const w of fresh) userWords.add(w);
  getJieba().loadDict(Buffer.from(fresh.map((w) => `${w} 100000 nr`).join('\n') + '\n'));
}

const HAS_WORD_CHAR = /[\p{L}\p{M}]/u;
const HAN_OR_KANA = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const segmenters = new Map<string, Intl.Segmenter>();

function wordSegmenter(lang: string): Intl.Segmenter {
  let seg = segmenters.get(lang);
  if (!seg) {
    seg = new Intl.Segmenter(lang === 'und' ? undefined : lang, { granularity: 'word' });
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

/** Chinese words as jieba cuts them (with HMM for unknown words). */
export function chineseWords(text: string): string[] {
  return getJieba().cut(text, true);
}

/**
 * Candidate foreign names in a Chinese text: runs of transliteration characters
 * (anchors/translit.ts), trimmed where a longer word jieba knows runs into them. In
 * `印度尼西亚雅加达` (Indonesia's Jakarta) the run starts inside `印度尼西亚`: the candidate is
 * `雅加达`, not `尼西亚雅加达`. Only dictionary words of three or more characters trim.
 */
export function chineseNameCandidates(text: string): string[] {
  const runs = chineseNameRuns(text);
  if (runs.length === 0) return runs;
  // Without HMM, every token of two or more characters is a word of the dictionary (or a name
  // added before); jieba's guesses for unknown words (`巴耶娃`) would cut into names.
  const tokens = getJieba().cut(text, false);
  if (tokens.join('') !== text) return runs;
  const spans: { start: number; end: number }[] = [];
  let offset = 0;
  for (const t of tokens) {
    spans.push({ start: offset, end: offset + t.length });
    offset += t.length;
  }
  const crossing = (at: number) =>
    spans.find((s) => s.start < at && at < s.end && s.end - s.start >= 3);
  const out: string[] = [];
  let from = 0;
  for (const run of runs) {
    const at = text.indexOf(run, from);
    if (at < 0) continue;
    from = at + run.length;
    // A word that starts before the run and ends inside it cuts the run's head off; a word
    // that starts inside it and runs past its end cuts the tail. A word that starts with the
    // run (`诺贝尔奖`, Nobel Prize; `阿拉斯加州`, the state of Alaska) leaves the name whole.
    const start = crossing(at)?.end ?? at;
    let end = at + run.length;
    const tail = crossing(end);
    if (tail && tail.start > start) end = tail.start;
    if (end - start >= 3) out.push(text.slice(start, end));
  }
  return out;
}

function chineseTerms(text: string): string[] {
  const stop = stopwords('zh');
  // Transliterated foreign names (巴基耶夫) stay whole instead of falling apart (巴基耶 / 夫).
  addChineseWords(chineseNameCandidates(text));
  return chineseWords(text)
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t.length > 0 && HAS_WORD_CHAR.test(t) && !stop.has(t));
}

/** Whether adjacent ungrouped Vietnamese syllables also yield a pair term. */
export const VI_SYLLABLE_PAIRS = true;

function vietnameseTerms(text: string, hintWords: readonly string[]): string[] {
  const stop = stopwords('vi');
  const extra = new Set(hintWords);
  const terms: string[] = [];
  // Words never span punctuation, so group clause by clause.
  for (const clause of text.toLowerCase().split(/[^\p{L}\p{M}\s-]+/u)) {
    const syllables = clause.split(/[\s-]+/).filter((s) => HAS_WORD_CHAR.test(s));
    const grouped = groupSyllables(syllables, vietnameseLexicon, extra);
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

function genericTerms(text: string, lang: string): string[] {
  const stop = stopwords(lang);
  const stem = STEMMERS[lang];
  const out: string[] = [];
  for (const raw of words(text, lang)) {
    const w = raw.toLowerCase().replace(/['’](s|d|ll|re|ve)?$/u, '');
    if (stop.has(w)) continue;
    // A single Latin letter carries no meaning; a single Han or kana character often does.
    if (w.length < 2 && !HAN_OR_KANA.test(w)) continue;
    out.push(stem ? stem(w) : w);
  }
  return out;
}

/** The content terms of a text in a given language. Pure apart from the shared lexicons. */
export function segmentTerms(
  text: string,
  lang: string,
  hintWords: readonly string[] = [],
): string[] {
  switch (lang) {
    case 'zh':
      return chineseTerms(text);
    case 'vi':
      return vietnameseTerms(text, hintWords);
    case 'ar':
      return arabicTerms(text);
    default:
      return genericTerms(text, lang);
  }
}

/** How much more a title term counts than a body term: headlines name the event. */
export const TITLE_REPEAT = 2;

export const segmentStage: Stage = {
  name: 'segment@1',
  requires: ['title', 'text', 'lang', 'hintWords'],
  assigns: ['terms'],
  async init() {
    getJieba();
  },
  run(article) {
    const lang = article.lang ?? 'und';
    const hints = article.hintWords ?? [];
    const titleTerms = segmentTerms(article.title, lang, hints);
    const terms = segmentTerms(article.text, lang, hints);
    for (let i = 0; i < TITLE_REPEAT; i++) terms.push(...titleTerms);
    return { ...article, terms };
  },
};
