import type { LanguageData } from '../types.ts';

/** Bengali case and plural endings (`নির্বাচনের` of the election -> `নির্বাচন`). */
export const bn: LanguageData = {
  code: 'bn',
  segmenter: 'words',
  lookupAffixes: {
    suffixes: [
      'গুলোর',
      'গুলো',
      'গুলি',
      'দের',
      'য়ের',
      'টির',
      'ের',
      'টি',
      'টা',
      'কে',
      'তে',
      'য়',
      'র',
      'ে',
    ],
    maxSuffixes: 2,
    minStem: 2,
  },
};
