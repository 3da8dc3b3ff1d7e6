import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { clusterArticles, streamOrder } from '../src/eval/run.ts';
import { ProcessPool } from '../src/ingest/pool.ts';
import { processInputs } from '../src/ingest/process.ts';
import { readFile } from '../src/ingest/readers.ts';
import { createDefaultPipeline } from '../src/stages.ts';
import { BENCHMARKS } from './helpers.ts';

const articles = streamOrder(readFile(path.join(BENCHMARKS, 'mmds-dev.jsonl')).articles);

test('the process pool gives what one thread gives, in input order', async () => {
  const inputs = articles.slice(0, 81);
  const pipeline = createDefaultPipeline();
  await pipeline.init();
  const now = new Date('2026-01-01T00:00:00Z');
  const alone = processInputs(pipeline, inputs, now);
  const pool = ProcessPool.start(2);
  try {
    const pooled = await pool.process(inputs, now);
    assert.deepEqual(pooled, alone);
    assert.equal(pooled.analysed.length + pooled.rejections.length, inputs.length);
    assert.deepEqual(
      pooled.analysed.map((a) => a.id),
      inputs.map((a) => a.id),
    );
  } finally {
    await pool.close();
  }
});

test('clustering with worker threads decides exactly as without', async () => {
  const inline = await clusterArticles(articles, { workers: 0 });
  const threaded = await clusterArticles(articles, { workers: 2 });
  assert.deepEqual([...threaded.predictions], [...inline.predictions]);
  assert.ok(new Set(inline.predictions.values()).size > 10);
});
