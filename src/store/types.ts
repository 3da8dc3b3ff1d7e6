import type { AliasRow } from '../anchors/aliases.ts';
import type { Rejection } from '../errors.ts';
import type { Anchors, StoredArticle } from '../types.ts';

/** The event row as stored: the summary the clusterer keeps current as articles join. */
export interface StoredEvent {
  id: string;
  title: string;
  titleLang: string;
  languages: string[];
  names: string[];
  countries: string[];
  firstDate: string | null;
  lastDate: string | null;
  articleCount: number;
  firstSeen: string;
  updatedAt: string;
  /** Versioned names of the stages and parameters that produced the event. */
  provenance: string[];
}

/** What the clusterer reloads at start: each article's features and its event. */
export interface ClusterRow {
  id: string;
  /** The title, or the start of the text when the report has none. */
  title: string;
  lang: string;
  terms: string[];
  anchors: Anchors;
  published: string | null;
  eventId: string;
  eventDate: string | null;
}

export interface EventQuery {
  lang?: string;
  since?: string;
  limit?: number;
}

export interface StoreStats {
  articles: number;
  events: number;
  languages: Record<string, number>;
  rejected: number;
}

/**
 * Storage behind one interface: articles, events, their features and the rejections log.
 * SQLite is the embedded default; other back ends implement the same contract
 * (test/store.contract.ts).
 */
export interface Store {
  /** Runs `fn` atomically: everything it wrote lands, or nothing does. */
  transaction<T>(fn: () => T): T;
  hasArticle(id: string): boolean;
  /** The event an article belongs to, or null when the article is not stored. */
  articleEventId(id: string): string | null;
  /** The id of an article with this normalised-content hash, if any. */
  articleByContentHash(hash: string): string | null;
  insertArticle(article: StoredArticle): void;
  upsertEvent(event: StoredEvent): void;
  /** Moves every article of event `from` into `into` and deletes `from`. */
  mergeEvents(from: string, into: string): void;
  /** Records the day an article's event happened, learned after it was stored. */
  setEventDate(articleId: string, eventDate: string): void;
  /** Every stored article's clustering features, in arrival order. */
  clusterRows(): Iterable<ClusterRow>;
  maxEventSeq(): number;
  getEvent(id: string): StoredEvent | null;
  listEvents(query?: EventQuery): StoredEvent[];
  eventArticles(eventId: string): StoredArticle[];
  eventArticleIds(eventId: string): string[];
  recordRejection(r: Rejection): void;
  /** Learned name aliases (src/anchors/aliases.ts). */
  aliasRows(): AliasRow[];
  saveAlias(row: AliasRow): void;
  stats(): StoreStats;
  close(): void;
}
