import { AliasTable } from '../anchors/aliases.ts';
import { nameKey, MIN_NAME_KEY_LENGTH } from '../anchors/names.ts';
import { nameSkeleton } from '../anchors/translit.ts';
import { BabelwireError } from '../errors.ts';
import type { Pipeline, PipelineResources } from '../pipeline.ts';
import { represent } from '../represent/index.ts';
import { searchDoc } from '../represent/search-doc.ts';
import { createDefaultPipeline } from '../stages.ts';
import type { SearchDoc, SearchHit, StoreReader } from '../store/index.ts';
import type { Article, StoredArticle } from '../types.ts';

/**
 * Search across languages. A query is analysed by the same pipeline as an article (language,
 * segmentation, anchors, concepts), so it is looked up by the same tokens the index holds:
 * its stems find reports in its own language, its concept keys (English-pivot glosses) and
 * anchor keys (names by their romanised form and consonant skeleton, numbers, places) find
 * them in every other. Ranking is the store's (BM25 on SQLite, ts_rank on PostgreSQL).
 */

export type SearchKind = 'article' | 'event';

export interface SearchOptions {
  type?: SearchKind;
  lang?: string;
  since?: string;
  until?: string;
  /** At most this many results (default 20). */
  limit?: number;
}

export interface SearchResult {
  type: SearchKind;
  id: string;
  event: string;
  lang: string;
  title: string;
  score: number;
  /** Plain text around what matched (never HTML). */
  snippet: string;
}

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 500;
/** Query length cap: a query is a few words, not an article. */
export const MAX_QUERY_CHARS = 1000;

/** Article hits fetched per wanted result: events gather several. */
const POOL = 5;
/** An event mate of a matching report ranks at this share of the event's best score. */
const MATE_SHARE = 0.8;
/** Mates are added for this many of the best-matching events, at most this many each. */
const MATE_EVENTS = 10;
const MATES_PER_EVENT = 50;

function withinFilter(a: StoredArticle, options: SearchOptions): boolean {
  if (options.lang && a.lang !== options.lang) return false;
  const day = a.eventDate ?? a.published?.slice(0, 10) ?? null;
  if (options.since && (day === null || day < options.since)) return false;
  if (options.until && (day === null || day > options.until)) return false;
  return true;
}

export class Searcher {
  private constructor(
    private readonly store: StoreReader,
    private readonly pipeline: Pipeline,
    private aliases: AliasTable,
  ) {}

  static async open(store: StoreReader, resources: PipelineResources = {}): Promise<Searcher> {
    const pipeline = createDefaultPipeline(resources);
    await pipeline.init();
    const searcher = new Searcher(store, pipeline, new AliasTable());
    await searcher.refresh();
    return searcher;
  }

  /** Reloads the learned name aliases (the writer adds to them as reports arrive). */
  async refresh(): Promise<void> {
    const aliases = new AliasTable();
    aliases.load(await this.store.aliasRows(), await this.store.aliasObservations());
    this.aliases = aliases;
  }

  /** The tokens a query is looked up by. */
  queryDoc(query: string): SearchDoc {
    const q = query.trim();
    if (q === '') throw new BabelwireError('E_USAGE', 'the query is empty');
    if (q.length > MAX_QUERY_CHARS) {
      throw new BabelwireError('E_USAGE', `the query is over ${MAX_QUERY_CHARS} characters`);
    }
    const analysed = this.analyse(q);
    return searchDoc({
      terms: analysed.terms ?? [],
      concepts: analysed.concepts ?? [],
    });
  }

  private analyse(q: string): Article {
    const article = this.pipeline.run(
      {
        id: 'query',
        idDerived: false,
        title: q,
        text: '',
        lang: null,
        published: null,
        url: null,
        source: null,
        origin: { file: 'query', line: 1 },
      },
      { aliases: this.aliases },
    );
    const lang = article.lang ?? 'und';
    const anchors = article.anchors;
    if (!anchors) return article;
    // A query is too short for the anchors stage to tell names from words (a name alone is
    // not capitalised mid-sentence, and `jeenbekov` may be typed in lower case): every word
    // is also looked up as a name, by its Latin key and, in a cased or caseless script where
    // it looks like one, its skeleton. A foreign form the store learned the Latin name of is
    // looked up by that name too.
    const words = q.split(/[\s\p{P}]+/u).filter((w) => [...w].length >= MIN_NAME_KEY_LENGTH);
    const names = new Set(anchors.names);
    const skeletons = new Set(anchors.skeletons ?? []);
    for (const w of words) {
      const key = nameKey(w);
      if (key.length >= MIN_NAME_KEY_LENGTH && !/^\d+$/.test(key)) names.add(key);
      if (/^\p{Lu}/u.test(w) || !/\p{Ll}/u.test(w)) {
        const s = nameSkeleton(w);
        if (s) skeletons.add(s);
      }
      const alias = this.aliases.lookup(w, lang);
      if (alias) {
        names.add(alias);
        const s = nameSkeleton(alias);
        if (s) skeletons.add(s);
      }
    }
    for (const f of anchors.nameForms ?? []) {
      const alias = this.aliases.lookup(f, lang);
      if (!alias) continue;
      names.add(alias);
      const s = nameSkeleton(alias);
      if (s) skeletons.add(s);
    }
    const withNames = { ...anchors, names: [...names], skeletons: [...skeletons] };
    return {
      ...article,
      anchors: withNames,
      concepts: represent(lang, article.terms ?? [], withNames).concepts,
    };
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchResult[]> {
    const limit = options.limit ?? DEFAULT_LIMIT;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
      throw new BabelwireError('E_USAGE', `limit must be a whole number from 1 to ${MAX_LIMIT}`);
    }
    const doc = this.queryDoc(query);
    const kind = options.type ?? 'article';
    const hits = await this.store.search(doc, {
      lang: options.lang,
      since: options.since,
      until: options.until,
      limit: limit * POOL,
    });
    const words = queryWords(query);
    if (kind === 'event') return this.eventResults(hits, words, limit);
    const ranked = await this.withEventMates(hits, options);
    const top = ranked.slice(0, limit);
    const articles = new Map(
      (await this.store.articlesById(top.map((h) => h.articleId))).map((a) => [a.id, a]),
    );
    return top.flatMap((h) => {
      const a = articles.get(h.articleId);
      return a ? [articleResult(h, a, words)] : [];
    });
  }

  /**
   * The clustering is the best cross-lingual evidence there is: the reports of an event that
   * matched well are found too, in every language, just below the best report that matched
   * (a share MATE_SHARE of its score), even when they share few tokens with the query.
   */
  private async withEventMates(
    hits: readonly SearchHit[],
    options: SearchOptions,
  ): Promise<SearchHit[]> {
    const best = new Map<string, number>();
    for (const h of hits) best.set(h.eventId, Math.max(best.get(h.eventId) ?? 0, h.score));
    const scored = new Map<string, SearchHit>();
    for (const h of hits) {
      const mate = MATE_SHARE * (best.get(h.eventId) ?? 0);
      scored.set(h.articleId, { ...h, score: Math.max(h.score, mate) });
    }
    const events = [...best].sort((a, b) => b[1] - a[1]).slice(0, MATE_EVENTS);
    for (const [eventId, score] of events) {
      const missing = (await this.store.eventArticleIds(eventId)).filter((id) => !scored.has(id));
      if (missing.length === 0) continue;
      for (const a of await this.store.articlesById(missing.slice(0, MATES_PER_EVENT))) {
        if (!withinFilter(a, options)) continue;
        scored.set(a.id, { articleId: a.id, eventId, lang: a.lang, score: MATE_SHARE * score });
      }
    }
    return [...scored.values()].sort(
      (a, b) => b.score - a.score || a.articleId.localeCompare(b.articleId),
    );
  }

  private async eventResults(
    hits: readonly SearchHit[],
    words: readonly string[],
    limit: number,
  ): Promise<SearchResult[]> {
    // An event ranks by its best report, with a little for each further one that matched.
    const byEvent = new Map<string, SearchHit[]>();
    for (const h of hits) byEvent.set(h.eventId, [...(byEvent.get(h.eventId) ?? []), h]);
    const ranked = [...byEvent]
      .map(([id, hs]) => ({
        id,
        best: hs[0],
        score: hs[0].score + 0.1 * hs.slice(1, 4).reduce((s, h) => s + h.score, 0),
      }))
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
    const best = new Map(
      (await this.store.articlesById(ranked.map((r) => r.best.articleId))).map((a) => [a.id, a]),
    );
    const out: SearchResult[] = [];
    for (const r of ranked) {
      const event = await this.store.getEvent(r.id);
      const a = best.get(r.best.articleId);
      if (!event || !a) continue;
      out.push({
        type: 'event',
        id: event.id,
        event: event.id,
        lang: event.titleLang,
        title: event.title,
        score: round(r.score),
        snippet: snippet(a, words),
      });
    }
    return out;
  }
}

function articleResult(h: SearchHit, a: StoredArticle, words: readonly string[]): SearchResult {
  return {
    type: 'article',
    id: a.id,
    event: a.eventId,
    lang: a.lang,
    title: a.title || firstLine(a.text),
    score: round(h.score),
    snippet: snippet(a, words),
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** The query's words as written, lower-cased, for finding them in a report's text. */
function queryWords(query: string): string[] {
  return query
    .toLowerCase()
    .split(/[\s\p{P}]+/u)
    .filter((w) => [...w].length >= 2);
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0]?.slice(0, 200) ?? '';
}

const SNIPPET_CHARS = 240;

/**
 * The sentence of a report that holds most of the query's words (a report in another language
 * holds none: its first sentence), cut at a word near SNIPPET_CHARS.
 */
export function snippet(a: { text: string; title: string }, words: readonly string[]): string {
  const sentences = a.text
    .split(/(?<=[.!?。！？؟])\s+|\n+/u)
    .map((s) => s.trim())
    .filter(Boolean);
  let best = sentences[0] ?? a.title;
  let bestHits = 0;
  for (const s of sentences) {
    const lower = s.toLowerCase();
    const hits = words.filter((w) => lower.includes(w)).length;
    if (hits > bestHits) {
      best = s;
      bestHits = hits;
    }
  }
  const chars = [...best];
  if (chars.length <= SNIPPET_CHARS) return best;
  const cut = chars.slice(0, SNIPPET_CHARS).join('');
  const atWord = cut.replace(/\s+\S*$/u, '');
  return (atWord.length > SNIPPET_CHARS / 2 ? atWord : cut) + '…';
}
