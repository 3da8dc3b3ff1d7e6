import type { LanguageData } from '../types.ts';

export const sr: LanguageData = {
  code: 'sr',
  segmenter: 'words',
  inflectsNames: true,
};
