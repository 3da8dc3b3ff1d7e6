import type { AliasObservation, AliasRow } from '../anchors/aliases.ts';
import type { Rejection } from '../errors.ts';
import type { Anchors, SearchDoc, SourceState, StoredArticle } from '../types.ts';

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
  /** Of `articleCount`, the reports that are copies of another one (src/dedup/). */
  copyCount?: number;
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
  /** The event type (src/facts/types.ts) as of the last change; null before schema 4. */
  eventType?: string | null;
  /** ISO 3166 codes of `countries`, in the same order. */
  countryCodes?: string[];
}

/** What the clusterer reloads at start: each article's features and its event. */
export interface ClusterRow {
  /** Arrival order: the store's own sequence number. */
  seq: number;
  id: string;
  /** The title, or the start of the text when the report has none. */
  title: string;
  lang: string;
  terms: string[];
  anchors: Anchors;
  published: string | null;
  eventId: string;
  eventDate: string | null;
  /** The first copy the report republishes, or null. */
  duplicateOf: string | null;
}

/** A recent article's near-duplicate fingerprint (src/dedup/), as the writer's index reads it. */
export interface FingerprintRow {
  id: string;
  fingerprint: string;
  duplicateOf: string | null;
}

export interface ClusterRowFilter {
  /** Only articles stored after this sequence number. */
  afterSeq?: number;
  /** Only articles stored up to and including this sequence number. */
  upToSeq?: number;
  /** Only articles of these events. */
  events?: readonly string[];
}

/** Where a page of events ended: the next page starts after it. */
export interface EventCursor {
  /** The sort key of the last event shown (its last date, or its growth). */
  key: string | number;
  seq: number;
}

export interface EventQuery {
  lang?: string;
  /** Events whose span reaches this day or later (YYYY-MM-DD). */
  since?: string;
  /** Events whose span starts on this day or earlier. */
  until?: string;
  /** With a date filter, also the events no report dates. */
  undated?: boolean;
  /** ISO 3166 codes: events naming any of them. */
  countries?: string[];
  type?: string;
  /** Only these events (from a search). */
  ids?: readonly string[];
  /** `recent`: latest event date first; `growing`: most reports in the last day first. */
  sort?: 'recent' | 'growing';
  after?: EventCursor;
  limit?: number;
}

/** One event in a list, with what its place in the order was decided by. */
export interface ListedEvent extends StoredEvent {
  seq: number;
  /** Reports that arrived in the day before the query. */
  growth: number;
}

/** A news source the service polls (src/sources/): the poller's own record. */
export type StoredSource = SourceState;

/** A standing query: new and updated events that match it are announced. */
export interface StoredWatch {
  id: string;
  name: string | null;
  query: string | null;
  entity: string | null;
  country: string | null;
  type: string | null;
  language: string | null;
  webhook: string | null;
  createdAt: string;
  createdBy: string | null;
}

export type TokenRole = 'read' | 'write' | 'admin';

/** An API token as stored: its hash only; the token itself is shown once. */
export interface StoredToken {
  id: string;
  name: string;
  role: TokenRole;
  hash: string;
  createdAt: string;
  lastUsed: string | null;
}

/** A person's correction of the clustering, kept so later clustering never undoes it. */
export interface Correction {
  id: number;
  kind: 'merge' | 'move';
  /** The moved report (a move); null for a merge. */
  articleId: string | null;
  fromEvent: string;
  toEvent: string;
  by: string;
  at: string;
}

export type ChangeKind = 'event.created' | 'event.updated' | 'watch.matched';

/** One entry of the change log the live stream replays (`Last-Event-ID` is its seq). */
export interface Change {
  seq: number;
  kind: ChangeKind;
  eventId: string;
  watchId: string | null;
  at: string;
  data: Record<string, unknown>;
}

export type { SearchDoc };

export interface SearchFilter {
  lang?: string;
  since?: string;
  until?: string;
  limit: number;
}

export interface SearchHit {
  articleId: string;
  eventId: string;
  lang: string;
  /** Higher is better; comparable within one answer only. */
  score: number;
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
  /** What is not wrong but worth saying (an upgraded store not fully indexed yet). */
  notes: string[];
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
  listEvents(query?: EventQuery): Promise<ListedEvent[]>;
  eventArticles(eventId: string): Promise<StoredArticle[]>;
  eventArticleIds(eventId: string): Promise<string[]>;
  /**
   * Stored articles' clustering features, in arrival order, read in pages: every article, or
   * those after or up to a sequence number, or those of some events only.
   */
  clusterRows(filter?: ClusterRowFilter): AsyncIterable<ClusterRow>;
  /** The sequence number of the last article stored (0 when there is none). */
  lastArticleSeq(): Promise<number>;
  /** The fingerprints of the last `limit` articles that have one, oldest first. */
  recentFingerprints(limit: number): Promise<FingerprintRow[]>;
  /** A value the store keeps for the code that writes it (the clusterer's saved state). */
  getMeta(key: string): Promise<string | null>;
  /** Every stored article, in arrival order, read in pages. */
  articles(): AsyncIterable<StoredArticle>;
  /** Learned name aliases (src/anchors/aliases.ts). */
  aliasRows(): Promise<AliasRow[]>;
  /** The events each alias pair was counted in. */
  aliasObservations(): Promise<AliasObservation[]>;
  rejections(): Promise<StoredRejection[]>;
  stats(): Promise<StoreStats>;
  getArticle(id: string): Promise<StoredArticle | null>;
  /** Stored articles by id (any order; missing ids left out). */
  articlesById(ids: readonly string[]): Promise<StoredArticle[]>;
  /** Articles whose `query` tokens match, best first (the search index). */
  search(query: SearchDoc, filter: SearchFilter): Promise<SearchHit[]>;
  /** How many articles the search index holds. */
  searchIndexSize(): Promise<number>;
  /** Stored articles the search index does not hold yet (upgraded stores), a page at a time. */
  unindexedArticles(limit: number): Promise<StoredArticle[]>;
  sources(): Promise<StoredSource[]>;
  getSource(id: string): Promise<StoredSource | null>;
  /** Which of these item keys of a source were already taken in. */
  seenItems(sourceId: string, keys: readonly string[]): Promise<Set<string>>;
  watches(): Promise<StoredWatch[]>;
  getWatch(id: string): Promise<StoredWatch | null>;
  tokens(): Promise<StoredToken[]>;
  tokenByHash(hash: string): Promise<StoredToken | null>;
  /** Corrections, oldest first; of one event (as source or target) when given. */
  corrections(eventId?: string): Promise<Correction[]>;
  /** Change-log entries after `seq`, oldest first. */
  changesAfter(seq: number, limit: number): Promise<Change[]>;
  lastChangeSeq(): Promise<number>;
  /** The latest change-log entries, newest first; of one watch when given. */
  recentChanges(
    filter: { watchId?: string; kinds?: readonly ChangeKind[] },
    limit: number,
  ): Promise<Change[]>;
}

/** What a transaction may do: read, and write what lands together or not at all. */
export interface StoreTx extends StoreReader {
  insertArticle(article: StoredArticle): Promise<void>;
  setMeta(key: string, value: string): Promise<void>;
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
  /** Adds or replaces an article's search document (in the commit that stores the article). */
  indexArticle(articleId: string, doc: SearchDoc): Promise<void>;
  /** Puts a report into another event and keeps it there (a correction). */
  moveArticle(articleId: string, toEvent: string): Promise<void>;
  deleteEvent(id: string): Promise<void>;
  recordCorrection(c: Omit<Correction, 'id'>): Promise<void>;
  appendChange(c: Omit<Change, 'seq'>): Promise<void>;
  /** Reserves the next number of a named counter (`source`, `watch`, `token`). */
  nextNumber(counter: 'source' | 'watch' | 'token'): Promise<number>;
  addSource(s: StoredSource): Promise<void>;
  updateSource(s: StoredSource): Promise<void>;
  removeSource(id: string): Promise<boolean>;
  markItemsSeen(sourceId: string, keys: readonly string[], at: string): Promise<void>;
  addWatch(w: StoredWatch): Promise<void>;
  removeWatch(id: string): Promise<boolean>;
  addToken(t: StoredToken): Promise<void>;
  removeToken(id: string): Promise<boolean>;
  touchToken(id: string, at: string): Promise<void>;
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
