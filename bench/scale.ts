/**
 * One size of the scale benchmark, in a process of its own so that its peak memory is its
 * own (bench/run.ts starts one per size and collects the JSON it prints last):
 *
 *   node --import tsx bench/scale.ts --articles 10000 [--seed 1] [--db postgres://…]
 *
 * It streams a seeded, generated input (bench/generate.ts) through the engine as `ingest`
 * does (worker threads for `process`, the single writer committing batches) into a fresh
 * store, then measures what the issue asks for: throughput end to end, time per stage,
 * decision latency against store size, peak memory, reopening the store to take one more
 * article, and a floor pass that only reads and tokenises the same input.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { config, DEFAULT_COMMIT_EVERY } from '../src/config.ts';
import { Engine } from '../src/ingest/index.ts';
import { Pipeline } from '../src/pipeline.ts';
import { createDefaultPipeline } from '../src/stages.ts';
import { openStore } from '../src/store/index.ts';
import { PROCESS_CONTEXT } from '../src/ingest/process.ts';
import { generate, toInput } from './generate.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    db: { type: 'string' },
    workers: { type: 'string' },
    // The floor pass and the stage timings build a pipeline of their own: measured in a
    // process apart (bench/run.ts starts both), so the ingest's peak memory is its own.
    part: { type: 'string', default: 'ingest' },
  },
});
const size = Number(values.articles);
const seed = Number(values.seed);
const workers = values.workers === undefined ? config.workers : Number(values.workers);

/** Stream positions of the stored-size buckets decision latency is reported for. */
const BUCKETS = 10;
const STAGE_SAMPLE = Math.min(size, 2000);

const percentile = (sorted: Float64Array, p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

function* inputs(from: number, count: number, prefix?: string) {
  let line = from;
  for (const r of generate(seed, from, count, prefix, { chronological: size })) {
    yield toInput(r, ++line);
  }
}

if (values.part === 'floor') {
  // 1. The floor: read the same input and tokenise it with the pipeline's own first stages (the
  // cost no system can avoid: text must be normalised, its language known, its words cut).
  const full = createDefaultPipeline();
  await full.init();
  const upToSegment = full.stages.slice(
    0,
    full.stages.findIndex((s) => s.name.startsWith('segment')) + 1,
  );
  const floor = Pipeline.create(upToSegment);
  const f0 = performance.now();
  let floorCount = 0;
  for (const input of inputs(0, size)) {
    floor.run({ ...input }, PROCESS_CONTEXT);
    floorCount++;
  }
  const floorMs = performance.now() - f0;
  // 2. Time per pipeline stage, on a sample, in this thread (the end-to-end run spreads the
  // stages over worker threads, where they cannot be timed one by one).
  const stageMs = new Map<string, number>();
  for (const input of inputs(0, STAGE_SAMPLE))
    full.runTimed({ ...input }, PROCESS_CONTEXT, stageMs);
  console.log(
    JSON.stringify({
      floorArticlesPerSecond: (floorCount * 1000) / floorMs,
      stagesMicros: Object.fromEntries(
        [...stageMs].map(([name, ms]) => [name, (ms * 1000) / STAGE_SAMPLE]),
      ),
    }),
  );
  process.exit(0);
}

// 3. End to end into a fresh store.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'babelwire-scale-'));
const location = values.db ?? path.join(tmp, 'scale.db');
let store = await openStore(location);
// Every article of the stream is a resampled copy of one of 3.3k development reports: with copy
// recognition on, most would be filed as copies without a decision. The benchmark measures
// clustering, so it is off here (BABELWIRE_COPIES=off does the same for `ingest`).
const engine = await Engine.open(store, { workers, copies: false });
const latency = new Float64Array(size);
let decided = 0;
let before = 0;
engine.writer.observer = {
  before: () => {
    before = performance.now();
  },
  after: () => {
    if (decided < size) latency[decided++] = performance.now() - before;
  },
};
const e0 = performance.now();
const summary = await engine.ingest(inputs(0, size), {
  commitEvery: DEFAULT_COMMIT_EVERY,
  commitMs: config.commitMs,
});
const endToEndMs = performance.now() - e0;
await engine.close();
const events = (await store.stats()).events;
const inMemory = engine.writer.clusterer.eventCount;
const frozen = engine.writer.clusterer.frozen;
const writer = { ...engine.writer.timings };
const clusterer = { ...engine.writer.clusterer.timings };
await store.close();

const buckets = [];
const per = Math.ceil(decided / BUCKETS);
for (let b = 0; b < BUCKETS && b * per < decided; b++) {
  const slice = Float64Array.from(latency.subarray(b * per, Math.min(decided, (b + 1) * per)));
  slice.sort();
  buckets.push({
    storedFrom: b * per,
    p50Ms: percentile(slice, 0.5),
    p99Ms: percentile(slice, 0.99),
  });
}

// 4. Reopen the store and take one more article: what a restart costs.
const r0 = performance.now();
store = await openStore(location);
const reopened = await Engine.open(store, { workers: 0, copies: false });
const opened = performance.now() - r0;
const loaded = reopened.writer.loaded;
const one = await reopened.ingest(inputs(size, 1, `b${seed}-reopen`), {
  commitEvery: 1,
  commitMs: config.commitMs,
});
const reopenMs = performance.now() - r0;
await store.close();
fs.rmSync(tmp, { recursive: true, force: true });

const articlesPerSecond = (summary.added * 1000) / endToEndMs;
const result = {
  articles: size,
  seed,
  backend: values.db ? 'postgresql' : 'sqlite',
  workers,
  cores: os.availableParallelism(),
  added: summary.added,
  duplicates: summary.duplicates,
  rejected: summary.rejected,
  events,
  eventsInMemory: inMemory,
  eventsFrozen: frozen,
  endToEndSeconds: endToEndMs / 1000,
  articlesPerSecond,
  peakRssMB: process.resourceUsage().maxRSS / 1024,
  reopenOpenMs: opened,
  reopenAndOneMs: reopenMs,
  reopenAdded: one.added,
  reopenFromSave: loaded.fromSave,
  reopenRowsRead: loaded.rowsRead,
  /** Microseconds per article in the writer (the stages' are the floor part's). */
  writerMicros: {
    candidates: (clusterer.candidates * 1000) / Math.max(1, clusterer.decisions),
    decision: (clusterer.decide * 1000) / Math.max(1, clusterer.decisions),
    aliasesAndFeatures:
      ((writer.decide - clusterer.candidates - clusterer.decide) * 1000) /
      Math.max(1, writer.articles),
    summarise: (writer.summarise * 1000) / Math.max(1, writer.articles),
    commit:
      ((writer.total - writer.decide - writer.summarise) * 1000) / Math.max(1, writer.articles),
  },
  decisionLatency: buckets,
};
console.log(JSON.stringify(result));
