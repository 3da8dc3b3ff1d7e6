import type { LanguageData } from '../types.ts';

export const hu: LanguageData = {
  code: 'hu',
  segmenter: 'words',
  inflectsNames: true,
};
