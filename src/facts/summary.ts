import { languageData } from '../lang/index.ts';
import { represent } from '../represent/index.ts';
import type { StoredArticle } from '../types.ts';

/**
 * Titles and extractive summaries. A report's centrality is the cosine of its concept vector
 * (glosses and anchors, language-neutral) with the sum over the event's reports, so the most
 * typical report of the event, in whatever language, comes first.
 */

export interface Ranked {
  article: StoredArticle;
  centrality: number;
}

function unit(pairs: readonly (readonly [string, number])[]): Map<string, number> {
  const v = new Map<string, number>();
  for (const [k, w] of pairs) v.set(k, (v.get(k) ?? 0) + w);
  const n = Math.sqrt([...v.values()].reduce((a, w) => a + w * w, 0)) || 1;
  for (const [k, w] of v) v.set(k, w / n);
  return v;
}

/** `concepts[i]` is article i's representation; computed here when not given. */
export function rankReports(
  articles: readonly StoredArticle[],
  concepts: readonly (readonly (readonly [string, number])[])[] = articles.map(
    (a) => represent(a.lang, a.terms, a.anchors).concepts,
  ),
): Ranked[] {
  const vectors = concepts.map(unit);
  const sum = new Map<string, number>();
  for (const v of vectors) for (const [k, w] of v) sum.set(k, (sum.get(k) ?? 0) + w);
  const sumNorm = Math.sqrt([...sum.values()].reduce((a, w) => a + w * w, 0)) || 1;
  return articles
    .map((article, i) => {
      let dot = 0;
      for (const [k, w] of vectors[i]) dot += w * (sum.get(k) ?? 0);
      return { article, centrality: dot / sumNorm };
    })
    .sort((a, b) => b.centrality - a.centrality);
}

export interface Title {
  title: string;
  lang: string;
  articleId: string;
}

/**
 * The title in the wanted language when a report in it exists, else in English (the pivot)
 * when one exists, else the most central report's: one rule, whatever packs are installed.
 */
export function eventTitle(ranked: readonly Ranked[], lang?: string): Title {
  const pick =
    (lang && ranked.find((r) => r.article.lang === lang && r.article.title)) ||
    ranked.find((r) => languageData(r.article.lang).pivot && r.article.title) ||
    ranked[0];
  return { title: pick.article.title, lang: pick.article.lang, articleId: pick.article.id };
}

export interface SummarySentence {
  sentence: string;
  articleId: string;
  lang: string;
}

/** Sentence ends in the scripts we read; a Latin full stop only before a space. */
// A full stop after a digit is an ordinal or a date (`am 14. Januar`), not a sentence end.
const SENTENCE_END = /(?<=[^\d][.!?])\s+|(?<=[。！？؟])/u;
const MIN_SENTENCE = 25;
const MAX_SENTENCE = 320;

/**
 * Two or three sentences from the most central reports (one lead sentence each, in the wanted
 * language first when there are reports in it), each citing its report.
 */
export function summarize(ranked: readonly Ranked[], lang?: string, count = 3): SummarySentence[] {
  const order = lang
    ? [
        ...ranked.filter((r) => r.article.lang === lang),
        ...ranked.filter((r) => r.article.lang !== lang),
      ]
    : ranked;
  const out: SummarySentence[] = [];
  const seen = new Set<string>();
  for (const { article } of order) {
    const credits = languageData(article.lang).credits ?? [];
    const sentence = article.text
      .split('\n')
      .flatMap((p) => p.split(SENTENCE_END))
      .map((s) => credits.reduce((t, re) => t.replace(re, ''), s.trim()).trim())
      .find((s) => s.length >= MIN_SENTENCE && s.length <= MAX_SENTENCE && !seen.has(s));
    if (!sentence) continue;
    seen.add(sentence);
    out.push({ sentence, articleId: article.id, lang: article.lang });
    if (out.length >= count) break;
  }
  return out;
}
