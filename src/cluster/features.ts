import type { Anchors } from '../types.ts';

/** What the clusterer needs of an article: its language, terms, anchors and day. */
export interface ClusterFeatures {
  id: string;
  lang: string;
  /** Term -> sublinear tf, already divided by the vector's length (so idf can be applied later). */
  terms: Map<string, number>;
  /** Anchor keys with a type prefix: `n:590`, `d:2020-10-05`, `p:akayev`, `c:KG`. */
  anchors: string[];
  /** Language-neutral concepts (glosses and anchors), divided by the vector's length. */
  concepts: Map<string, number>;
  /** Days since 1970-01-01 of the publication date, or null. */
  day: number | null;
  /** Names of several words as written, for the event summary only (not scored). */
  fullNames?: readonly string[];
}

export function anchorKeys(a: Anchors): string[] {
  return [
    ...a.numbers.map((x) => `n:${x}`),
    ...a.dates.filter((d) => d.length >= 7).map((x) => `d:${x}`),
    ...a.names.map((x) => `p:${x}`),
    ...a.countries.map((x) => `c:${x}`),
    ...(a.skeletons ?? []).map((x) => `s:${x}`),
    ...(a.cities ?? []).map((x) => `l:${x}`),
  ];
}

export function dayNumber(date: string | null): number | null {
  if (!date) return null;
  const t = Date.parse(date.slice(0, 10));
  return Number.isNaN(t) ? null : Math.floor(t / 86_400_000);
}

export function toFeatures(
  id: string,
  lang: string,
  terms: readonly string[],
  anchors: Anchors,
  published: string | null,
  concepts: readonly (readonly [string, number])[] = [],
  anchorShare = ANCHOR_SHARE,
): ClusterFeatures {
  const counts = new Map<string, number>();
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  let norm = 0;
  for (const [t, c] of counts) {
    const w = 1 + Math.log(c);
    counts.set(t, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [t, w] of counts) counts.set(t, w / norm);
  return {
    id,
    lang,
    terms: counts,
    anchors: [...new Set(anchorKeys(anchors))],
    concepts: blend(concepts, anchorShare),
    day: dayNumber(published),
    fullNames: anchors.fullNames ?? [],
  };
}

/**
 * How much of a concept vector's length its anchors get; the rest goes to the glosses. Kept
 * apart because a long article has hundreds of glosses and a dozen anchors, and the anchors
 * (names, numbers) are what a translation is most sure to share.
 */
export const ANCHOR_SHARE = 0.5;

/** Glosses (`g:` keys) and anchors, each scaled to unit length, then mixed by `anchorShare`. */
function blend(
  concepts: readonly (readonly [string, number])[],
  anchorShare: number,
): Map<string, number> {
  const glosses = unitVector(
    concepts.filter(([k]) => k.startsWith('g:')).map(([k, w]) => [k, 1 + Math.log(1 + w)] as const),
  );
  const anchors = unitVector(concepts.filter(([k]) => !k.startsWith('g:')));
  const hasG = glosses.size > 0;
  const hasA = anchors.size > 0;
  const a = hasG && hasA ? anchorShare : hasA ? 1 : 0;
  const g = hasG && hasA ? 1 - anchorShare : hasG ? 1 : 0;
  const out = new Map<string, number>();
  for (const [k, w] of glosses) out.set(k, w * g);
  for (const [k, w] of anchors) out.set(k, w * a);
  return unitVector([...out]);
}

function unitVector(weights: readonly (readonly [string, number])[]): Map<string, number> {
  const v = new Map<string, number>();
  for (const [k, w] of weights) v.set(k, (v.get(k) ?? 0) + w);
  let norm = 0;
  for (const w of v.values()) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  for (const [k, w] of v) v.set(k, w / norm);
  return v;
}
