import { parentPort } from 'node:worker_threads';
import type { PipelineResources } from '../pipeline.ts';
import { createDefaultPipeline } from '../stages.ts';
import type { ArticleInput } from '../types.ts';
import { processInputs } from './process.ts';

/**
 * One thread of the process pool (src/ingest/pool.ts): builds its own pipeline from the
 * resources it is sent, then answers each batch with `processInputs`. It holds no store and
 * no clusterer, so any thread gives the same result for the same input.
 */

export type WorkerRequest =
  | { kind: 'init'; resources: PipelineResources }
  | { kind: 'batch'; id: number; inputs: ArticleInput[]; now: string };

export type WorkerReply =
  | { kind: 'ready' }
  | { kind: 'done'; id: number; batch: ReturnType<typeof processInputs> }
  | { kind: 'failed'; id: number | null; message: string };

const port = parentPort;
if (!port) throw new Error('src/ingest/worker.ts runs as a worker thread only');
let pipeline: ReturnType<typeof createDefaultPipeline> | null = null;

port.on('message', (m: WorkerRequest) => {
  void handle(m).then(
    (reply) => port.postMessage(reply),
    (e: unknown) =>
      port.postMessage({
        kind: 'failed',
        id: m.kind === 'batch' ? m.id : null,
        message: (e as Error).message ?? String(e),
      } satisfies WorkerReply),
  );
});

async function handle(m: WorkerRequest): Promise<WorkerReply> {
  if (m.kind === 'init') {
    pipeline = createDefaultPipeline(m.resources);
    await pipeline.init();
    return { kind: 'ready' };
  }
  if (!pipeline) throw new Error('batch before init');
  return { kind: 'done', id: m.id, batch: processInputs(pipeline, m.inputs, new Date(m.now)) };
}
