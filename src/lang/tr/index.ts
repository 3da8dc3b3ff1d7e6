import type { LanguageData } from '../types.ts';

export const tr: LanguageData = {
  code: 'tr',
  segmenter: 'words',
  inflectsNames: true,
};
