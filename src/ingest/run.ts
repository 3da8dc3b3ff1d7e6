import type { Rejection } from '../errors.ts';
import type { ClusterParams } from '../cluster/params.ts';
import type { Pipeline, PipelineResources } from '../pipeline.ts';
import { createDefaultPipeline } from '../stages.ts';
import type { Store } from '../store/index.ts';
import type { ArticleInput } from '../types.ts';
import { processInputs, type ProcessedBatch } from './process.ts';
import { ProcessPool } from './pool.ts';
import { isRejection, type ReadItem } from './readers.ts';
import { Writer } from './writer.ts';

/**
 * The ingest loop: reads a stream of inputs, cuts it into batches (every `commitEvery`
 * articles or `commitMs` milliseconds), runs `process` over each article the store does not
 * hold yet and hands the batch to the single writer, which commits it. Stopping (a signal)
 * takes effect between batches: the batch in flight is committed whole, and running the same
 * input again goes on where it stopped, because stored ids are skipped.
 *
 * With worker threads (`workers` > 0), `process` runs on them while the writer commits the
 * batch before: two stages in a pipeline, one batch apart. Decisions are the same either way,
 * because the writer still takes the articles one by one in input order.
 */

/** Batches smaller than this are processed in the main thread: starting threads costs more. */
const POOL_MIN_BATCH = 64;

export interface IngestOptions {
  /** Commit after this many articles (default from src/config.ts). */
  commitEvery: number;
  /** …or once this many milliseconds have passed since the batch began. */
  commitMs: number;
  /** Aborted: stop after the batch in flight is committed. */
  signal?: AbortSignal;
  /** Called after each committed batch. */
  onCommit?: (progress: IngestProgress) => void;
  /** Keep article id -> event id for every article (batch mode needs it; ingest does not). */
  keepAssignments?: boolean;
}

export interface IngestProgress {
  /** Inputs read so far (articles and rejections). */
  read: number;
  added: number;
  duplicates: number;
  rejected: number;
}

export interface IngestSummary extends IngestProgress {
  rejections: Rejection[];
  assignments: Map<string, string>;
  /** Detected languages of the articles added. */
  languages: Set<string>;
  /** True when a signal stopped the run before its input ended. */
  interrupted: boolean;
}

/** The pipeline and the writer over one store: what every command that clusters uses. */
export interface EngineOptions {
  resources?: PipelineResources;
  params?: ClusterParams;
  /** Worker threads for `process` (0: all in the main thread; see src/config.ts). */
  workers?: number;
  /** Days of event time the clusterer keeps in memory (default from src/config.ts; 0: all). */
  windowDays?: number;
  /** Whether copies are recognised (src/dedup/; default from src/config.ts). */
  copies?: boolean;
}

export class Engine {
  readonly pipeline: Pipeline;
  readonly writer: Writer;
  private readonly resources: PipelineResources;
  private readonly workers: number;
  private pool: ProcessPool | null = null;

  private constructor(pipeline: Pipeline, writer: Writer, options: EngineOptions) {
    this.pipeline = pipeline;
    this.writer = writer;
    this.resources = options.resources ?? {};
    this.workers = options.workers ?? 0;
  }

  static async open(store: Store, options: EngineOptions = {}): Promise<Engine> {
    const pipeline = createDefaultPipeline(options.resources);
    // With worker threads the models load there; here only when a small batch needs them
    // (processBatch), so the main thread does not hold a second copy of them for nothing.
    if (!options.workers) await pipeline.init();
    const writer = await Writer.open(store, pipeline.names, options.params, {
      windowDays: options.windowDays,
      copies: options.copies,
    });
    return new Engine(pipeline, writer, options);
  }

  /**
   * Saves the clusterer's state (the next open need not replay the archive) and stops the
   * worker threads, if any were started. The store stays open: it is the caller's.
   */
  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.close();
    await this.writer.save();
  }

  get store(): Store {
    return this.writer.store;
  }

  /** `process` over a batch: analysed articles, and a rejection for each that failed. */
  processBatch(inputs: readonly ArticleInput[], now: Date = new Date()): Promise<ProcessedBatch> {
    if (this.workers > 0 && inputs.length >= POOL_MIN_BATCH) {
      this.pool ??= ProcessPool.start(this.workers, this.resources);
      return this.pool.process(inputs, now);
    }
    return this.pipeline.init().then(() => processInputs(this.pipeline, inputs, now));
  }

  /** Ingests a stream of inputs (see the module comment). */
  async ingest(
    items: AsyncIterable<ReadItem> | Iterable<ReadItem>,
    options: IngestOptions,
  ): Promise<IngestSummary> {
    const summary: IngestSummary = {
      read: 0,
      added: 0,
      duplicates: 0,
      rejected: 0,
      rejections: [],
      assignments: new Map(),
      languages: new Set(),
      interrupted: false,
    };
    let inputs: ArticleInput[] = [];
    let readRejections: Rejection[] = [];
    let started = Date.now();
    /** The batch being processed while the writer commits the one before it. */
    let ahead: { processing: Promise<ProcessedBatch>; bad: Rejection[]; readAt: number } | null =
      null;
    const commit = async (next: typeof ahead) => {
      if (!next) return;
      const { analysed, rejections } = await next.processing;
      const all = [...next.bad, ...rejections];
      const result = await this.writer.assign(analysed, all);
      summary.added += result.added;
      summary.duplicates += result.duplicates;
      summary.rejected += all.length;
      summary.rejections.push(...all);
      for (const a of analysed) if (result.assignments.has(a.id)) summary.languages.add(a.lang);
      if (options.keepAssignments) {
        for (const [id, event] of result.assignments) summary.assignments.set(id, event);
      }
      // Progress counts the inputs up to the batch just committed, not those read ahead.
      options.onCommit?.({
        read: next.readAt,
        added: summary.added,
        duplicates: summary.duplicates,
        rejected: summary.rejected,
      });
      // A turn of the event loop between batches: with input already in memory (batch mode)
      // and SQLite's synchronous driver, nothing else here waits on I/O, and a Ctrl-C (or a
      // progress redraw) would not be heard until the whole run had ended.
      await new Promise<void>((resolve) => setImmediate(resolve));
    };
    const flush = async () => {
      const batch = inputs;
      const bad = readRejections;
      inputs = [];
      readRejections = [];
      started = Date.now();
      if (batch.length === 0 && bad.length === 0) return;
      // Ids stored by earlier runs are skipped before the costly half. Those of the batch still
      // being committed are not stored yet: the writer finds them as duplicates instead.
      const stored = await this.store.storedIds(batch.map((a) => a.id));
      const fresh = batch.filter((a) => !stored.has(a.id));
      summary.duplicates += batch.length - fresh.length;
      if (options.keepAssignments) {
        for (const a of batch) {
          if (stored.has(a.id)) {
            summary.assignments.set(a.id, (await this.store.articleEventId(a.id)) ?? '');
          }
        }
      }
      const processing = this.processBatch(fresh);
      // Settled now or later, a failure is the commit's to report.
      processing.catch(() => undefined);
      const previous = ahead;
      ahead = { processing, bad, readAt: summary.read };
      await commit(previous);
    };
    for await (const item of items) {
      if (options.signal?.aborted) {
        summary.interrupted = true;
        break;
      }
      summary.read++;
      if (isRejection(item)) readRejections.push(item);
      else inputs.push(item);
      if (inputs.length >= options.commitEvery || Date.now() - started >= options.commitMs) {
        await flush();
      }
    }
    // Read but not yet committed: committed now, also when stopping (a batch is seconds of work).
    await flush();
    const last = ahead as typeof ahead;
    ahead = null;
    await commit(last);
    if (options.keepAssignments) {
      // Event-level linking may have merged an event of an earlier batch since.
      for (const [id, event] of summary.assignments) {
        summary.assignments.set(id, this.writer.resolveEvent(event));
      }
    }
    return summary;
  }
}
