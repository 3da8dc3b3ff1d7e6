import type { LanguageData } from '../types.ts';

export const ko: LanguageData = {
  code: 'ko',
  segmenter: 'words',
  // Korean packs a name into two or three syllable blocks and attaches particles to it.
  nameParticles:
    /(?:에서|에게|으로|까지|부터|보다|처럼|이며|은|는|이|가|을|를|의|에|와|과|로|도|만|며)$/u,
};
