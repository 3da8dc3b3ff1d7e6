import { languageData } from '../lang/index.ts';

const ARABIC_VARIANTS = /[\u0622-\u0671]/;

/** Orthographic normalisation of Arabic before stemming: the same word is written many ways. */
export function normalizeArabic(word: string): string {
  // Every letter replaced below lies in U+0622–U+0671: most words (any other script) have none.
  if (!ARABIC_VARIANTS.test(word)) return word;
  return word
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '') // diacritics and tatweel
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي');
}

const PREFIXES = languageData('ar').proclitics ?? [];

/** Strips one proclitic (conjunction, preposition, article), keeping a stem of 3+ letters. */
export function stripArabicProclitic(word: string): string {
  for (const p of PREFIXES) {
    if (word.startsWith(p) && word.length - p.length >= 3) return word.slice(p.length);
  }
  return word;
}
