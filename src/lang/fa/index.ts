import type { LanguageData } from '../types.ts';

/** Persian is written in Arabic script: names are found as Arabic ones are. */
export const fa: LanguageData = {
  code: 'fa',
  segmenter: 'words',
  mentions: 'arabic-forms',
};
