import type { SearchDoc } from '../types.ts';

/**
 * The tokens an article is found by in the search index: its stems (which match a query in the
 * same language) and its concept and anchor keys (English-pivot glosses, names, numbers,
 * places), which match a query in any language. A query is turned into the same two lists, so
 * index and query always agree on what a token is.
 */
export function searchDoc(article: {
  terms: readonly string[];
  concepts: readonly (readonly [string, number])[];
}): SearchDoc {
  return {
    terms: [...new Set(article.terms)],
    keys: [...new Set(article.concepts.map(([k]) => k))],
  };
}
