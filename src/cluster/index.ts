import type { ClusterFeatures } from './features.ts';
import { DEFAULT_PARAMS, type ClusterParams } from './params.ts';

/**
 * Online, single-pass, time-aware event clustering.
 *
 * Each new article is compared only with candidate events found through an inverted index
 * (its highest-weighted terms and its anchors). A candidate's score combines
 *   - the TF-IDF cosine to the centroid of the event's reports in the article's language,
 *     scaled down when the concept cosine (below) is under `conceptAgreement`,
 *   - the cosine of concept vectors: English-pivot glosses plus anchors (numbers, dates,
 *     names, countries), IDF-weighted; this is what links reports across languages,
 *   - a decay with the distance in days when both sides are dated.
 * The article joins the best event at or above the threshold, or starts a new event.
 * IDF is kept up to date as articles arrive and applied at scoring time.
 */

/** Share of collection growth after which a cached event norm is recomputed. */
const NORM_REFRESH = 0.05;

/** The collection size at which the next norm epoch starts, after one that started at `start`. */
const nextEpoch = (start: number) => Math.max(start + 1, Math.ceil(start * (1 + NORM_REFRESH)));

/** The start of the norm epoch a collection of `documents` is in: sizes fixed by the count alone. */
function epochStart(documents: number): number {
  let start = 0;
  for (let next = nextEpoch(start); next <= documents; next = nextEpoch(next)) start = next;
  return start;
}

/**
 * Event norms are cached under the IDF of the collection as it stood when the current epoch
 * began (see cachedNorm). A table keeps, for each key counted since then, its count at that
 * moment, so that IDF "as of the epoch" is two lookups and no copy of the table.
 */
class EpochCounts {
  readonly now = new Map<string, number>();
  /** Counts at the start of the epoch, of the keys counted since. */
  readonly atStart = new Map<string, number>();

  increment(key: string): void {
    const n = this.now.get(key) ?? 0;
    if (!this.atStart.has(key)) this.atStart.set(key, n);
    this.now.set(key, n + 1);
  }

  /** The count when the epoch started. */
  before(key: string): number {
    return this.atStart.get(key) ?? this.now.get(key) ?? 0;
  }

  load(
    entries: readonly (readonly [string, number])[],
    atStart: readonly (readonly [string, number])[],
  ): void {
    this.now.clear();
    this.atStart.clear();
    for (const [k, n] of entries) this.now.set(k, n);
    for (const [k, n] of atStart) this.atStart.set(k, n);
  }
}

const idfOf = (documents: number, count: number) => Math.log((documents + 1) / (count + 1)) + 1;

class DocumentFrequencies {
  documents = 0;
  /** The collection size when the current norm epoch began. */
  epoch = 0;
  private readonly counts = new EpochCounts();

  add(keys: Iterable<string>): void {
    this.documents++;
    for (const k of keys) this.counts.increment(k);
    if (this.documents >= nextEpoch(this.epoch)) {
      this.epoch = this.documents;
      this.counts.atStart.clear();
    }
  }

  idf(key: string): number {
    return idfOf(this.documents, this.counts.now.get(key) ?? 0);
  }

  /** IDF as the collection stood when the current epoch began. */
  epochIdf(key: string): number {
    return idfOf(this.epoch, this.counts.before(key));
  }

  entries(): [string, number][] {
    return [...this.counts.now];
  }

  epochEntries(): [string, number][] {
    return [...this.counts.atStart];
  }

  load(
    documents: number,
    entries: readonly (readonly [string, number])[],
    atStart: readonly (readonly [string, number])[] = [],
  ): void {
    this.documents = documents;
    this.epoch = epochStart(documents);
    this.counts.load(entries, atStart);
  }
}

/**
 * Term frequencies are per language (the same spelling is another word in another language),
 * kept as one table per language: a lookup then needs no `lang + term` string built for it,
 * which was most of the cost of an IDF lookup.
 */
class TermFrequencies {
  documents = 0;
  epoch = 0;
  private readonly byLang = new Map<string, EpochCounts>();

  add(lang: string, terms: Iterable<string>): void {
    this.documents++;
    let counts = this.byLang.get(lang);
    if (!counts) {
      counts = new EpochCounts();
      this.byLang.set(lang, counts);
    }
    for (const t of terms) counts.increment(t);
    if (this.documents >= nextEpoch(this.epoch)) {
      this.epoch = this.documents;
      for (const c of this.byLang.values()) c.atStart.clear();
    }
  }

  /** The table of one language, for many lookups in a row. */
  of(lang: string): ReadonlyMap<string, number> {
    return this.byLang.get(lang)?.now ?? EMPTY;
  }

  idf(lang: string, term: string): number {
    return this.idfIn(this.of(lang), term);
  }

  idfIn(df: ReadonlyMap<string, number>, term: string): number {
    return idfOf(this.documents, df.get(term) ?? 0);
  }

  /** IDF of a term in one language as the collection stood when the current epoch began. */
  epochIdf(lang: string): (term: string) => number {
    const counts = this.byLang.get(lang);
    return counts ? (t) => idfOf(this.epoch, counts.before(t)) : () => idfOf(this.epoch, 0);
  }

  entries(): [string, [string, number][]][] {
    return [...this.byLang].map(([lang, c]) => [lang, [...c.now]]);
  }

  epochEntries(): [string, [string, number][]][] {
    return [...this.byLang]
      .filter(([, c]) => c.atStart.size > 0)
      .map(([lang, c]) => [lang, [...c.atStart]]);
  }

  load(
    documents: number,
    entries: readonly (readonly [string, readonly (readonly [string, number])[]])[],
    atStart: readonly (readonly [string, readonly (readonly [string, number])[]])[] = [],
  ): void {
    this.documents = documents;
    this.epoch = epochStart(documents);
    this.byLang.clear();
    const starts = new Map(atStart);
    for (const [lang, df] of entries) {
      const c = new EpochCounts();
      c.load(df, starts.get(lang) ?? []);
      this.byLang.set(lang, c);
    }
  }
}

const EMPTY: ReadonlyMap<string, number> = new Map();

/** An index key for a term: the language and the term (`t:` keys of the inverted index). */
const termKey = (lang: string, term: string) => `${lang}\u0001${term}`;

export interface EventState {
  id: string;
  members: ClusterFeatures[];
  /** Per language: term -> sum of member weights. */
  centroids: Map<string, Map<string, number>>;
  /** Anchor key -> number of members carrying it. */
  anchorCounts: Map<string, number>;
  /** Concept -> sum of member weights (all languages). */
  concepts: Map<string, number>;
  firstDay: number | null;
  lastDay: number | null;
  /** Cached squared norms of the centroids (see cachedNorm); moved on when a member joins. */
  norms: Map<string, { epoch: number; value: number }>;
  /** The inverted-index keys this event is filed under: a merge or a removal visits only these. */
  indexKeys: Set<string>;
  /** The stream's clock (see ActiveWindow) when a report last joined: an undated event's time. */
  touched: number | null;
}

/**
 * The active window: events the stream has left behind are frozen out of memory (their state
 * dropped, their index entries removed), so memory and candidate lists stay flat however long
 * the archive grows. The stream's clock is the latest publication day seen; an event is left
 * behind when its last day (or, undated, the clock when it last grew) is more than `days`
 * before the clock, plus the lateness of the stream: the most that any of the last
 * LATENESS_SPAN dated articles came before the clock. A stream in publication order freezes
 * what is older than the window; a shuffled archive, whose articles come months late, freezes
 * nothing and decides as if there were no window. Scores already decay with the days between
 * an article and an event: beyond about three weeks no score reaches the threshold (see the
 * decay in ClusterParams), so a window of 30 days takes no event a report could still join.
 * Frozen events stay in the store: storylines and search read them there, and a person's
 * correction thaws one (`thaw`).
 */
export interface ActiveWindow {
  /** Days of event time kept in memory behind the clock (0: keep everything). */
  days: number;
  /** Called with each event as it is frozen, so owners of per-event state can drop theirs. */
  onFreeze?: (event: EventState) => void;
}

/**
 * What a clusterer saves so that opening a large store need not replay its archive: the
 * collection statistics and the window's clock. The events themselves are rebuilt from the
 * reports of the events that were in memory (`active`), which the store holds.
 */
export interface ClustererSnapshot {
  documents: number;
  terms: [string, [string, number][]][];
  concepts: [string, number][];
  /** Counts as the current norm epoch began, of the keys counted since (none in older saves). */
  epochTerms?: [string, [string, number][]][];
  epochConcepts?: [string, number][];
  clock: number | null;
  lateness: number[];
  latenessCount: number;
  sinceSweep: number;
  /** null for none yet (JSON has no -Infinity). */
  horizon: number | null;
  frozen: number;
  active: string[];
}

/**
 * Reports of an event that keep their term and concept vectors: what `centralMember` reads.
 * The others keep only what summaries read (id, language, day, anchors, names); their vectors
 * live on in the event's sums. In an event of hundreds of reports, the vectors were most of
 * the clusterer's memory.
 */
const FULL_MEMBERS = 50;
const NO_WEIGHTS: Map<string, number> = new Map();

function slim(article: ClusterFeatures): ClusterFeatures {
  return { ...article, terms: NO_WEIGHTS, concepts: NO_WEIGHTS };
}

/** How many recent dated articles the stream's lateness is taken over. */
const LATENESS_SPAN = 2000;
/** Articles between sweeps for frozen events (a sweep visits every active event). */
const SWEEP_EVERY = 256;

/**
 * An article's vector under the current IDF, computed once per decision: scoring it against
 * each of up to `maxCandidates` events used to look every IDF up again per event, and that
 * was the largest single cost of ingest (a third of its time in a profile of 5k articles).
 */
interface Weighted {
  keys: string[];
  /** weight x idf, per key. */
  weighted: Float64Array;
  idf: Float64Array;
  /** Squared norm of `weighted`. */
  norm: number;
}

interface Prepared {
  article: ClusterFeatures;
  terms: Weighted;
  concepts: Weighted;
  indexKeys: string[];
}

export interface Decision {
  eventId: string;
  isNew: boolean;
  score: number;
  /** Events in other languages that were linked into this one (event-level linking). */
  absorbed: string[];
}

/** Where decision time goes, in milliseconds since the clusterer was made (for the bench). */
export interface ClustererTimings {
  decisions: number;
  /** Looking up candidate events in the inverted index. */
  candidates: number;
  /** Scoring them, attaching the article and linking events. */
  decide: number;
}

export class OnlineClusterer {
  readonly params: ClusterParams;
  readonly timings: ClustererTimings = { decisions: 0, candidates: 0, decide: 0 };
  private readonly termDf = new TermFrequencies();
  private readonly conceptDf = new DocumentFrequencies();
  private readonly events = new Map<string, EventState>();
  private readonly index = new Map<string, Set<string>>();
  private readonly newEventId: () => string;
  /** Event id -> events it must never be linked with (a person moved a report between them). */
  private readonly apart = new Map<string, Set<string>>();

  private readonly window: ActiveWindow;
  /** The latest publication day seen (null until a dated article arrives). */
  private clock: number | null = null;
  /** Days before the clock of the last LATENESS_SPAN dated articles (a ring). */
  private readonly lateness = new Float64Array(LATENESS_SPAN);
  private latenessCount = 0;
  private sinceSweep = 0;
  private frozenCount = 0;
  /** Events last in time before this day were frozen by the last sweep. */
  private horizon = Number.NEGATIVE_INFINITY;

  constructor(
    newEventId: () => string,
    params: ClusterParams = DEFAULT_PARAMS,
    window: ActiveWindow = { days: 0 },
  ) {
    this.newEventId = newEventId;
    this.params = params;
    this.window = window;
  }

  /** Events in memory (the active window). */
  get eventCount(): number {
    return this.events.size;
  }

  /** Ids of the events in memory. */
  activeEvents(): IterableIterator<string> {
    return this.events.keys();
  }

  /** Articles counted in the collection statistics. */
  get documents(): number {
    return this.termDf.documents;
  }

  /** Events frozen out of memory since the clusterer was made. */
  get frozen(): number {
    return this.frozenCount;
  }

  /** Moves the clock and the lateness on. */
  private tick(article: ClusterFeatures): void {
    if (this.window.days <= 0) return;
    this.sinceSweep++;
    if (article.day === null) return;
    if (this.clock === null || article.day > this.clock) this.clock = article.day;
    this.lateness[this.latenessCount++ % LATENESS_SPAN] = this.clock - article.day;
  }

  /**
   * Freezes the events the stream has left behind. The owner calls it when no event it is
   * working on may go (the writer: after each commit); it does its work once SWEEP_EVERY
   * articles have come since the last time.
   */
  sweep(): void {
    if (this.window.days <= 0 || this.clock === null) return;
    if (this.sinceSweep < SWEEP_EVERY) return;
    this.sinceSweep = 0;
    let late = 0;
    const n = Math.min(this.latenessCount, LATENESS_SPAN);
    for (let i = 0; i < n; i++) if (this.lateness[i] > late) late = this.lateness[i];
    const horizon = this.clock - this.window.days - late;
    this.horizon = Math.max(this.horizon, horizon);
    for (const event of [...this.events.values()]) {
      const time = event.lastDay ?? event.touched;
      if (time === null || time >= horizon) continue;
      this.events.delete(event.id);
      for (const key of event.indexKeys) {
        const set = this.index.get(key);
        if (!set) continue;
        set.delete(event.id);
        if (set.size === 0) this.index.delete(key);
      }
      this.apart.delete(event.id);
      this.frozenCount++;
      this.window.onFreeze?.(event);
    }
  }

  /** The statistics and the window's clock as they stand (see ClustererSnapshot). */
  snapshot(): ClustererSnapshot {
    return {
      documents: this.termDf.documents,
      terms: this.termDf.entries(),
      concepts: this.conceptDf.entries(),
      epochTerms: this.termDf.epochEntries(),
      epochConcepts: this.conceptDf.epochEntries(),
      clock: this.clock,
      lateness: [...this.lateness.subarray(0, Math.min(this.latenessCount, LATENESS_SPAN))],
      latenessCount: this.latenessCount,
      sinceSweep: this.sinceSweep,
      horizon: Number.isFinite(this.horizon) ? this.horizon : null,
      frozen: this.frozenCount,
      active: [...this.events.keys()],
    };
  }

  /**
   * Starts from a snapshot (on a clusterer that holds nothing yet). The active events' reports
   * then come back through `reattach`; reports stored after the snapshot through `restore`.
   */
  restoreSnapshot(s: ClustererSnapshot): void {
    this.termDf.load(s.documents, s.terms, s.epochTerms);
    this.conceptDf.load(s.documents, s.concepts, s.epochConcepts);
    this.clock = s.clock;
    this.lateness.fill(0);
    this.lateness.set(s.lateness.slice(0, LATENESS_SPAN));
    this.latenessCount = s.latenessCount;
    this.sinceSweep = s.sinceSweep;
    this.horizon = s.horizon ?? Number.NEGATIVE_INFINITY;
    this.frozenCount = s.frozen;
  }

  /** Puts back a report the snapshot's statistics already count. */
  reattach(article: ClusterFeatures, eventId: string): void {
    this.attach(article, eventId);
  }

  /**
   * Whether a frozen event might be this article's: it is undated (the time decay spares no
   * event for it), or dated so far back that events within its reach were frozen. The writer
   * then looks for such events in the store (their search index) and thaws them first.
   */
  reachesFrozen(article: ClusterFeatures): boolean {
    if (this.frozenCount === 0) return false;
    return article.day === null || article.day - this.window.days < this.horizon;
  }

  /** The article's strongest index keys as search tokens: words of its language, and concepts. */
  searchKeys(article: ClusterFeatures): { terms: string[]; keys: string[] } {
    const terms: string[] = [];
    const keys: string[] = [];
    for (const k of this.indexKeys(article)) {
      if (k.startsWith('t:')) terms.push(k.slice(k.indexOf('\u0001') + 1));
      else keys.push(k.slice(2));
    }
    return { terms, keys };
  }

  /**
   * Brings a frozen event back from its stored reports (a person's correction needs it). Their
   * frequencies were counted when they arrived, so they are not counted again.
   */
  thaw(eventId: string, members: readonly ClusterFeatures[]): void {
    if (this.events.has(eventId)) return;
    for (const m of members) this.attach(m, eventId);
  }

  event(id: string): EventState | undefined {
    return this.events.get(id);
  }

  /** Article id -> the event it is in now (after any event-level links). */
  assignments(): Map<string, string> {
    const out = new Map<string, string>();
    for (const [id, event] of this.events) for (const m of event.members) out.set(m.id, id);
    return out;
  }

  /** Decides where an article belongs and records it there. */
  add(article: ClusterFeatures): Decision {
    const t0 = performance.now();
    this.tick(article);
    this.observe(article);
    const prepared = this.prepare(article);
    const candidates = this.candidatesOf(prepared.indexKeys);
    const t1 = performance.now();
    const decision = this.decideAmong(article, prepared, candidates);
    this.timings.decisions++;
    this.timings.candidates += t1 - t0;
    this.timings.decide += performance.now() - t1;
    return decision;
  }

  private decideAmong(
    article: ClusterFeatures,
    prepared: Prepared,
    candidates: string[],
  ): Decision {
    let best: { id: string; score: number } | null = null;
    for (const id of candidates) {
      const score = this.scorePrepared(prepared, this.events.get(id)!);
      if (!best || score > best.score) best = { id, score };
    }
    if (best && best.score >= this.params.threshold) {
      this.attach(article, best.id, prepared.indexKeys);
      const absorbed = this.link(best.id, candidates);
      return { eventId: best.id, isNew: false, score: best.score, absorbed };
    }
    const id = this.newEventId();
    this.attach(article, id, prepared.indexKeys);
    return {
      eventId: id,
      isNew: true,
      score: best?.score ?? 0,
      absorbed: this.link(id, candidates),
    };
  }

  /**
   * Event-level linking across languages (as Miranda et al. 2018 do): once an event has grown,
   * compare its concept centroid with the candidate events whose languages it does not share,
   * and absorb those similar enough. Centroids of several reports are steadier than one
   * article, so a link missed at article level can be made here. The same decay with the
   * distance in days applies as for an article: events months apart are not one event.
   */
  private link(eventId: string, candidates: readonly string[]): string[] {
    const threshold = this.params.linkThreshold;
    const event = this.events.get(eventId)!;
    if (!threshold || event.members.length < 2) return [];
    const languages = new Set(event.members.map((m) => m.lang));
    const absorbed: string[] = [];
    for (const id of candidates) {
      const other = this.events.get(id);
      if (!other || id === eventId) continue;
      if (this.apart.get(eventId)?.has(id)) continue;
      if (other.members.some((m) => languages.has(m.lang))) continue;
      if (this.centroidSimilarity(event, other) * this.spanFactor(event, other) < threshold)
        continue;
      this.absorb(event, other);
      for (const m of other.members) languages.add(m.lang);
      absorbed.push(id);
    }
    return absorbed;
  }

  /** Cosine of two events' IDF-weighted concept centroids. */
  centroidSimilarity(a: EventState, b: EventState): number {
    let dot = 0;
    const [small, large] = a.concepts.size <= b.concepts.size ? [a, b] : [b, a];
    for (const [c, w] of small.concepts) {
      const x = large.concepts.get(c);
      if (x !== undefined) {
        const idf = this.conceptDf.idf(c);
        dot += w * x * idf * idf;
      }
    }
    if (dot === 0) return 0;
    return dot / Math.sqrt(this.conceptNorm(a) * this.conceptNorm(b));
  }

  /**
   * A person's merge: every member of `from` into `into`. Clustering never splits an event, so
   * the merge stands.
   */
  merge(from: string, into: string): void {
    const a = this.events.get(from);
    const b = this.events.get(into);
    if (!a || !b || a === b) return;
    this.absorb(b, a);
  }

  /**
   * A person's move: takes the article out of its event (forgotten when left empty) and puts
   * it into `eventId` (a new event when there is none by that id). The two events are kept
   * apart from then on, so event-level linking never undoes the move.
   */
  move(articleId: string, eventId: string, features?: ClusterFeatures): void {
    const from = [...this.events.values()].find((e) => e.members.some((m) => m.id === articleId));
    if (!from || from.id === eventId) return;
    const member = from.members.find((m) => m.id === articleId)!;
    // A slim member (see slim) has no vectors left to take out: the caller gives them again.
    const article = features ?? member;
    this.detach(from, member, article);
    this.attach(article, eventId);
    this.keepApart(from.id, eventId);
  }

  /** Events that must never be linked into one. */
  keepApart(a: string, b: string): void {
    if (a === b) return;
    for (const [x, y] of [
      [a, b],
      [b, a],
    ]) {
      let set = this.apart.get(x);
      if (!set) {
        set = new Set();
        this.apart.set(x, set);
      }
      set.add(y);
    }
  }

  private detach(event: EventState, member: ClusterFeatures, article: ClusterFeatures): void {
    event.members = event.members.filter((m) => m !== member);
    event.norms.clear();
    if (event.members.length === 0) {
      this.events.delete(event.id);
      for (const key of event.indexKeys) this.index.get(key)?.delete(event.id);
      return;
    }
    const subtract = (map: Map<string, number>, key: string, w: number) => {
      const left = (map.get(key) ?? 0) - w;
      if (left > 1e-12) map.set(key, left);
      else map.delete(key);
    };
    const centroid = event.centroids.get(article.lang);
    if (centroid) for (const [t, w] of article.terms) subtract(centroid, t, w);
    if (!event.members.some((m) => m.lang === article.lang)) event.centroids.delete(article.lang);
    for (const a of article.anchors) subtract(event.anchorCounts, a, 1);
    for (const [c, w] of article.concepts) subtract(event.concepts, c, w);
    const days = event.members.map((m) => m.day).filter((d): d is number => d !== null);
    event.firstDay = days.length ? Math.min(...days) : null;
    event.lastDay = days.length ? Math.max(...days) : null;
  }

  /** Moves every member of `other` into `event` and forgets `other`. */
  private absorb(event: EventState, other: EventState): void {
    this.events.delete(other.id);
    const apart = this.apart.get(other.id);
    if (apart) for (const id of apart) this.keepApart(event.id, id);
    for (const key of other.indexKeys) {
      const set = this.index.get(key);
      if (set?.delete(other.id)) {
        set.add(event.id);
        event.indexKeys.add(key);
      }
    }
    // The sums of the other event's reports, not the reports: most of them keep no vectors
    // (see slim).
    for (const m of other.members) event.members.push(m);
    const add = (into: Map<string, number>, from: Map<string, number>) => {
      for (const [k, w] of from) into.set(k, (into.get(k) ?? 0) + w);
    };
    for (const [lang, from] of other.centroids) {
      let centroid = event.centroids.get(lang);
      if (!centroid) {
        centroid = new Map();
        event.centroids.set(lang, centroid);
      }
      add(centroid, from);
    }
    add(event.anchorCounts, other.anchorCounts);
    add(event.concepts, other.concepts);
    if (other.touched !== null && (event.touched === null || other.touched > event.touched))
      event.touched = other.touched;
    for (const d of [other.firstDay, other.lastDay]) {
      if (d === null) continue;
      event.firstDay = event.firstDay === null ? d : Math.min(event.firstDay, d);
      event.lastDay = event.lastDay === null ? d : Math.max(event.lastDay, d);
    }
    event.norms.clear();
  }

  /**
   * A copy of an earlier report (src/dedup/) joins that report's event without a decision: it
   * says nothing the event does not hold already. Counted as any report is, so that reopening
   * the store (`restore`) gives the same statistics.
   */
  addCopy(article: ClusterFeatures, eventId: string): Decision {
    this.tick(article);
    this.observe(article);
    this.attach(article, eventId);
    return { eventId, isNew: false, score: 1, absorbed: [] };
  }

  /** Re-creates state from the store: the article is known to belong to `eventId`. */
  restore(article: ClusterFeatures, eventId: string): void {
    this.tick(article);
    this.observe(article);
    this.attach(article, eventId);
  }

  private observe(article: ClusterFeatures): void {
    this.termDf.add(article.lang, article.terms.keys());
    this.conceptDf.add(article.concepts.keys());
  }

  private indexKeys(article: ClusterFeatures): string[] {
    const df = this.termDf.of(article.lang);
    const weighted = [...article.terms].map(
      ([t, w]) => [termKey(article.lang, t), w * this.termDf.idfIn(df, t)] as const,
    );
    weighted.sort((a, b) => b[1] - a[1]);
    // Anchors all go in; of the glosses, the strongest by weight alone. Ranking glosses by
    // weight x idf picked rare dictionary noise (a German word's fifth sense) that no other
    // language shares, and cross-lingual candidates went unfound.
    const anchors = [...article.concepts.keys()].filter((c) => !c.startsWith('g:'));
    const glosses = [...article.concepts].filter(([c]) => c.startsWith('g:'));
    glosses.sort((a, b) => b[1] - a[1]);
    return [
      ...weighted.slice(0, this.params.indexTerms).map(([k]) => `t:${k}`),
      ...anchors.map((k) => `c:${k}`),
      ...glosses.slice(0, this.params.indexTerms).map(([k]) => `c:${k}`),
    ];
  }

  /** The events an article is compared with: those sharing its strongest index keys. */
  candidates(article: ClusterFeatures): string[] {
    return this.candidatesOf(this.indexKeys(article));
  }

  private candidatesOf(keys: readonly string[]): string[] {
    const hits = new Map<string, number>();
    for (const key of keys) {
      const events = this.index.get(key);
      if (!events) continue;
      const weight = key.startsWith('t:')
        ? this.termDf.idf(key.slice(2, key.indexOf('\u0001')), key.slice(key.indexOf('\u0001') + 1))
        : this.conceptDf.idf(key.slice(2));
      for (const id of events) hits.set(id, (hits.get(id) ?? 0) + weight);
    }
    return [...hits]
      .sort((a, b) => b[1] - a[1])
      .slice(0, this.params.maxCandidates)
      .map(([id]) => id);
  }

  private attach(
    article: ClusterFeatures,
    eventId: string,
    indexKeys: readonly string[] = this.indexKeys(article),
  ): void {
    let event = this.events.get(eventId);
    if (!event) {
      event = {
        id: eventId,
        members: [],
        centroids: new Map(),
        anchorCounts: new Map(),
        concepts: new Map(),
        norms: new Map(),
        indexKeys: new Set(),
        touched: null,
        firstDay: null,
        lastDay: null,
      };
      this.events.set(eventId, event);
    }
    event.members.push(event.members.length < FULL_MEMBERS ? article : slim(article));
    event.touched = this.clock;
    let centroid = event.centroids.get(article.lang);
    if (!centroid) {
      centroid = new Map();
      event.centroids.set(article.lang, centroid);
    }
    // The cached norms move by what this report adds (under the epoch's IDF, as they were
    // computed), instead of being recomputed over the whole event at its next comparison: in a
    // large event that recomputation was most of the decision time.
    const termNorm = this.currentNorm(event, `t:${article.lang}`, this.termDf);
    const termIdf = this.termDf.epochIdf(article.lang);
    for (const [t, w] of article.terms) {
      const old = centroid.get(t) ?? 0;
      centroid.set(t, old + w);
      if (termNorm) {
        const idf = termIdf(t);
        termNorm.value += ((old + w) * (old + w) - old * old) * idf * idf;
      }
    }
    for (const a of article.anchors)
      event.anchorCounts.set(a, (event.anchorCounts.get(a) ?? 0) + 1);
    const conceptNorm = this.currentNorm(event, 'concepts', this.conceptDf);
    for (const [c, w] of article.concepts) {
      const old = event.concepts.get(c) ?? 0;
      event.concepts.set(c, old + w);
      if (conceptNorm) {
        const idf = this.conceptDf.epochIdf(c);
        conceptNorm.value += ((old + w) * (old + w) - old * old) * idf * idf;
      }
    }
    if (article.day !== null) {
      event.firstDay =
        event.firstDay === null ? article.day : Math.min(event.firstDay, article.day);
      event.lastDay = event.lastDay === null ? article.day : Math.max(event.lastDay, article.day);
    }
    for (const key of indexKeys) {
      let set = this.index.get(key);
      if (!set) {
        set = new Set();
        this.index.set(key, set);
      }
      set.add(eventId);
      event.indexKeys.add(key);
    }
  }

  /** The article's vectors and index keys under the current IDF (see Weighted). */
  private prepare(article: ClusterFeatures): Prepared {
    return {
      article,
      terms: this.weighTerms(article),
      concepts: this.weigh(article.concepts, (c) => this.conceptDf.idf(c)),
      indexKeys: this.indexKeys(article),
    };
  }

  private weighTerms(article: ClusterFeatures): Weighted {
    const df = this.termDf.of(article.lang);
    return this.weigh(article.terms, (t) => this.termDf.idfIn(df, t));
  }

  private weigh(vector: Map<string, number>, idfOf: (key: string) => number): Weighted {
    const keys = [...vector.keys()];
    const weighted = new Float64Array(keys.length);
    const idf = new Float64Array(keys.length);
    let norm = 0;
    let i = 0;
    for (const w of vector.values()) {
      const x = idfOf(keys[i]);
      const a = w * x;
      weighted[i] = a;
      idf[i] = x;
      norm += a * a;
      i++;
    }
    return { keys, weighted, idf, norm };
  }

  /** Sum over the article's keys of weight x idf x the event's weight x idf. */
  private static dot(v: Weighted, event: Map<string, number>): number {
    let dot = 0;
    const { keys, weighted, idf } = v;
    for (let i = 0; i < keys.length; i++) {
      const e = event.get(keys[i]);
      if (e !== undefined) dot += weighted[i] * e * idf[i];
    }
    return dot;
  }

  /** Cosine of the article's TF-IDF vector and the event's same-language centroid. */
  surfaceSimilarity(article: ClusterFeatures, event: EventState): number {
    return this.surfacePrepared(article.lang, this.weighTerms(article), event);
  }

  private surfacePrepared(lang: string, terms: Weighted, event: EventState): number {
    const centroid = event.centroids.get(lang);
    if (!centroid) return 0;
    const dot = OnlineClusterer.dot(terms, centroid);
    if (dot === 0) return 0;
    const centroidNorm = this.cachedNorm(event, `t:${lang}`, this.termDf, () => {
      const idf = this.termDf.epochIdf(lang);
      let sum = 0;
      for (const [t, c] of centroid) {
        const x = c * idf(t);
        sum += x * x;
      }
      return sum;
    });
    return dot / Math.sqrt(terms.norm * centroidNorm);
  }

  /** Cosine of IDF-weighted concept vectors (the event's is the sum over its members). */
  conceptSimilarity(article: ClusterFeatures, event: EventState): number {
    return this.conceptPrepared(
      this.weigh(article.concepts, (c) => this.conceptDf.idf(c)),
      event,
    );
  }

  private conceptPrepared(concepts: Weighted, event: EventState): number {
    if (concepts.keys.length === 0 || event.concepts.size === 0) return 0;
    const dot = OnlineClusterer.dot(concepts, event.concepts);
    if (dot === 0) return 0;
    return dot / Math.sqrt(concepts.norm * this.conceptNorm(event));
  }

  private conceptNorm(event: EventState): number {
    return this.cachedNorm(event, 'concepts', this.conceptDf, () => {
      let sum = 0;
      for (const [c, e] of event.concepts) {
        const x = e * this.conceptDf.epochIdf(c);
        sum += x * x;
      }
      return sum;
    });
  }

  /**
   * An event vector's squared norm. Recomputing it under current IDF for every comparison
   * dominated the run time; IDF drifts slowly, so a norm is taken under the IDF of the current
   * epoch (the collection as it stood at sizes fixed by the count alone, NORM_REFRESH apart) and
   * reused until the event changes or the epoch ends. A norm is then a function of the event
   * and the collection, not of when the event happened to be compared: a windowed clusterer,
   * or one restored from its store, computes the same norms as one that never stopped.
   */
  private cachedNorm(
    event: EventState,
    key: string,
    df: { readonly epoch: number },
    compute: () => number,
  ): number {
    const cached = this.currentNorm(event, key, df);
    if (cached) return cached.value;
    const value = compute();
    event.norms.set(key, { epoch: df.epoch, value });
    return value;
  }

  private currentNorm(
    event: EventState,
    key: string,
    df: { readonly epoch: number },
  ): { epoch: number; value: number } | undefined {
    const cached = event.norms.get(key);
    return cached?.epoch === df.epoch ? cached : undefined;
  }

  /** The time decay between two events' date spans (1 when either is undated or they overlap). */
  spanFactor(a: EventState, b: EventState): number {
    if (a.firstDay === null || a.lastDay === null || b.firstDay === null || b.lastDay === null)
      return 1;
    const distance = Math.max(0, b.firstDay - a.lastDay, a.firstDay - b.lastDay);
    return this.decay(distance);
  }

  private decay(distance: number): number {
    const beyond = distance - this.params.timeGraceDays;
    return beyond <= 0 ? 1 : Math.exp(-beyond / this.params.timeScaleDays);
  }

  timeFactor(article: ClusterFeatures, event: EventState): number {
    if (article.day === null || event.firstDay === null || event.lastDay === null) return 1;
    const distance =
      article.day < event.firstDay
        ? event.firstDay - article.day
        : Math.max(0, article.day - event.lastDay);
    return this.decay(distance);
  }

  score(article: ClusterFeatures, event: EventState): number {
    return this.scorePrepared(this.prepare(article), event);
  }

  private scorePrepared(prepared: Prepared, event: EventState): number {
    const p = this.params;
    const { article } = prepared;
    const concepts = this.conceptPrepared(prepared.concepts, event);
    // Two reports in one language can share a topic's words without sharing its names, numbers
    // and dates: the surface cosine counts in full only when the concepts agree as well.
    const agreement = p.conceptAgreement > 0 ? Math.min(1, concepts / p.conceptAgreement) : 1;
    const base = event.centroids.has(article.lang)
      ? (p.surfaceWeight * this.surfacePrepared(article.lang, prepared.terms, event) +
          p.conceptWeight * concepts) *
        agreement
      : p.crossConceptWeight * concepts;
    return base * this.timeFactor(article, event);
  }

  /** The member closest to the event's centre (same-language surface plus anchors). */
  centralMember(event: EventState): ClusterFeatures {
    return this.centralMemberWhere(event, () => true) ?? event.members[0];
  }

  /** The most central of the members `among` accepts (of those that keep vectors), or null. */
  centralMemberWhere(
    event: EventState,
    among: (member: ClusterFeatures) => boolean,
  ): ClusterFeatures | null {
    let best: ClusterFeatures | null = null;
    let bestScore = -1;
    for (const m of event.members.slice(0, 50)) {
      if (!among(m)) continue;
      const s = this.surfaceSimilarity(m, event) + this.conceptSimilarity(m, event);
      if (s > bestScore) {
        best = m;
        bestScore = s;
      }
    }
    return best;
  }
}
