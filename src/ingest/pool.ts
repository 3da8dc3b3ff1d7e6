import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { PipelineResources } from '../pipeline.ts';
import type { ArticleInput } from '../types.ts';
import type { ProcessedBatch } from './process.ts';
import type { WorkerReply, WorkerRequest } from './worker.ts';

/**
 * `process` on worker threads, so that the pipeline runs on the other cores while the single
 * writer decides and commits on the main thread. A batch is cut into one contiguous slice per
 * thread and put back together in input order; since `process` is a pure function of its
 * input, the result is the same as in one thread, whatever the number of threads.
 */

interface Pending {
  resolve: (batch: ProcessedBatch) => void;
  reject: (e: Error) => void;
}

/**
 * A process thread running the code the main thread runs. Built (dist/, scripts/build-cli.ts),
 * this module is a chunk beside the built worker entry. From the sources, the worker runs them
 * through tsx, whose loader a worker thread has to register for itself (it does not inherit
 * `register()`).
 */
function startWorker(): Worker {
  const built = new URL('./worker.js', import.meta.url);
  if (import.meta.url.endsWith('.js') && fs.existsSync(built)) return new Worker(built);
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./worker.ts', import.meta.url).href;
  const boot =
    `import(${JSON.stringify(tsx)}).then((m) => { m.register(); ` +
    `return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true });
}

class PoolThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private readonly ready: Promise<void>;
  private failure: Error | null = null;

  constructor(resources: PipelineResources) {
    this.worker = startWorker();
    // An idle pool never keeps the process alive (a command that forgets `close` still ends).
    this.worker.unref();
    let readyResolve!: () => void;
    let readyReject!: (e: Error) => void;
    this.ready = new Promise((res, rej) => {
      readyResolve = res;
      readyReject = rej;
    });
    this.ready.catch(() => undefined);
    this.worker.on('message', (m: WorkerReply) => {
      if (m.kind === 'ready') readyResolve();
      else if (m.kind === 'done') this.settle(m.id, (p) => p.resolve(m.batch));
      else if (m.id === null) readyReject(new Error(`process thread: ${m.message}`));
      else this.settle(m.id, (p) => p.reject(new Error(`process thread: ${m.message}`)));
    });
    const fail = (e: Error) => {
      this.failure = e;
      readyReject(e);
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => {
      if (code !== 0 || this.pending.size > 0)
        fail(new Error(`process thread exited (code ${code})`));
    });
    this.post({ kind: 'init', resources });
  }

  private settle(id: number, f: (p: Pending) => void): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker.unref();
    f(p);
  }

  private post(m: WorkerRequest): void {
    this.worker.postMessage(m);
  }

  async run(id: number, inputs: ArticleInput[], now: Date): Promise<ProcessedBatch> {
    await this.ready;
    if (this.failure) throw this.failure;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // Work in flight keeps the process alive until it is answered.
      this.worker.ref();
      this.post({ kind: 'batch', id, inputs, now: now.toISOString() });
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

export class ProcessPool {
  private readonly threads: PoolThread[];
  private nextId = 0;

  private constructor(threads: PoolThread[]) {
    this.threads = threads;
  }

  /** Starts `size` threads, each with its own pipeline built from `resources`. */
  static start(size: number, resources: PipelineResources = {}): ProcessPool {
    return new ProcessPool(Array.from({ length: size }, () => new PoolThread(resources)));
  }

  get size(): number {
    return this.threads.length;
  }

  async process(inputs: readonly ArticleInput[], now: Date = new Date()): Promise<ProcessedBatch> {
    const per = Math.ceil(inputs.length / this.threads.length);
    const parts = await Promise.all(
      this.threads
        .map((t, i) => ({ t, slice: inputs.slice(i * per, (i + 1) * per) }))
        .filter(({ slice }) => slice.length > 0)
        .map(({ t, slice }) => t.run(this.nextId++, slice, now)),
    );
    return {
      analysed: parts.flatMap((p) => p.analysed),
      rejections: parts.flatMap((p) => p.rejections),
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.close()));
  }
}
