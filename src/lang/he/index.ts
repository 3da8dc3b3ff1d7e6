import type { LanguageData } from '../types.ts';

/**
 * Hebrew writes the conjunction, the article and the prepositions onto the next word
 * (`ו ה ב ל מ ש כ`: `והממשלה` and the government), and plural endings after it.
 */
export const he: LanguageData = {
  code: 'he',
  segmenter: 'words',
  nameForms: 'unknown-words',
  nameWords: {
    pattern: /\p{Script=Hebrew}{3,}/gu,
    minLength: 3,
    proclitics: ['ו', 'ה', 'ב', 'ל', 'מ', 'ש', 'כ'],
  },
  lookupAffixes: {
    prefixes: [
      'וכש',
      'ומה',
      'ושה',
      'וכשה',
      'כש',
      'וש',
      'וה',
      'וב',
      'ול',
      'ומ',
      'וכ',
      'שה',
      'שב',
      'של',
      'שמ',
      'מה',
      'כשה',
      'לכ',
      'ה',
      'ו',
      'ב',
      'ל',
      'מ',
      'ש',
      'כ',
    ],
    suffixes: ['ים', 'ות', 'ית', 'יו', 'יה', 'ם', 'ה'],
    minStem: 2,
  },
};
