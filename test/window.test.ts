import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { test } from 'node:test';
import { Engine } from '../src/ingest/index.ts';
import { readFile, streamOrder } from '../src/ingest/readers.ts';
import { openStore } from '../src/store/index.ts';
import type { ArticleInput } from '../src/types.ts';
import { BENCHMARKS, tempDir } from './helpers.ts';

// itn-dev in publication order: nine months of news, so a 30-day window freezes events on the
// way. Its reports within a few weeks of each other are what can be one event.
const articles = streamOrder(readFile(path.join(BENCHMARKS, 'itn-dev.jsonl')).articles)
  .filter((a) => a.published !== null)
  .slice(0, 800);

/** The clustering a store holds, as a partition of article ids (event ids aside). */
async function partition(db: string): Promise<string[][]> {
  const store = await openStore(db);
  try {
    const events = new Map<string, string[]>();
    for await (const a of store.articles()) {
      const members = events.get(a.eventId) ?? [];
      members.push(a.id);
      events.set(a.eventId, members);
    }
    return [...events.values()].map((m) => m.sort()).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  } finally {
    await store.close();
  }
}

async function ingest(
  db: string,
  inputs: readonly ArticleInput[],
  windowDays: number,
): Promise<{
  frozen: number;
  inMemory: number;
  activeReports: number;
  loaded: { fromSave: boolean; rowsRead: number };
}> {
  const store = await openStore(db);
  try {
    const engine = await Engine.open(store, { windowDays, workers: 0 });
    const loaded = engine.writer.loaded;
    await engine.ingest(inputs, { commitEvery: 100, commitMs: Number.POSITIVE_INFINITY });
    await engine.close();
    const clusterer = engine.writer.clusterer;
    const activeReports = [...clusterer.activeEvents()]
      .map((id) => clusterer.event(id)!.members.length)
      .reduce((a, b) => a + b, 0);
    return { frozen: clusterer.frozen, inMemory: clusterer.eventCount, activeReports, loaded };
  } finally {
    await store.close();
  }
}

test('a windowed clusterer, and one restored from its store, decide as the unbounded one', async () => {
  const dir = tempDir();
  try {
    const all = path.join(dir, 'all.db');
    await ingest(all, articles, 0);
    const expected = await partition(all);

    const windowed = path.join(dir, 'windowed.db');
    const w = await ingest(windowed, articles, 30);
    assert.ok(w.frozen > 50, `the window froze only ${w.frozen} events`);
    assert.ok(w.inMemory < expected.length - 50, `${w.inMemory} events still in memory`);
    assert.deepEqual(await partition(windowed), expected);

    // Stopped half way and reopened: the restored writer goes on as the uninterrupted one.
    const resumed = path.join(dir, 'resumed.db');
    const first = await ingest(resumed, articles.slice(0, 700), 30);
    assert.ok(first.frozen > 0 && first.activeReports < 700);
    const r = await ingest(resumed, articles, 30);
    // It read the reports of the events in memory when it stopped, not all 700 stored.
    assert.ok(r.loaded.fromSave, 'the reopened writer starts from its saved state');
    assert.equal(r.loaded.rowsRead, first.activeReports);
    assert.deepEqual(await partition(resumed), expected);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
