import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT, tempDir } from './helpers.ts';

/** What a new user tripped over on the command line (issue 16), one test per paper cut. */

const BIN = path.join(ROOT, 'bin', 'babelwire');
const DEMO = path.join(ROOT, 'examples', 'demo', 'corpus.jsonl');
const NO_PACKS = tempDir();

function run(...args: string[]) {
  const r = spawnSync(BIN, args, {
    encoding: 'utf8',
    cwd: ROOT,
    env: { ...process.env, BABELWIRE_PACKS: NO_PACKS },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('commands that touch no store say so, and refuse --db', () => {
  const db = path.join(tempDir(), 's.db');

  it('packs list --json --db s.db: a clear message, exit 1, not "unknown option"', () => {
    for (const args of [
      ['packs', 'list', '--json', '--db', db],
      ['packs', '--db', db, 'list'],
      ['packs', 'install', 'vi', '--db', db],
      ['eval', DEMO, '--db', db],
      ['eval-facts', '--db', db],
    ]) {
      const r = run(...args);
      assert.equal(r.code, 1, args.join(' '));
      assert.match(r.stderr, new RegExp(`${args[0]} touches no store; --db is not used`));
      assert.doesNotMatch(r.stderr, /unknown option/);
      assert.equal(r.stdout, '');
    }
    assert.equal(run('packs', 'list', '--json').code, 0);
  });

  it('their --help says they take no --db', () => {
    for (const args of [
      ['packs'],
      ['packs', 'list'],
      ['packs', 'import'],
      ['eval'],
      ['eval-facts'],
    ]) {
      const r = run(...args, '--help');
      assert.equal(r.code, 0);
      assert.match(r.stdout, new RegExp(`${args[0]} touches no store: it takes no --db`));
      assert.doesNotMatch(r.stdout, /--db <store>/);
    }
  });
});
