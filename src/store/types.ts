import type { AliasObservation, AliasRow } from '../anchors/aliases.ts';
import type { Rejection } from '../errors.ts';
import type { Anchors, StoredArticle } from '../types.ts';

/** The event row as stored: the summary the writer keeps current as articles join. */
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
  /**
   * The actor and place keys its reports share (src/stories/), kept with the event so that
   * stories are built from the events alone, without reading every article again. Null for
   * an event stored before schema 3, until it next changes.
   */
  storyKeys: string[] | null;
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

/** A rejection as the store keeps it: where, why, and when it was seen. */
export interface StoredRejection extends Rejection {
  at: string;
}

/** One finding of `Store.check`: what is wrong, and how many rows show it. */
export interface CheckProblem {
  check: string;
  detail: string;
}

export interface CheckReport {
  schemaVersion: number;
  articles: number;
  events: number;
  problems: CheckProblem[];
}

/** Reads, from the store itself or from inside a transaction (which then sees its own writes). */
export interface StoreReader {
  hasArticle(id: string): Promise<boolean>;
  /** Which of these ids are stored (one query for a whole batch). */
  storedIds(ids: readonly string[]): Promise<Set<string>>;
  /** The event an article belongs to, or null when the article is not stored. */
  articleEventId(id: string): Promise<string | null>;
  /** The id of an article with this normalised-content hash, if any. */
  articleByContentHash(hash: string): Promise<string | null>;
  getEvent(id: string): Promise<StoredEvent | null>;
  listEvents(query?: EventQuery): Promise<StoredEvent[]>;
  eventArticles(eventId: string): Promise<StoredArticle[]>;
  eventArticleIds(eventId: string): Promise<string[]>;
  /** Every stored article's clustering features, in arrival order, read in pages. */
  clusterRows(): AsyncIterable<ClusterRow>;
  /** Every stored article, in arrival order, read in pages. */
  articles(): AsyncIterable<StoredArticle>;
  /** Learned name aliases (src/anchors/aliases.ts). */
  aliasRows(): Promise<AliasRow[]>;
  /** The events each alias pair was counted in. */
  aliasObservations(): Promise<AliasObservation[]>;
  rejections(): Promise<StoredRejection[]>;
  stats(): Promise<StoreStats>;
}

/** What a transaction may do: read, and write what lands together or not at all. */
export interface StoreTx extends StoreReader {
  insertArticle(article: StoredArticle): Promise<void>;
  upsertEvent(event: StoredEvent): Promise<void>;
  /** Moves every article of event `from` into `into` and deletes `from`. */
  mergeEvents(from: string, into: string): Promise<void>;
  /** Records the day an article's event happened, learned after it was stored. */
  setEventDate(articleId: string, eventDate: string): Promise<void>;
  recordRejection(r: Rejection): Promise<void>;
  /** Stores an alias's support, and the event that added to it when there is one. */
  saveAlias(row: AliasRow, eventId?: string): Promise<void>;
  /**
   * Reserves `n` event numbers and returns the first. The reservation is part of the
   * transaction: a rollback gives the numbers back, and a second writer waits for this one's
   * commit, so two writers never hand out the same event id.
   */
  reserveEventNumbers(n: number): Promise<number>;
  /** Gives back the numbers from `next` on that this transaction reserved but did not use. */
  releaseEventNumbers(next: number): Promise<void>;
}

export type StoreKind = 'sqlite' | 'postgres';

/**
 * Storage behind one interface: articles, events, their features, aliases and the rejections
 * log. SQLite is the embedded default, PostgreSQL the shared one; both pass one contract
 * (test/store.contract.ts). Open one with `openStore` (src/store/index.ts).
 */
export interface Store extends StoreReader {
  readonly kind: StoreKind;
  /** Where it is, for messages: the file, or the URL without its password. */
  readonly location: string;
  /** Runs `fn` atomically: everything it wrote through `tx` lands, or nothing does. */
  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
  /**
   * Makes this handle the store's one writer until it is closed; refused with E_STORE_BUSY
   * while another process holds it. Taking it again on the same handle changes nothing.
   */
  lockWriter(): Promise<void>;
  /** Verifies the store: every article in exactly one event, counts, indexes, schema. */
  check(): Promise<CheckReport>;
  close(): Promise<void>;
}

/** The event id for an event number: `ev-000042`. */
export function eventIdFor(n: number): string {
  return `ev-${String(n).padStart(6, '0')}`;
}
