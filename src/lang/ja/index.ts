import type { LanguageData } from '../types.ts';
import { zh } from '../zh/index.ts';

/** Japanese writes names and dates in Han characters as Chinese does (`7日`, `2020年10月5日`). */
export const ja: LanguageData = {
  code: 'ja',
  segmenter: 'words',
  // Foreign names are written in katakana; the loanwords among them are in the pack.
  nameForms: 'unknown-words',
  nameWords: { pattern: /[\p{Script=Katakana}ー・]{3,}/gu, minLength: 3 },
  packHeadwords: 'as-written',
  mentions: 'han-runs',
  dayOfMonthAlone: true,
  figureWindow: zh.figureWindow,
};
