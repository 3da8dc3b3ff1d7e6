import type { LanguageData } from '../types.ts';

/** Hindi oblique and plural endings on nouns (`चुनावों` of the elections -> `चुनाव`). */
export const hi: LanguageData = {
  code: 'hi',
  segmenter: 'words',
  nameForms: 'unknown-words',
  nameWords: { pattern: /[\p{Script=Devanagari}\p{M}]{3,}/gu, minLength: 3 },
  lookupAffixes: {
    suffixes: ['ियों', 'ियाँ', 'ियां', 'ाओं', 'ाएं', 'ाएँ', 'ों', 'ें', 'ाँ', 'ां', 'े', 'ी', 'ा'],
    minStem: 2,
  },
};
