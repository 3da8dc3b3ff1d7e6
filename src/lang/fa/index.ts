import type { LanguageData } from '../types.ts';

/**
 * Persian is written in Arabic script: names are found as Arabic ones are. Arabic `ي` and `ك`
 * stand for Persian `ی` and `ک` in many texts; plural and ezafe endings follow the word, after a
 * zero-width non-joiner or not (`کشورها`, `کشور‌های`).
 */
export const fa: LanguageData = {
  code: 'fa',
  segmenter: 'words',
  mentions: 'arabic-forms',
  letterVariants: { ي: 'ی', ى: 'ی', ك: 'ک', ة: 'ه', ۀ: 'ه', أ: 'ا', إ: 'ا' },
  lookupAffixes: {
    prefixes: ['نمی\u200c', 'می\u200c', 'نمی', 'می'],
    suffixes: [
      '\u200cهای',
      '\u200cها',
      '\u200cای',
      '\u200cی',
      'های',
      'ها',
      'ترین',
      'تر',
      'ان',
      'ای',
      'ی',
    ],
    maxSuffixes: 2,
    minStem: 2,
  },
};
