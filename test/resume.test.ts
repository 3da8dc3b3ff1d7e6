import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { seededRandom } from '../src/eval/run.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { ROOT, tempDir } from './helpers.ts';
import { freshPostgres } from './pg.ts';

/**
 * Crash safety of `babelwire ingest`, on both back ends: killed with SIGKILL at random points
 * (during a commit, between commits, while starting), then run again until it finishes, the
 * store must hold what an uninterrupted run stores (same articles, same events). SIGINT stops
 * after the batch in flight and exits 130.
 */

const BIN = path.join(ROOT, 'bin', 'babelwire');
const DEMO = path.join(ROOT, 'examples', 'demo', 'corpus.jsonl');
const NO_PACKS = tempDir();
/** Kill points per back end. */
const KILLS = 20;
/** Small batches, so that a kill has many commits to land between (and within). */
const BATCH = '1';

const env = {
  ...process.env,
  BABELWIRE_PACKS: NO_PACKS,
  // A progress line after every commit: the test waits for commits before it kills.
  BABELWIRE_PROGRESS_MS: '0',
};

/** Runs an ingest to its end. Asynchronous: the other back end's kills must not wait for it. */
async function ingestToEnd(db: string): Promise<void> {
  const child = spawn(BIN, ['ingest', DEMO, '--db', db, '--commit-every', BATCH], { env });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  assert.equal(code, 0, stderr);
}

/**
 * Starts an ingest and kills it with SIGKILL once its progress says `target` articles are done
 * (0: while it starts) and a further `delayMs`. Resolves with whether it had finished by then.
 */
function ingestAndKill(db: string, target: number, delayMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(BIN, ['ingest', DEMO, '--db', db, '--commit-every', BATCH], { env });
    let timer: NodeJS.Timeout | null = null;
    const kill = () => {
      timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    };
    if (target === 0) kill();
    let pending = '';
    child.stderr.on('data', (chunk: Buffer) => {
      // Whole lines only: a progress line may arrive in two chunks.
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const done = /(\d+)\/\d+ articles\b/.exec(line);
        if (timer === null && done && Number(done[1]) >= target) kill();
      }
    });
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      resolve(code === 0);
    });
  });
}

async function snapshot(store: Store) {
  const events: string[] = [];
  for (const e of await store.listEvents()) {
    events.push((await store.eventArticleIds(e.id)).sort().join(' '));
  }
  const stats = await store.stats();
  const check = await store.check();
  return { articles: stats.articles, events: events.sort(), problems: check.problems };
}

async function killAndResume(db: string, seed: number): Promise<{ kills: number }> {
  const rand = seededRandom(seed);
  let kills = 0;
  let finished = false;
  while (!finished && kills < KILLS) {
    const store = await openStore(db);
    const stored = (await store.stats()).articles;
    await store.close();
    // Mostly once the run has stored one more article, sometimes while it starts; then up to
    // 40 ms more, which lands inside the next article's processing or its transaction.
    const target = rand() < 0.15 ? 0 : stored + 1;
    finished = await ingestAndKill(db, target, Math.floor(rand() * 40));
    if (!finished) kills++;
  }
  await ingestToEnd(db);
  return { kills };
}

describe('ingest survives SIGKILL at random points and goes on where it stopped', () => {
  const drops: (() => Promise<void>)[] = [];
  after(async () => {
    for (const d of drops) await d();
  });

  it('SQLite and PostgreSQL end as an uninterrupted run does', async () => {
    const dir = tempDir();
    const reference = path.join(dir, 'reference.db');
    await ingestToEnd(reference);
    const refStore = await openStore(reference);
    const expected = await snapshot(refStore);
    await refStore.close();
    assert.deepEqual(expected.problems, []);
    assert.equal(expected.articles, 62);

    const pg = await freshPostgres();
    drops.push(pg.drop);
    const targets = [path.join(dir, 'killed.db'), pg.url];
    // Both back ends at once: each run is mostly one process's start-up.
    const runs = await Promise.all(targets.map((db, i) => killAndResume(db, 1000 + i)));
    for (const [i, db] of targets.entries()) {
      assert.ok(runs[i].kills >= KILLS, `${db}: only ${runs[i].kills} kill points landed`);
      const store = await openStore(db);
      const got = await snapshot(store);
      await store.close();
      assert.deepEqual(got, expected, `${db} after ${runs[i].kills} kills`);
    }
  });
});

describe('ingest stops cleanly on SIGINT', () => {
  it('commits the batch in flight, says what was stored, exits 130; a re-run finishes', async () => {
    const db = path.join(tempDir(), 'sigint.db');
    const child = spawn(BIN, ['ingest', DEMO, '--db', db, '--commit-every', BATCH], { env });
    let stderr = '';
    let sent = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!sent && /\d+\/\d+ articles\b/.test(stderr)) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 130, stderr);
    assert.match(stderr, /SIGINT: stopping after the batch in flight/);
    const stored = /(\d+) added/.exec(stderr);
    assert.ok(stored, stderr);
    assert.match(stderr, /stopped early; run the same command again/);
    const store = await openStore(db);
    const { articles } = await store.stats();
    assert.equal(articles, Number(stored[1]), 'what it says it stored is what the store holds');
    assert.ok(articles > 0 && articles < 62, `${articles} articles`);
    assert.deepEqual((await store.check()).problems, []);
    await store.close();
    const again = spawnSync(BIN, ['ingest', DEMO, '--db', db], { encoding: 'utf8', env });
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stderr, new RegExp(`${62 - articles} added, ${articles} already stored`));
  });
});
