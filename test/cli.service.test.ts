import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT, tempDir } from './helpers.ts';

/** The service from the command line: sources, poll, search, watches, tokens, serve. */

const BIN = path.join(ROOT, 'bin', 'babelwire');
const NO_PACKS = tempDir();
const env = { ...process.env, BABELWIRE_PACKS: NO_PACKS };

function run(...args: string[]) {
  const r = spawnSync(BIN, args, { encoding: 'utf8', cwd: ROOT, env, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** As `run`, without blocking this process: the feed server the test runs must answer. */
function runAsync(
  ...args: string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(BIN, args, { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><language>en</language>
<item><guid>a1</guid><title>Protesters storm parliament in Bishkek</title><link>http://127.0.0.1/a1</link>
<pubDate>Tue, 06 Oct 2020 08:00:00 +0600</pubDate>
<description>Thousands of protesters stormed the parliament building in Bishkek, Kyrgyzstan, after a disputed election; President Sooronbay Jeenbekov said the vote could be annulled.</description>
<content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/">&lt;p&gt;Thousands of protesters stormed the parliament building in Bishkek, Kyrgyzstan, on Tuesday after a disputed parliamentary election. President Sooronbay Jeenbekov said the vote could be annulled.&lt;/p&gt;</content:encoded></item>
<item><guid>a2</guid><title>Police fire tear gas at fuel protest in Nairobi</title>
<pubDate>Tue, 09 Mar 2021 10:00:00 +0300</pubDate>
<content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/">Police in Nairobi, Kenya, fired tear gas at thousands of people protesting against a rise in fuel prices.</content:encoded></item>
</channel></rss>`;

describe('sources and poll', () => {
  const db = path.join(tempDir(), 's.db');
  let server: http.Server;
  let base = '';
  let hits = 0;
  before(async () => {
    server = http.createServer((req, res) => {
      hits++;
      if (req.url === '/rss') {
        if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304).end();
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(RSS);
      } else res.writeHead(500).end('down');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  it('adds, lists and removes sources; a bad URL or duration is refused', () => {
    assert.equal(
      run('sources', 'add', `${base}/rss`, '--name', 'Wire', '--every', '5m', '--db', db).code,
      0,
    );
    assert.equal(run('sources', 'add', `${base}/broken`, '--db', db).code, 0);
    assert.equal(run('sources', 'add', `${base}/rss`, '--db', db).code, 1, 'twice');
    assert.equal(run('sources', 'add', 'ftp://x/feed', '--db', db).code, 1);
    assert.equal(run('sources', 'add', `${base}/x`, '--every', 'often', '--db', db).code, 1);
    const list = JSON.parse(run('sources', 'list', '--json', '--db', db).stdout) as {
      id: string;
      everySeconds: number;
    }[];
    assert.deepEqual(
      list.map((s) => s.everySeconds),
      [300, 600],
    );
    assert.equal(run('sources', 'remove', 'src-99', '--db', db).code, 1);
  });

  it('poll reads the sources once, stores new items, reports the failing one (exit 2)', async () => {
    const first = await runAsync('poll', '--db', db);
    assert.equal(first.code, 2, first.stderr);
    assert.match(first.stderr, /src-1 Wire: 2 new/);
    assert.match(first.stderr, /src-2 .*failed: .*500/);
    const list = JSON.parse(run('sources', 'list', '--json', '--db', db).stdout) as {
      itemsSeen: number;
      itemsStored: number;
      etag: string | null;
      errors: number;
      lastError: string | null;
    }[];
    assert.equal(list[0].itemsStored, 2);
    assert.equal(list[0].etag, '"v1"');
    assert.equal(list[1].errors, 1);
    assert.match(list[1].lastError ?? '', /500/);
    const events = JSON.parse(run('events', '--json', '--db', db).stdout) as { title: string }[];
    assert.equal(events.length, 2);
    // Nothing due now (every 5 minutes; the failing one backs off): no request is made.
    const before = hits;
    const second = await runAsync('poll', '--db', db);
    assert.match(second.stderr, /no source is due/);
    assert.equal(hits, before);
    // --all reads them anyway: 304 for the feed.
    const third = await runAsync('poll', '--all', '--db', db);
    assert.match(third.stderr, /src-1 Wire: not modified/);
    assert.equal(run('sources', 'remove', 'src-2', '--db', db).code, 0);
  });

  it('search finds the polled reports by a name in another script', () => {
    const r = run('search', 'Жээнбеков', '--json', '--db', db);
    assert.equal(r.code, 0, r.stderr);
    const results = (JSON.parse(r.stdout) as { results: { title: string }[] }).results;
    assert.match(results[0]?.title ?? '', /Bishkek/);
    assert.equal(run('search', '--lang', 'xx', 'x', '--db', db).code, 1);
  });

  it('watches and tokens from the CLI', () => {
    assert.equal(run('watches', 'add', '--db', db).code, 1, 'a watch needs a criterion');
    assert.equal(
      run('watches', 'add', '--query', 'Bishkek', '--type', 'picnic', '--db', db).code,
      1,
    );
    assert.equal(run('watches', 'add', '--query', 'Bishkek protest', '--db', db).code, 0);
    const watches = JSON.parse(run('watches', 'list', '--json', '--db', db).stdout) as {
      id: string;
    }[];
    assert.equal(watches.length, 1);
    const created = run('tokens', 'create', '--role', 'write', '--name', 'ci', '--db', db);
    assert.equal(created.code, 0);
    assert.match(created.stdout, /^bw_\S{20,}\n$/);
    const tokens = run('tokens', 'list', '--json', '--db', db).stdout;
    assert.doesNotMatch(
      tokens,
      new RegExp(created.stdout.trim()),
      'the secret is never shown again',
    );
    assert.doesNotMatch(tokens, /hash/);
    assert.equal(run('tokens', 'create', '--role', 'root', '--db', db).code, 1);
  });

  it('serve refuses a public address while no token exists, serves and stops on SIGTERM', async () => {
    const fresh = path.join(tempDir(), 'p.db');
    const refused = run('serve', '--host', '0.0.0.0', '--port', '0', '--db', fresh);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /tokens/);
    const child = spawn(BIN, ['serve', '--port', '0', '--no-poll', '--db', db], { cwd: ROOT, env });
    let stderr = '';
    const address = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address: ${stderr}`)), 60_000);
      child.stderr.on('data', (d) => {
        stderr += String(d);
        const m = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(stderr);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
    });
    const health = (await (await fetch(`${address}/healthz`)).json()) as { status: string };
    assert.equal(health.status, 'ok');
    // A write token exists now (created above): an anonymous POST is refused.
    const post = await fetch(`${address}/api/v1/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'x', text: 'y' }),
    });
    assert.equal(post.status, 401);
    // The server is the writer: a second writer is refused meanwhile.
    const busy = run('merge', 'ev-000001', 'ev-000002', '--db', db);
    assert.equal(busy.code, 1);
    assert.match(busy.stderr, /another process/);
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', (c) => resolve(c));
      child.kill('SIGTERM');
    });
    assert.equal(code, 0, stderr);
  });
});
