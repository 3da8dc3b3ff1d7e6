import type { Anchors } from '../types.ts';

/** What the clusterer needs of an article: its language, terms, anchors and day. */
export interface ClusterFeatures {
  id: string;
  lang: string;
  /** Term -> sublinear tf, already divided by the vector's length (so idf can be applied later). */
  terms: Map<string, number>;
  /** Anchor keys with a type prefix: `n:590`, `d:2020-10-05`, `p:akayev`, `c:KG`. */
  anchors: string[];
  /** Days since 1970-01-01 of the publication date, or null. */
  day: number | null;
}

export function anchorKeys(a: Anchors): string[] {
  return [
    ...a.numbers.map((x) => `n:${x}`),
    ...a.dates.filter((d) => d.length >= 7).map((x) => `d:${x}`),
    ...a.names.map((x) => `p:${x}`),
    ...a.countries.map((x) => `c:${x}`),
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
    day: dayNumber(published),
  };
}
