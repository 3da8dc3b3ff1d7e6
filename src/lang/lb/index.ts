import type { LanguageData } from '../types.ts';
import { de } from '../de/index.ts';

/** Luxembourgish capitalises nouns as German does, after much the same articles. */
export const lb: LanguageData = {
  code: 'lb',
  segmenter: 'words',
  capitalisesNouns: true,
  nounMarkers: de.nounMarkers,
};
