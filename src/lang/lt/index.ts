import type { LanguageData } from '../types.ts';

export const lt: LanguageData = {
  code: 'lt',
  segmenter: 'words',
  inflectsNames: true,
};
