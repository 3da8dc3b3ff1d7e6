import { anchorKeys } from '../cluster/features.ts';
import { packFor } from '../lexicon/pack.ts';
import type { Stage } from '../pipeline.ts';
import type { Anchors } from '../types.ts';
import { languageData } from '../lang/index.ts';

/**
 * The cross-lingual representation: every article, whatever its language, as weighted
 * English-pivot concepts (`g:` + Snowball English stem of a dictionary gloss) plus its
 * language-neutral anchors (numbers, dates, names, countries). English terms are already
 * such stems. A language with no pack is represented by its anchors alone.
 */

/** How much one anchor counts against one fully weighted gloss concept. */
export const ANCHOR_WEIGHT = 1;

export interface Representation {
  concepts: [string, number][];
  /** Share of the terms the language's pack knew (1 for English; 0 with no pack). */
  coverage: number;
  hasPack: boolean;
}

export function represent(
  lang: string,
  terms: readonly string[],
  anchors: Anchors,
): Representation {
  const weights = new Map<string, number>();
  const add = (k: string, w: number) => weights.set(k, (weights.get(k) ?? 0) + w);
  let known = 0;
  // The pivot language's segmenter output is itself the concept space (English stems).
  const pivot = languageData(lang).pivot ?? false;
  const pack = pivot ? null : packFor(lang);
  for (const term of terms) {
    if (pivot) {
      add(`g:${term}`, 1);
      known++;
      continue;
    }
    const concepts = pack?.get(term);
    if (!concepts) continue;
    known++;
    for (const [c, w] of concepts) add(`g:${c}`, w);
  }
  for (const key of anchorKeys(anchors)) weights.set(key, ANCHOR_WEIGHT);
  return {
    concepts: [...weights],
    coverage: terms.length ? known / terms.length : 0,
    hasPack: pivot || pack !== null,
  };
}

export const representStage: Stage = {
  name: 'represent@1',
  requires: ['lang', 'terms', 'anchors'],
  assigns: ['concepts'],
  async init() {
    // The Vietnamese pack also supplies multi-syllable words to the segmenter.
    packFor('vi');
  },
  run(article) {
    const r = represent(article.lang ?? 'und', article.terms ?? [], article.anchors!);
    return { ...article, concepts: r.concepts, conceptCoverage: r.coverage };
  },
};
