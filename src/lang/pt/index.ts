import type { LanguageData } from '../types.ts';

/** Portuguese: Snowball stems words and headwords alike. */
export const pt: LanguageData = {
  code: 'pt',
  segmenter: 'words',
};
