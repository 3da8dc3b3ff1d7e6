import type { LanguageData } from '../types.ts';

export const fi: LanguageData = {
  code: 'fi',
  segmenter: 'words',
  inflectsNames: true,
};
