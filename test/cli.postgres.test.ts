import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { ROOT, tempDir } from './helpers.ts';
import { freshPostgres } from './pg.ts';

const BIN = path.join(ROOT, 'bin', 'babelwire');
const NO_PACKS = tempDir();

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(BIN, args, {
    encoding: 'utf8',
    cwd: ROOT,
    env: { ...process.env, BABELWIRE_PACKS: NO_PACKS, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('babelwire CLI on PostgreSQL (--db postgres://… and BABELWIRE_DB)', () => {
  const drops: (() => Promise<void>)[] = [];
  after(async () => {
    for (const d of drops) await d();
  });

  it('demo, events, stats and check run on a PostgreSQL store as on SQLite', async () => {
    const pg = await freshPostgres();
    drops.push(pg.drop);
    const sqlite = path.join(tempDir(), 'same.db');
    const onPg = run(['demo', '--db', pg.url, '--quiet']);
    assert.equal(onPg.code, 0, onPg.stderr);
    const onSqlite = run(['demo', '--quiet'], { BABELWIRE_DB: sqlite });
    assert.equal(onSqlite.code, 0, onSqlite.stderr);
    // The same input in the same order: the same events, ids included.
    assert.equal(onPg.stdout, onSqlite.stdout);
    const events = run(['events', '--json'], { BABELWIRE_DB: pg.url });
    assert.equal(events.code, 0, events.stderr);
    assert.equal((JSON.parse(events.stdout) as unknown[]).length > 5, true);
    const stats = run(['stats', '--json', '--db', pg.url]);
    assert.equal((JSON.parse(stats.stdout) as { articles: number }).articles, 62);
    const check = run(['check', '--db', pg.url]);
    assert.equal(check.code, 0, check.stderr + check.stdout);
    const backup = run(['backup', path.join(tempDir(), 'b.db'), '--db', pg.url]);
    assert.equal(backup.code, 1);
    assert.match(backup.stderr, /pg_dump/);
  });

  it('an unreachable server is one line naming host and port, exit 1', () => {
    const r = run(['stats', '--db', 'postgres://postgres:secret@127.0.0.1:1/none']);
    assert.equal(r.code, 1);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /cannot reach PostgreSQL at 127\.0\.0\.1:1/);
    assert.doesNotMatch(r.stderr, /secret| {4}at /);
  });
});
