import type { LanguageData } from '../types.ts';
import { zh } from '../zh/index.ts';

/** Japanese writes names and dates in Han characters as Chinese does (`7日`, `2020年10月5日`). */
export const ja: LanguageData = {
  code: 'ja',
  // Foreign names are written in katakana: runs of three or more the pack does not know.
  nameForms: 'unknown-words',
  nameWords: /[\p{Script=Katakana}ー]{3,}/gu,
  segmenter: 'words',
  packHeadwords: 'as-written',
  mentions: 'han-runs',
  dayOfMonthAlone: true,
  figureWindow: zh.figureWindow,
};
