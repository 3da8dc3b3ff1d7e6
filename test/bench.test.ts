import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { ROOT, tempDir } from './helpers.ts';

// The scale benchmark is never timed here; this runs it on a tiny stream so that it cannot
// silently break (a renamed stage, a field left out of its results).
test('npm run bench runs end to end on a tiny stream and writes its results', async () => {
  const dir = tempDir();
  const out = path.join(dir, 'bench.json');
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'bench/run.ts', '--sizes', '150', '--no-dev-sets', '--out', out],
      { cwd: ROOT, encoding: 'utf8', timeout: 300_000, maxBuffer: 16 * 1024 * 1024 },
    );
    assert.match(stdout, /150 articles into sqlite/);
    assert.match(stdout, /end to end \/ floor/);
    const results = JSON.parse(fs.readFileSync(out, 'utf8')) as {
      sizes: {
        articles: number;
        added: number;
        events: number;
        articlesPerSecond: number;
        floorRatio: number;
        peakRssMB: number;
        reopenAdded: number;
        stagesMicros: Record<string, number>;
        writerMicros: Record<string, number>;
        decisionLatency: { storedFrom: number; p50Ms: number; p99Ms: number }[];
      }[];
    };
    const [r] = results.sizes;
    assert.equal(r.articles, 150);
    assert.ok(r.added > 100, `only ${r.added} of 150 generated articles stored`);
    assert.ok(r.events > 0 && r.events <= r.added);
    assert.ok(r.articlesPerSecond > 0 && r.floorRatio > 0 && r.peakRssMB > 0);
    assert.equal(r.reopenAdded, 1, 'the reopened store takes one more article');
    assert.ok(Object.keys(r.stagesMicros).some((k) => k.startsWith('anchors')));
    for (const k of ['candidates', 'decision', 'summarise', 'commit'])
      assert.ok(r.writerMicros[k] >= 0, `writer time ${k}`);
    assert.ok(r.decisionLatency.length > 0);
    for (const b of r.decisionLatency) assert.ok(b.p99Ms >= b.p50Ms);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
