import { anchorKeys } from '../cluster/features.ts';
import { represent } from '../represent/index.ts';
import type { StoredArticle } from '../types.ts';

/**
 * Why a report is in its event: how close it is to the event's other reports (the cosine of
 * its concept vector with theirs taken together) and what it shares with them: names,
 * numbers, dates, places and English-pivot concepts. Computed from the stored reports, so it
 * explains the event as it is now, after later reports and corrections.
 */
export interface ReportWhy {
  /** Cosine with the rest of the event's concepts (0–1); 1 for a report alone. */
  similarity: number;
  names: string[];
  numbers: string[];
  dates: string[];
  places: string[];
  concepts: string[];
  /** True when a person put it here (a move); clustering will not take it out. */
  corrected?: boolean;
}

const SHOWN = 8;

export function explainReports(articles: readonly StoredArticle[]): Map<string, ReportWhy> {
  const vectors = articles.map((a) => new Map(represent(a.lang, a.terms, a.anchors).concepts));
  const total = new Map<string, number>();
  const holders = new Map<string, number>();
  for (const v of vectors) {
    for (const [k, w] of v) {
      total.set(k, (total.get(k) ?? 0) + w);
      holders.set(k, (holders.get(k) ?? 0) + 1);
    }
  }
  const out = new Map<string, ReportWhy>();
  articles.forEach((a, i) => {
    const own = vectors[i];
    let dot = 0;
    let ownNorm = 0;
    let restNorm = 0;
    for (const w of own.values()) ownNorm += w * w;
    for (const [k, t] of total) {
      const rest = t - (own.get(k) ?? 0);
      restNorm += rest * rest;
      dot += (own.get(k) ?? 0) * rest;
    }
    const alone = articles.length === 1;
    const similarity = alone ? 1 : ownNorm && restNorm ? dot / Math.sqrt(ownNorm * restNorm) : 0;
    // Shared: held by this report and at least one other.
    const shared = (keys: readonly string[]) =>
      [...new Set(keys)].filter((k) => (holders.get(k) ?? 0) >= 2);
    const anchors = shared(anchorKeys(a.anchors));
    const pick = (prefix: string) =>
      anchors
        .filter((k) => k.startsWith(prefix))
        .map((k) => k.slice(prefix.length))
        .slice(0, SHOWN);
    const concepts = shared([...own.keys()].filter((k) => k.startsWith('g:')))
      .sort((x, y) => (total.get(y) ?? 0) - (total.get(x) ?? 0))
      .slice(0, SHOWN)
      .map((k) => k.slice(2));
    out.set(a.id, {
      similarity: Math.round(similarity * 1000) / 1000,
      names: pick('p:'),
      numbers: pick('n:'),
      dates: pick('d:'),
      places: [...pick('c:'), ...pick('l:')],
      concepts,
    });
  });
  return out;
}
