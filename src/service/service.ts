import { EventEmitter } from 'node:events';
import { BabelwireError, type ErrorCode, type Rejection } from '../errors.ts';
import { Engine, processArticle, type AnalysedArticle } from '../ingest/index.ts';
import { articleFromRecord } from '../ingest/readers.ts';
import type { PipelineResources } from '../pipeline.ts';
import { searchDoc } from '../represent/search-doc.ts';
import { Searcher } from '../search/index.ts';
import type { PollDeps } from '../sources/index.ts';
import type { Change, SearchDoc, Store, StoredWatch } from '../store/index.ts';
import type { ArticleInput } from '../types.ts';
import { Metrics } from './metrics.ts';
import { lagSeconds, pollRound, type RoundReport } from './sources.ts';
import {
  compileWatch,
  validateWatch,
  watchMatches,
  type CompiledWatch,
  type WatchInput,
} from './watches.ts';
import { DEFAULT_WEBHOOKS, WebhookQueue, type WebhookOptions } from './webhooks.ts';

/**
 * The live service without its HTTP face: the single writer (the engine), search, watches,
 * webhooks, the change log's notifications and source polling. `babelwire serve` puts the
 * HTTP server (src/server/) in front of it; `poll` uses only the polling.
 */

export interface ArticleOutcome {
  id: string | null;
  event: string | null;
  status: 'added' | 'duplicate' | 'rejected';
  error?: { code: ErrorCode; message: string };
}

export interface ServiceOptions {
  resources?: PipelineResources;
  webhooks?: Partial<WebhookOptions>;
  /** For the source polls (tests shorten the timeout). */
  poll?: Omit<PollDeps, 'seen'>;
}

const WATCHES_TTL_MS = 5000;

export class Service {
  readonly metrics = new Metrics();
  readonly webhooks: WebhookQueue;
  private readonly notifier = new EventEmitter();
  private compiled: CompiledWatch[] = [];
  /** When the watches were last read: `watches add` from another process is seen within this. */
  private watchesRead = 0;
  private pollTimer: NodeJS.Timeout | null = null;
  private polling: Promise<unknown> | null = null;
  private closed = false;

  private constructor(
    readonly store: Store,
    readonly engine: Engine,
    readonly searcher: Searcher,
    private readonly options: ServiceOptions,
  ) {
    this.notifier.setMaxListeners(0);
    this.webhooks = new WebhookQueue({
      ...DEFAULT_WEBHOOKS,
      ...options.webhooks,
      onResult: (outcome) => this.metrics.webhooks.inc({ outcome }),
    });
    this.metrics.storeGauges(async () => {
      const s = await store.stats();
      return { articles: s.articles, events: s.events };
    });
  }

  static async open(store: Store, options: ServiceOptions = {}): Promise<Service> {
    const engine = await Engine.open(store, { resources: options.resources });
    const searcher = await Searcher.open(store, options.resources);
    const service = new Service(store, engine, searcher, options);
    await service.reloadWatches();
    return service;
  }

  /** Called with each new change-log entry (after its commit). Returns the unsubscriber. */
  onChange(listener: (c: Change) => void): () => void {
    this.notifier.on('change', listener);
    return () => this.notifier.off('change', listener);
  }

  private async announce(after: number): Promise<void> {
    for (const c of await this.store.changesAfter(after, 10_000)) this.notifier.emit('change', c);
  }

  /**
   * Validates and ingests JSON records (a POST): each gets its outcome, in order. A bad record
   * is rejected with its reason and logged like a bad input line; the others go on.
   */
  async takeInRecords(records: readonly unknown[], origin: string): Promise<ArticleOutcome[]> {
    const bad: Rejection[] = [];
    const outcomes: (ArticleOutcome | ArticleInput)[] = records.map((r, i) => {
      try {
        // A line of NDJSON that did not parse comes as its error.
        if (r instanceof BabelwireError) throw r;
        return articleFromRecord(r, origin, i + 1);
      } catch (e) {
        const out = rejected(null, e);
        bad.push({ file: origin, line: i + 1, code: out.error!.code, reason: out.error!.message });
        return out;
      }
    });
    const inputs = outcomes.filter((o): o is ArticleInput => 'origin' in o);
    const done = await this.takeIn(inputs, bad);
    return outcomes.map((o) => ('origin' in o ? done.get(o)! : o));
  }

  /** Ingests article inputs as one batch (one commit); the outcome of each. */
  async takeIn(
    inputs: readonly ArticleInput[],
    badRecords: readonly Rejection[] = [],
  ): Promise<Map<ArticleInput, ArticleOutcome>> {
    const received = Date.now();
    const out = new Map<ArticleInput, ArticleOutcome>();
    const analysed: AnalysedArticle[] = [];
    const rejections: Rejection[] = [...badRecords];
    const byId = new Map<string, ArticleInput>();
    const now = new Date();
    for (const input of inputs) {
      try {
        const a = processArticle(this.engine.pipeline, input, now);
        analysed.push(a);
        byId.set(a.id, input);
      } catch (e) {
        out.set(input, rejected(input.id, e));
        const err = e instanceof BabelwireError ? e : new BabelwireError('E_STAGE', String(e));
        rejections.push({
          file: input.origin.file,
          line: input.origin.line,
          code: err.code,
          reason: err.message,
        });
      }
    }
    const before = await this.store.lastChangeSeq();
    const started = performance.now();
    const result = await this.engine.writer.assign(analysed, rejections);
    if (analysed.length) {
      const per = (performance.now() - started) / 1000 / analysed.length;
      for (let i = 0; i < analysed.length; i++) this.metrics.decision.observe(per);
    }
    for (const a of analysed) {
      const input = byId.get(a.id)!;
      const event = result.assignments.get(a.id) ?? null;
      const duplicate = result.duplicateIds.has(a.id);
      out.set(input, { id: a.id, event, status: duplicate ? 'duplicate' : 'added' });
      this.metrics.articles.inc({ status: duplicate ? 'duplicate' : 'added' });
      if (!duplicate) this.metrics.ingestLag.observe((Date.now() - received) / 1000);
    }
    for (let i = 0; i < rejections.length; i++) this.metrics.articles.inc({ status: 'rejected' });
    if (result.added > 0) {
      const fresh = analysed.filter((a) => !result.duplicateIds.has(a.id));
      await this.matchWatches([...result.created, ...result.updated], fresh, result.assignments);
      await this.searcher.refresh();
    }
    await this.announce(before);
    return out;
  }

  /** Records `watch.matched` for every watch a changed event now matches, and calls webhooks. */
  private async matchWatches(
    eventIds: readonly string[],
    fresh: readonly AnalysedArticle[],
    assignments: ReadonlyMap<string, string>,
  ): Promise<void> {
    if (Date.now() - this.watchesRead > WATCHES_TTL_MS) await this.reloadWatches();
    if (this.compiled.length === 0 || eventIds.length === 0) return;
    const docs = new Map<string, SearchDoc[]>();
    for (const a of fresh) {
      const event = assignments.get(a.id);
      if (event) docs.set(event, [...(docs.get(event) ?? []), searchDoc(a)]);
    }
    const matches: { watch: StoredWatch; eventId: string; data: Record<string, unknown> }[] = [];
    for (const id of new Set(eventIds)) {
      const event = await this.store.getEvent(id);
      if (!event) continue;
      for (const w of this.compiled) {
        if (!watchMatches(w, event, docs.get(id) ?? [])) continue;
        matches.push({
          watch: w.watch,
          eventId: id,
          data: {
            watch: w.watch.id,
            title: event.title,
            titleLang: event.titleLang,
            articleCount: event.articleCount,
            languages: event.languages,
            type: event.eventType ?? null,
          },
        });
      }
    }
    if (matches.length === 0) return;
    const at = new Date().toISOString();
    await this.store.transaction(async (tx) => {
      for (const m of matches) {
        await tx.appendChange({
          kind: 'watch.matched',
          eventId: m.eventId,
          watchId: m.watch.id,
          at,
          data: m.data,
        });
      }
    });
    for (const m of matches) {
      if (m.watch.webhook) {
        this.webhooks.send(m.watch.webhook, {
          kind: 'watch.matched',
          event: m.eventId,
          at,
          ...m.data,
        });
      }
    }
  }

  async reloadWatches(): Promise<void> {
    this.watchesRead = Date.now();
    this.compiled = (await this.store.watches()).map((w) =>
      compileWatch(w, (text) => this.searcher.queryDoc(text)),
    );
  }

  async addWatch(input: WatchInput, by: string | null): Promise<StoredWatch> {
    validateWatch(input);
    const watch = await this.store.transaction(async (tx) => {
      const n = await tx.nextNumber('watch');
      const w: StoredWatch = {
        id: `w-${n}`,
        name: input.name ?? null,
        query: input.query ?? null,
        entity: input.entity ?? null,
        country: input.country ?? null,
        type: input.type ?? null,
        language: input.language ?? null,
        webhook: input.webhook ?? null,
        createdAt: new Date().toISOString(),
        createdBy: by,
      };
      await tx.addWatch(w);
      return w;
    });
    await this.reloadWatches();
    return watch;
  }

  async removeWatch(id: string): Promise<void> {
    const removed = await this.store.transaction((tx) => tx.removeWatch(id));
    if (!removed) throw new BabelwireError('E_NOT_FOUND', 'watch', id);
    await this.reloadWatches();
  }

  async merge(from: string, into: string, by: string) {
    const before = await this.store.lastChangeSeq();
    const result = await this.engine.writer.merge(from, into, by);
    await this.announce(before);
    return result;
  }

  async move(articleId: string, into: string | null, by: string) {
    const before = await this.store.lastChangeSeq();
    const result = await this.engine.writer.move(articleId, into, by);
    await this.announce(before);
    return result;
  }

  /** One polling round over the due sources (`all`: every source). */
  async pollOnce(options: { all?: boolean } = {}): Promise<RoundReport[]> {
    const reports = await pollRound(
      this.store,
      async (inputs) => {
        const done = [...(await this.takeIn(inputs)).values()];
        return {
          added: done.filter((d) => d.status === 'added').length,
          duplicates: done.filter((d) => d.status === 'duplicate').length,
          rejected: done.filter((d) => d.status === 'rejected').length,
        };
      },
      this.options.poll,
      options,
    );
    for (const r of reports) {
      const source = r.source.name;
      if (r.status === 'failed') this.metrics.sourceErrors.inc({ source });
      this.metrics.sourceItems.inc({ source, kind: 'seen' }, r.itemKeys.length);
      this.metrics.sourceItems.inc({ source, kind: 'stored' }, r.stored);
    }
    for (const s of await this.store.sources()) {
      const lag = lagSeconds(s);
      if (lag !== null) this.metrics.sourceLag.set({ source: s.name }, lag);
    }
    return reports;
  }

  /** Polls the sources on their schedules, checking every `tickMs`, one round at a time. */
  startPolling(tickMs = 15_000, onError: (e: unknown) => void = () => undefined): void {
    if (this.pollTimer) return;
    const tick = () => {
      if (this.polling || this.closed) return;
      this.polling = this.pollOnce()
        .catch(onError)
        .finally(() => (this.polling = null));
    };
    this.pollTimer = setInterval(tick, tickMs);
    this.pollTimer.unref();
    tick();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    await this.polling;
    this.webhooks.close();
    this.notifier.removeAllListeners();
    // The clusterer's state is saved, so the next start does not replay the archive.
    await this.engine.close().catch(() => undefined);
  }
}

function rejected(id: string | null, e: unknown): ArticleOutcome {
  const err = e instanceof BabelwireError ? e : new BabelwireError('E_STAGE', String(e));
  return { id, event: null, status: 'rejected', error: { code: err.code, message: err.message } };
}
