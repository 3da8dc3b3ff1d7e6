import { AliasTable } from '../anchors/aliases.ts';
import { countryName } from '../anchors/countries.ts';
import { nameSkeleton } from '../anchors/translit.ts';
import { ANCHOR_SHARE, toFeatures, type ClusterFeatures } from '../cluster/features.ts';
import {
  OnlineClusterer,
  type ClustererSnapshot,
  type Decision,
  type EventState,
} from '../cluster/index.ts';
import { DEFAULT_PARAMS, type ClusterParams } from '../cluster/params.ts';
import { config } from '../config.ts';
import { languageData } from '../lang/index.ts';
import { decodeFingerprint, NearDuplicateIndex } from '../dedup/index.ts';
import { BabelwireError, type Rejection } from '../errors.ts';
import { eventDate } from '../facts/dates.ts';
import { eventNames } from '../facts/event-names.ts';
import { classifyEvent, TYPE_CUE_KEYS } from '../facts/types.ts';
import { represent } from '../represent/index.ts';
import { searchDoc } from '../represent/search-doc.ts';
import { storyKeysOf } from '../stories/index.ts';
import {
  eventIdFor,
  type ClusterRow,
  type Store,
  type StoreReader,
  type StoreTx,
  type StoredEvent,
} from '../store/index.ts';
import type { StoredArticle } from '../types.ts';
import type { AnalysedArticle } from './process.ts';

/**
 * The second half of ingest: the single writer. `assign` takes analysed articles (from
 * `processArticle`), skips what the store already holds, decides each one's event with the
 * online clusterer, and commits articles, events, learned aliases and rejections in one
 * transaction. The in-memory state (clusterer, aliases, titles, dates) stays in step with the
 * store: when a commit fails, it is rebuilt from what the store holds.
 */

export interface AssignResult {
  added: number;
  duplicates: number;
  /** Of `added`, the reports found to be copies of an earlier one (src/dedup/). */
  copies: number;
  /** Article id -> event id, for every article of the batch that is in the store now. */
  assignments: Map<string, string>;
  /** Events the batch started, and those it added reports to (for the live stream). */
  created: string[];
  updated: string[];
  /** Articles of the batch the store already held (same id, or same normalised text). */
  duplicateIds: Set<string>;
}

/** What a correction changed: the events it touched (one gone when left empty). */
export interface CorrectionResult {
  /** The event the report or events are in now. */
  eventId: string;
  /** The event the report left, or that was merged away; null when nothing was left behind. */
  fromEvent: string | null;
  /** True when `fromEvent` no longer exists. */
  fromGone: boolean;
}

/** A title fit for a list: the first line, cut at a word near 200 characters (a report with no title is shown by its text's first line). */
function headline(text: string): string {
  const line = text.trim().split('\n')[0]?.trim() ?? '';
  // Scripts without spaces carry more per character: a Chinese headline is a few dozen.
  const limit = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(line) ? 60 : 200;
  if ([...line].length <= limit) return line;
  const sentence = /^.+?[。！？!?]/u.exec(line)?.[0];
  if (sentence && [...sentence].length <= limit) return sentence;
  const cut = [...line].slice(0, limit).join('');
  return (limit === 200 ? cut.replace(/\s+\S*$/, '') : cut) + '…';
}

/** The clusterer and what the summaries need, as rebuilt from the store. */
interface State {
  clusterer: OnlineClusterer;
  aliases: AliasTable;
  titles: Map<string, { title: string; lang: string }>;
  firstSeen: Map<string, string>;
  eventDates: Map<string, string | null>;
  /** Article id -> its concepts that are type cues: what the event's type is decided on. */
  cues: Map<string, [string, number][]>;
  /** Recent articles' fingerprints, to tell copies by (src/dedup/). */
  copies: NearDuplicateIndex;
  /** Reports in memory that are copies -> the first copy they republish. */
  copyOf: Map<string, string>;
}

/** The note that what schema 4 added was filled in for the articles stored before it. */
const FILLED_IN_KEY = 'filled_in';
const FILLED_IN = '4';

/** Where the clusterer's saved state is kept (the store's meta table), and its format. */
const STATE_KEY = 'cluster_state';
const STATE_FORMAT = 1;
/** Articles between saves, at least (and at least a twentieth of the store). */
const SAVE_EVERY = 5000;

interface SavedState {
  format: number;
  params: string;
  windowDays: number;
  anchorShare: number;
  /** The last article the saved statistics count. */
  seq: number;
  clusterer: ClustererSnapshot;
}

/** Search hits, and the most events among them, a report that reaches frozen events thaws. */
const THAW_HITS = 30;
const THAW_EVENTS = 10;

/** What a stored report gives back to the writer (a cluster row or a whole stored article). */
type StoredReport = Pick<
  StoredArticle,
  'id' | 'lang' | 'terms' | 'anchors' | 'published' | 'eventDate' | 'duplicateOf'
>;

/** What summaries read about a report, kept while its event is in memory. */
function remember(
  state: State,
  a: StoredReport,
  title: string,
  concepts: readonly (readonly [string, number])[],
): void {
  state.cues.set(a.id, cuesOf(concepts));
  state.titles.set(a.id, { title: headline(title), lang: a.lang });
  state.eventDates.set(a.id, a.eventDate);
  if (a.duplicateOf) state.copyOf.set(a.id, a.duplicateOf);
}

/** What the writer keeps per report and per event goes when the clusterer freezes an event. */
function forget(state: State, event: EventState): void {
  for (const m of event.members) {
    state.titles.delete(m.id);
    state.eventDates.delete(m.id);
    state.cues.delete(m.id);
    state.copyOf.delete(m.id);
  }
  state.firstSeen.delete(event.id);
}

/** The type cues of an event's reports, a copy's not counted again (as src/facts/ does). */
function typeCues(event: EventState, state: State): [string, number][] {
  const independent = event.members.filter((m) => !state.copyOf.has(m.id));
  const counted = independent.length > 0 ? independent : event.members;
  return counted.flatMap((m) => state.cues.get(m.id) ?? []);
}

const cuesOf = (concepts: readonly (readonly [string, number])[]): [string, number][] =>
  concepts.filter(([k]) => TYPE_CUE_KEYS.has(k)).map(([k, w]) => [k, w]);

/** Sees each decision as it is taken (scripts/trace-joins.ts); never changes it. */
export interface DecisionObserver {
  before?(features: ClusterFeatures, clusterer: OnlineClusterer): void;
  after?(features: ClusterFeatures, decision: Decision, clusterer: OnlineClusterer): void;
}

/** Where the writer's time goes, in milliseconds since it was opened (for the bench). */
export interface WriterTimings {
  batches: number;
  articles: number;
  /** Whole `assign` calls: the transaction and everything in it. */
  total: number;
  /** Aliases applied and the clusterer's decisions. */
  decide: number;
  /** Event summaries of the touched events. */
  summarise: number;
}

export class Writer {
  readonly store: Store;
  readonly timings: WriterTimings = {
    batches: 0,
    articles: 0,
    total: 0,
    decide: 0,
    summarise: 0,
  };
  /** Set by tools that explain decisions; the writer works the same without it. */
  observer: DecisionObserver | null = null;
  readonly params: ClusterParams;
  private readonly stageNames: readonly string[];
  private state!: State;
  /** Event numbers this transaction reserved: the next to hand out, and one past the last. */
  private nextNumber = 0;
  private endNumber = 0;
  /** Events absorbed by event-level linking in this process -> the event they went into. */
  private readonly renamed = new Map<string, string>();
  /** How the last open rebuilt the clusterer: from its saved state or the whole archive. */
  loaded: { fromSave: boolean; rowsRead: number } = { fromSave: false, rowsRead: 0 };
  /** Articles stored since the clusterer's state was last saved (Infinity: never saved). */
  private sinceSaved = Number.POSITIVE_INFINITY;
  /** Set when a failed commit could not be followed by a reload: memory is not to be trusted. */
  private broken: Error | null = null;
  /** One assign at a time: the writer is single by design, also within a process. */
  private queue: Promise<unknown> = Promise.resolve();

  /** The share of a concept vector its anchors get (src/cluster/features.ts; fitted). */
  private readonly anchorShare: number;
  /** Days of event time the clusterer keeps in memory (0: all). */
  private readonly windowDays: number;
  /** Recent articles copies are looked for among (0: copies are not looked for). */
  private readonly dupWindow: number;

  private constructor(
    store: Store,
    stageNames: readonly string[],
    params: ClusterParams,
    anchorShare: number,
    windowDays: number,
    dupWindow: number,
  ) {
    this.store = store;
    this.stageNames = stageNames;
    this.params = params;
    this.anchorShare = anchorShare;
    this.windowDays = windowDays;
    this.dupWindow = dupWindow;
  }

  /** Opens the writer on a store, rebuilding the clustering state the store holds. */
  static async open(
    store: Store,
    stageNames: readonly string[],
    params: ClusterParams = DEFAULT_PARAMS,
    options: { anchorShare?: number; windowDays?: number; copies?: boolean } = {},
  ): Promise<Writer> {
    // Two writers would each cluster without seeing the other's articles and overwrite each
    // other's event summaries: one at a time.
    await store.lockWriter();
    const writer = new Writer(
      store,
      stageNames,
      params,
      options.anchorShare ?? ANCHOR_SHARE,
      options.windowDays ?? config.windowDays,
      (options.copies ?? config.copies) ? config.dupWindow : 0,
    );
    writer.state = await writer.load();
    await writer.fillIn();
    return writer;
  }

  /**
   * What schema 4 added, for what was stored before it: the search index of each article,
   * and the type and country codes of each event. Run once, when a writer first opens an
   * upgraded store; a note in the store says it was done, so that opening a large store does
   * not look through every article and event for it again.
   */
  private async fillIn(): Promise<void> {
    if ((await this.store.getMeta(FILLED_IN_KEY)) === FILLED_IN) return;
    for (;;) {
      const rows = await this.store.unindexedArticles(500);
      if (rows.length === 0) break;
      await this.store.transaction(async (tx) => {
        for (const a of rows) {
          const concepts = represent(a.lang, a.terms, a.anchors).concepts;
          await tx.indexArticle(a.id, searchDoc({ terms: a.terms, concepts }));
        }
      });
    }
    const stale = (await this.store.listEvents())
      .filter((e) => e.eventType === null || e.eventType === undefined)
      .map((e) => e.id);
    for (let i = 0; i < stale.length; i += 500) {
      await this.store.transaction(async (tx) => {
        for (const id of stale.slice(i, i + 500)) {
          const known = await tx.getEvent(id);
          if (!known || !(await this.activate(tx, id))) continue;
          const fresh = this.summarise(id);
          // Only what schema 4 added: the rest of the row stays as it was stored.
          await tx.upsertEvent({
            ...known,
            eventType: fresh.eventType,
            countryCodes: fresh.countryCodes,
          });
        }
      });
    }
    await this.store.transaction((tx) => tx.setMeta(FILLED_IN_KEY, FILLED_IN));
  }

  /** A stored report's clustering features, as they were when it was decided. */
  private featuresOf(a: StoredReport): { features: ClusterFeatures; concepts: [string, number][] } {
    const concepts = represent(a.lang, a.terms, a.anchors).concepts;
    const features = toFeatures(
      a.id,
      a.lang,
      a.terms,
      a.anchors,
      a.published,
      concepts,
      this.anchorShare,
    );
    return { features, concepts };
  }

  /**
   * Makes sure an event is in memory: a frozen one (src/cluster/index.ts, ActiveWindow) is
   * rebuilt from its stored reports. False when the store has no such event.
   */
  private async activate(reader: StoreReader, eventId: string): Promise<boolean> {
    if (this.state.clusterer.event(eventId)) return true;
    const articles = await reader.eventArticles(eventId);
    if (articles.length === 0) return false;
    const members = articles.map((a) => {
      const { features, concepts } = this.featuresOf(a);
      remember(this.state, a, a.title || a.text, concepts);
      return features;
    });
    this.state.clusterer.thaw(eventId, members);
    const stored = await reader.getEvent(eventId);
    if (stored) this.state.firstSeen.set(eventId, stored.firstSeen);
    return true;
  }

  private async load(): Promise<State> {
    const state: State = {
      clusterer: new OnlineClusterer(() => this.newEventId(), this.params, {
        days: this.windowDays,
        onFreeze: (event) => forget(state, event),
      }),
      aliases: new AliasTable(),
      titles: new Map(),
      firstSeen: new Map(),
      eventDates: new Map(),
      cues: new Map(),
      copies: new NearDuplicateIndex(Math.max(1, this.dupWindow)),
      copyOf: new Map(),
    };
    if (this.dupWindow > 0) {
      for (const r of await this.store.recentFingerprints(this.dupWindow)) {
        const f = decodeFingerprint(r.fingerprint);
        if (f) state.copies.add(r.id, f, r.duplicateOf);
      }
    }
    state.aliases.load(await this.store.aliasRows(), await this.store.aliasObservations());
    let rowsRead = 0;
    const put = (row: ClusterRow, counted: boolean) => {
      rowsRead++;
      const { features, concepts } = this.featuresOf(row);
      if (counted) state.clusterer.reattach(features, row.eventId);
      else state.clusterer.restore(features, row.eventId);
      remember(state, row, row.title, concepts);
      if (!counted) state.clusterer.sweep();
    };
    const saved = await this.savedState();
    if (saved) {
      // The statistics as saved, the reports of the events that were in memory then, and
      // what came after: the archive behind the window is not read at all.
      state.clusterer.restoreSnapshot(saved.clusterer);
      const after: ClusterRow[] = [];
      for await (const row of this.store.clusterRows({ afterSeq: saved.seq })) after.push(row);
      const events = [...new Set([...saved.clusterer.active, ...after.map((r) => r.eventId)])];
      for await (const row of this.store.clusterRows({ events, upToSeq: saved.seq }))
        put(row, true);
      for (const row of after) put(row, false);
    } else {
      for await (const row of this.store.clusterRows()) put(row, false);
    }
    this.sinceSaved = saved ? (await this.store.lastArticleSeq()) - saved.seq : Infinity;
    this.loaded = { fromSave: saved !== null, rowsRead };
    const active = [...state.clusterer.activeEvents()];
    for (let i = 0; i < active.length; i += 500) {
      for (const e of await this.store.listEvents({ ids: active.slice(i, i + 500) }))
        state.firstSeen.set(e.id, e.firstSeen);
    }
    // A moved report's two events stay apart, as they were kept when it was moved.
    for (const c of await this.store.corrections()) {
      if (c.kind !== 'move' || c.articleId === null) continue;
      const now = await this.store.articleEventId(c.articleId);
      if (now !== null) state.clusterer.keepApart(now, c.fromEvent);
    }
    return state;
  }

  /** The clusterer's saved state (Writer.save), when it fits this writer and this store. */
  private async savedState(): Promise<SavedState | null> {
    if (this.windowDays <= 0) return null;
    const text = await this.store.getMeta(STATE_KEY);
    if (!text) return null;
    let saved: SavedState;
    try {
      saved = JSON.parse(text) as SavedState;
    } catch {
      return null; // unreadable: replaying the archive gives the same state, only slower
    }
    const fits =
      saved.format === STATE_FORMAT &&
      saved.params === this.params.version &&
      saved.windowDays === this.windowDays &&
      saved.anchorShare === this.anchorShare &&
      saved.seq <= (await this.store.lastArticleSeq());
    return fits ? saved : null;
  }

  /**
   * Saves the clusterer's statistics and window (see ClustererSnapshot), so that the next
   * open reads the active events and what came after instead of the whole archive. Runs after
   * a commit once enough has been stored since the last save, and when the engine closes.
   */
  save(): Promise<void> {
    const run = this.queue.then(() => this.saveNow());
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async saveNow(): Promise<void> {
    if (this.windowDays <= 0 || this.broken || this.sinceSaved === 0) return;
    await this.store.transaction(async (tx) => {
      const saved: SavedState = {
        format: STATE_FORMAT,
        params: this.params.version,
        windowDays: this.windowDays,
        anchorShare: this.anchorShare,
        seq: await tx.lastArticleSeq(),
        clusterer: this.state.clusterer.snapshot(),
      };
      await tx.setMeta(STATE_KEY, JSON.stringify(saved));
    });
    this.sinceSaved = 0;
  }

  get clusterer(): OnlineClusterer {
    return this.state.clusterer;
  }

  /** The learned aliases, as of the last commit. */
  get aliases(): AliasTable {
    return this.state.aliases;
  }

  get provenance(): string[] {
    return [...this.stageNames, this.params.version];
  }

  private newEventId(): string {
    if (this.nextNumber >= this.endNumber) {
      throw new Error('event numbers exhausted: the writer reserves one per article of a batch');
    }
    return eventIdFor(this.nextNumber++);
  }

  /**
   * Assigns a batch of analysed articles to events and commits them with the batch's
   * rejections. Articles the store already has (same id, or same normalised text) are counted
   * as duplicates and keep their event.
   */
  assign(
    articles: readonly AnalysedArticle[],
    rejections: readonly Rejection[] = [],
  ): Promise<AssignResult> {
    const run = this.queue.then(() => this.assignNow(articles, rejections));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async assignNow(
    articles: readonly AnalysedArticle[],
    rejections: readonly Rejection[],
  ): Promise<AssignResult> {
    if (this.broken) {
      throw new BabelwireError(
        'E_STORE_WRITE',
        this.store.location,
        `the writer stopped after a failed commit (${this.broken.message}); open the store again`,
      );
    }
    const result: AssignResult = {
      added: 0,
      duplicates: 0,
      copies: 0,
      assignments: new Map(),
      created: [],
      updated: [],
      duplicateIds: new Set(),
    };
    const renamed = new Map<string, string>();
    const created = new Set<string>();
    const started = performance.now();
    const timings = this.timings;
    try {
      await this.store.transaction(async (tx) => {
        this.nextNumber = await tx.reserveEventNumbers(Math.max(1, articles.length));
        this.endNumber = this.nextNumber + Math.max(1, articles.length);
        const touched = new Set<string>();
        for (const article of articles) {
          // The transaction sees its own writes: a repeat within the batch is found too.
          const sameText = await tx.articleByContentHash(article.contentHash);
          if (sameText !== null || (await tx.hasArticle(article.id))) {
            result.duplicates++;
            result.duplicateIds.add(article.id);
            result.assignments.set(
              article.id,
              (await tx.articleEventId(sameText ?? article.id)) ?? '',
            );
            continue;
          }
          const t0 = performance.now();
          const stored = { ...this.withAliases(article) };
          const copy = await this.copyFor(tx, stored);
          const decision = await this.decide(tx, stored, copy?.eventId ?? null);
          timings.decide += performance.now() - t0;
          if (copy) {
            stored.duplicateOf = copy.original;
            this.state.copyOf.set(stored.id, copy.original);
            result.copies++;
          }
          stored.eventId = decision.eventId;
          if (stored.eventDate === null && !decision.isNew) this.dateFromEvent(stored, decision);
          await tx.insertArticle(stored);
          await tx.indexArticle(stored.id, searchDoc(stored));
          if (decision.isNew) created.add(decision.eventId);
          if (stored.eventDate !== null && !decision.isNew)
            await this.dateUndatedMembers(tx, decision);
          if (!decision.isNew) await this.learnAliases(tx, stored, decision.eventId);
          touched.add(decision.eventId);
          for (const gone of decision.absorbed) {
            await tx.mergeEvents(gone, decision.eventId);
            touched.delete(gone);
            created.delete(gone);
            renamed.set(gone, decision.eventId);
            const seen = this.state.firstSeen.get(gone);
            const mine = this.state.firstSeen.get(decision.eventId);
            if (seen && (!mine || seen < mine)) this.state.firstSeen.set(decision.eventId, seen);
          }
          result.added++;
          result.assignments.set(stored.id, decision.eventId);
        }
        const at = new Date().toISOString();
        for (const id of touched) {
          const t0 = performance.now();
          const event = this.summarise(id);
          timings.summarise += performance.now() - t0;
          await tx.upsertEvent(event);
          const kind = created.has(id) ? 'event.created' : 'event.updated';
          await tx.appendChange({ kind, eventId: id, watchId: null, at, data: changeData(event) });
          (created.has(id) ? result.created : result.updated).push(id);
        }
        for (const r of rejections) await tx.recordRejection(r);
        await tx.releaseEventNumbers(this.nextNumber);
      });
    } catch (e) {
      // The clusterer and alias table took decisions the store did not keep: start again
      // from what the store holds, so memory never runs ahead of it.
      try {
        this.state = await this.load();
      } catch (reload) {
        this.broken = reload as Error;
      }
      throw e;
    }
    // Only now may events go out of memory: none of this batch's is being worked on any more.
    this.state.clusterer.sweep();
    this.sinceSaved += result.added;
    if (this.sinceSaved >= Math.max(SAVE_EVERY, this.state.clusterer.documents / 20)) {
      // A failed save loses nothing: the next open replays from the last one that landed.
      await this.saveNow().catch(() => undefined);
    }
    timings.batches++;
    timings.articles += articles.length;
    timings.total += performance.now() - started;
    for (const [gone, into] of renamed) this.renamed.set(gone, into);
    for (const [articleId, eventId] of result.assignments) {
      result.assignments.set(articleId, this.resolveEvent(eventId));
    }
    return result;
  }

  /**
   * Learned aliases give a foreign name form its Latin name (src/anchors/aliases.ts). They are
   * applied here, as of the article before this one, and not in `process`: that way an
   * article is matched the same way however the stream was cut into batches.
   */
  private withAliases(article: AnalysedArticle): AnalysedArticle {
    const forms = article.anchors.nameForms ?? [];
    if (forms.length === 0) return article;
    const known = new Set(article.anchors.names);
    const extra = forms
      .map((f) => this.state.aliases.lookup(f, article.lang))
      .filter((n): n is string => n !== null && !known.has(n));
    if (extra.length === 0) return article;
    const names = [...new Set([...article.anchors.names, ...extra])];
    const skeletons = new Set(article.anchors.skeletons ?? []);
    for (const n of extra) {
      const s = nameSkeleton(n);
      if (s) skeletons.add(s);
    }
    const anchors = { ...article.anchors, names, skeletons: [...skeletons] };
    return {
      ...article,
      anchors,
      concepts: represent(article.lang, article.terms, anchors).concepts,
    };
  }

  /**
   * Whether the article is a copy of a recent one (src/dedup/): the first copy it republishes
   * and that one's event (brought into memory). It is remembered either way, so later copies
   * are found.
   */
  private async copyFor(
    tx: StoreTx,
    article: AnalysedArticle,
  ): Promise<{ original: string; eventId: string } | null> {
    if (this.dupWindow === 0) return null;
    const f = decodeFingerprint(article.fingerprint);
    if (!f) return null;
    const match = this.state.copies.find(f);
    const eventId = match && (await tx.articleEventId(match.original));
    const found = match && eventId && (await this.activate(tx, eventId));
    this.state.copies.add(article.id, f, found ? match.original : null);
    return found ? { original: match.original, eventId } : null;
  }

  private async decide(
    tx: StoreTx,
    article: AnalysedArticle,
    copyOfEvent: string | null = null,
  ): Promise<Decision> {
    const features = toFeatures(
      article.id,
      article.lang,
      article.terms,
      article.anchors,
      article.published,
      article.concepts,
      this.anchorShare,
    );
    if (copyOfEvent === null && this.state.clusterer.reachesFrozen(features))
      await this.thawFor(tx, features);
    this.observer?.before?.(features, this.state.clusterer);
    const decision =
      copyOfEvent === null
        ? this.state.clusterer.add(features)
        : this.state.clusterer.addCopy(features, copyOfEvent);
    this.observer?.after?.(features, decision, this.state.clusterer);
    this.state.titles.set(article.id, {
      title: headline(article.title || article.text),
      lang: article.lang,
    });
    this.state.eventDates.set(article.id, article.eventDate);
    this.state.cues.set(article.id, cuesOf(article.concepts));
    if (decision.isNew) this.state.firstSeen.set(decision.eventId, article.ingestedAt);
    return decision;
  }

  /**
   * Thaws the frozen events an article may belong to, found as the store's search finds them:
   * the events of the reports that share the most of the article's strongest keys (those the
   * clusterer looks candidates up by). A dated article looks only within the days its score
   * could still reach.
   */
  private async thawFor(tx: StoreTx, features: ClusterFeatures): Promise<void> {
    const { terms, keys } = this.state.clusterer.searchKeys(features);
    const around = (days: number) =>
      features.day === null
        ? undefined
        : new Date((features.day + days) * 86_400_000).toISOString().slice(0, 10);
    const hits = await tx.search(
      { terms, keys },
      { limit: THAW_HITS, since: around(-this.windowDays), until: around(this.windowDays) },
    );
    const events = [...new Set(hits.map((h) => h.eventId))].slice(0, THAW_EVENTS);
    for (const id of events) await this.activate(tx, id);
  }

  /**
   * An undated report that joins a dated event: its date expressions (`Tuesday`, `hôm qua`) are
   * resolved against the latest day the event's other reports give, and without any it takes
   * that day. This is what the store already knows about the same event.
   */
  private dateFromEvent(article: AnalysedArticle, decision: Decision): void {
    const event = this.state.clusterer.event(decision.eventId);
    const known = (event?.members ?? [])
      .map((m) => (m.id === article.id ? null : (this.state.eventDates.get(m.id) ?? null)))
      .filter((d): d is string => d !== null)
      .sort();
    const reference = known[known.length - 1];
    if (!reference) return;
    article.eventDate = eventDate(article.text, article.lang, reference);
    this.state.eventDates.set(article.id, article.eventDate);
  }

  /**
   * The other way round: a dated report joins an event whose earlier reports had no date.
   * They are resolved against the day now known, in the store too.
   */
  private async dateUndatedMembers(tx: StoreTx, decision: Decision): Promise<void> {
    const event = this.state.clusterer.event(decision.eventId);
    if (!event?.members.some((m) => (this.state.eventDates.get(m.id) ?? null) === null)) return;
    const articles = await tx.eventArticles(decision.eventId);
    const known = articles
      .map((a) => a.eventDate)
      .filter((d): d is string => d !== null)
      .sort();
    const reference = known[known.length - 1];
    if (!reference) return;
    for (const a of articles) {
      if (a.eventDate !== null || a.published !== null) continue;
      const date = eventDate(a.text, a.lang, reference);
      if (date === null) continue;
      await tx.setEventDate(a.id, date);
      this.state.eventDates.set(a.id, date);
    }
  }

  /** Pairs the article's foreign name forms with the event's Latin names (src/anchors/aliases.ts). */
  private async learnAliases(
    tx: StoreTx,
    article: AnalysedArticle,
    eventId: string,
  ): Promise<void> {
    const forms = article.anchors.nameForms ?? [];
    if (forms.length === 0) return;
    const event = this.state.clusterer.event(eventId);
    if (!event) return;
    const own = new Set(article.anchors.names);
    const latin = [...event.anchorCounts.keys()]
      .filter((k) => k.startsWith('p:'))
      .map((k) => k.slice(2))
      .filter((n) => !own.has(n));
    for (const row of this.state.aliases.observe(eventId, article.lang, forms, latin)) {
      await tx.saveAlias(row, eventId);
    }
  }

  /** The event an event id now stands for, after event-level links merged it (or itself). */
  resolveEvent(eventId: string): string {
    let current = eventId;
    while (this.renamed.has(current)) current = this.renamed.get(current)!;
    return current;
  }

  /** The stored summary of an event, from the clusterer's current view of it. */
  summarise(eventId: string): StoredEvent {
    const { clusterer, titles, eventDates, firstSeen } = this.state;
    const event = clusterer.event(eventId) as EventState;
    // The title's language by one rule (README): English when the event has a report in it,
    // else the most central report's; so it does not change with the packs installed.
    const central = clusterer.centralMember(event);
    const titled = (m: { id: string; lang: string }) =>
      !!languageData(m.lang).pivot && !!titles.get(m.id)?.title;
    const shown = titled(central)
      ? central
      : (clusterer.centralMemberWhere(event, titled) ?? central);
    const head = titles.get(shown.id) ?? { title: '', lang: shown.lang };
    const languages = [...new Set(event.members.map((m) => m.lang))].sort();
    const ranked = (prefix: string) =>
      [...event.anchorCounts]
        .filter(([k]) => k.startsWith(prefix))
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([k]) => k.slice(prefix.length));
    const countryCodes = ranked('c:').slice(0, 5);
    const countries = countryCodes.map((c) => countryName(c));
    const names = eventNames(event.members, ranked('p:'), languages, countryCodes);
    // The span the event covers: the days its reports say it happened (else their publication).
    const days = event.members
      .map((m) => eventDates.get(m.id) ?? null)
      .filter((d): d is string => d !== null)
      .sort();
    const now = new Date().toISOString();
    return {
      id: eventId,
      title: head.title || '(untitled)',
      titleLang: head.lang,
      languages,
      names,
      countries,
      firstDate: days[0] ?? null,
      lastDate: days[days.length - 1] ?? null,
      articleCount: event.members.length,
      copyCount: event.members.reduce((n, m) => n + (this.state.copyOf.has(m.id) ? 1 : 0), 0),
      firstSeen: firstSeen.get(eventId) ?? now,
      updatedAt: now,
      provenance: this.provenance,
      storyKeys: storyKeysOf(event.members.map((m) => m.anchors)),
      eventType: classifyEvent(typeCues(event, this.state)).type,
      countryCodes,
    };
  }

  /**
   * A person's merge of event `from` into `into`: stored, with who made it, and applied to the
   * clusterer, which never splits an event again.
   */
  merge(from: string, into: string, by: string): Promise<CorrectionResult> {
    const run = this.queue.then(() => this.correct({ kind: 'merge', from, into, by }));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * A person's move of one report into event `into`, or out into a new event of its own
   * (`into` null). The report stays where it was put: the two events are kept apart.
   */
  move(articleId: string, into: string | null, by: string): Promise<CorrectionResult> {
    const run = this.queue.then(() => this.correct({ kind: 'move', articleId, into, by }));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async correct(
    c:
      | { kind: 'merge'; from: string; into: string; by: string }
      | { kind: 'move'; articleId: string; into: string | null; by: string },
  ): Promise<CorrectionResult> {
    const clusterer = this.state.clusterer;
    const from = c.kind === 'merge' ? c.from : await this.store.articleEventId(c.articleId);
    if (from === null || !(await this.activate(this.store, from))) {
      throw new BabelwireError(
        'E_NOT_FOUND',
        c.kind === 'merge' ? 'event' : 'article',
        c.kind === 'merge' ? c.from : c.articleId,
      );
    }
    if (c.into !== null && !(await this.activate(this.store, c.into)))
      throw new BabelwireError('E_NOT_FOUND', 'event', c.into);
    if (c.into === from) throw new BabelwireError('E_USAGE', `it is already in ${from}`);
    let result!: CorrectionResult;
    try {
      await this.store.transaction(async (tx) => {
        const at = new Date().toISOString();
        let into = c.into;
        if (into === null) {
          this.nextNumber = await tx.reserveEventNumbers(1);
          this.endNumber = this.nextNumber + 1;
          into = this.newEventId();
          this.state.firstSeen.set(into, at);
        }
        if (c.kind === 'merge') {
          clusterer.merge(from, into);
          await tx.mergeEvents(from, into);
          this.renamed.set(from, into);
          const seen = this.state.firstSeen.get(from);
          const mine = this.state.firstSeen.get(into);
          if (seen && (!mine || seen < mine)) this.state.firstSeen.set(into, seen);
        } else {
          // The clusterer keeps most reports without their vectors: they come from the store.
          const stored = await tx.getArticle(c.articleId);
          clusterer.move(c.articleId, into, stored ? this.featuresOf(stored).features : undefined);
          await tx.moveArticle(c.articleId, into);
        }
        await tx.recordCorrection({
          kind: c.kind,
          articleId: c.kind === 'move' ? c.articleId : null,
          fromEvent: from,
          toEvent: into,
          by: c.by,
          at,
        });
        const gone = !clusterer.event(from);
        if (gone) await tx.deleteEvent(from);
        else {
          const left = this.summarise(from);
          await tx.upsertEvent(left);
          await tx.appendChange({
            kind: 'event.updated',
            eventId: from,
            watchId: null,
            at,
            data: changeData(left),
          });
        }
        const target = this.summarise(into);
        await tx.upsertEvent(target);
        await tx.appendChange({
          kind: c.into === null ? 'event.created' : 'event.updated',
          eventId: into,
          watchId: null,
          at,
          data: { ...changeData(target), correction: c.kind },
        });
        result = { eventId: into, fromEvent: from, fromGone: gone };
      });
    } catch (e) {
      try {
        this.state = await this.load();
      } catch (reload) {
        this.broken = reload as Error;
      }
      throw e;
    }
    return result;
  }
}

/** What the live stream says about an event that changed. */
function changeData(e: StoredEvent): Record<string, unknown> {
  return {
    title: e.title,
    titleLang: e.titleLang,
    articleCount: e.articleCount,
    languages: e.languages,
    lastDate: e.lastDate,
    type: e.eventType ?? null,
  };
}
