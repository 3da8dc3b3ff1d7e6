import type { LanguageData } from '../types.ts';

/** Hindi oblique and plural endings on nouns (`चुनावों` of the elections -> `चुनाव`). */
export const hi: LanguageData = {
  code: 'hi',
  segmenter: 'words',
  lookupAffixes: {
    suffixes: ['ियों', 'ियाँ', 'ियां', 'ाओं', 'ाएं', 'ाएँ', 'ों', 'ें', 'ाँ', 'ां', 'े', 'ी', 'ा'],
    minStem: 2,
  },
};
