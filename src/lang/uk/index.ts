import type { LanguageData } from '../types.ts';

export const uk: LanguageData = {
  code: 'uk',
  segmenter: 'words',
  inflectsNames: true,
};
