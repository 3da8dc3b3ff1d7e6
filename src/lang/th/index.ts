import type { LanguageData } from '../types.ts';

/**
 * Thai writes no spaces between words: Intl.Segmenter('th') cuts them by ICU's dictionary, and
 * the pack's headwords are cut the same way (one word each, or left out).
 */
export const th: LanguageData = {
  code: 'th',
  segmenter: 'words',
};
