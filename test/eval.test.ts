import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { installDevPacks } from '../src/lexicon/dev-packs.ts';
import { resetPacks } from '../src/lexicon/pack.ts';
import { clusterArticles, evaluate, readGold, streamOrder } from '../src/eval/run.ts';
import { score } from '../src/eval/score.ts';
import { readFile } from '../src/ingest/readers.ts';
import { BENCHMARKS, ROOT, SHARED, tempDir, useDevPacks } from './helpers.ts';

const floors = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'test', 'eval-floors.json'), 'utf8'),
) as Record<string, Floor | string>;

interface Floor {
  bcubedF1: number;
  crossRecall?: number;
  crossPrecision?: number;
}

describe('quality gate: development-set floors (../shared/benchmarks)', () => {
  useDevPacks({ before, after }, (dir) => installDevPacks(SHARED, dir), resetPacks);

  for (const [file, floor] of Object.entries(floors)) {
    if (typeof floor === 'string') continue;
    it(`${file}: BCubed F1 ≥ ${floor.bcubedF1}`, async () => {
      const r = await evaluate(path.join(BENCHMARKS, file));
      const f1 = r.fileOrder.bcubed.f1;
      const x = r.fileOrder.crossLingual;
      process.stdout.write(
        `# ${file} BCubed F1 ${f1.toFixed(4)}; cross-lingual R ${x.recall.toFixed(3)} P ${x.precision.toFixed(3)}\n`,
      );
      assert.ok(
        f1 >= floor.bcubedF1,
        `${file}: BCubed F1 ${f1.toFixed(4)} < floor ${floor.bcubedF1}`,
      );
      if (floor.crossRecall !== undefined) {
        assert.ok(
          x.recall >= floor.crossRecall,
          `${file}: cross-lingual recall ${x.recall.toFixed(3)}`,
        );
      }
      if (floor.crossPrecision !== undefined) {
        assert.ok(
          x.precision >= floor.crossPrecision,
          `${file}: cross-lingual precision ${x.precision.toFixed(3)}`,
        );
      }
    });
  }
});

describe('scorer', () => {
  it('agrees with the reference scorer score.mjs', async () => {
    const gold = path.join(BENCHMARKS, 'mmds-dev.jsonl');
    const run = await clusterArticles(streamOrder(readFile(gold).articles));
    const dir = tempDir();
    const predFile = path.join(dir, 'pred.jsonl');
    fs.writeFileSync(
      predFile,
      [...run.predictions].map(([id, event]) => JSON.stringify({ id, event })).join('\n'),
    );
    const ref = JSON.parse(
      spawnSync('node', [path.join(BENCHMARKS, 'score.mjs'), gold, predFile, '--json'], {
        encoding: 'utf8',
      }).stdout,
    ) as {
      bcubed: { f1: number };
      pairwise: { f1: number };
      xling: { r: number; recall?: number };
    };
    const ours = score(readGold(gold), run.predictions);
    assert.ok(Math.abs(ours.bcubed.f1 - ref.bcubed.f1) < 1e-9);
    assert.ok(Math.abs(ours.pairwise.f1 - ref.pairwise.f1) < 1e-9);
  });

  it('scores perfect and all-singleton predictions as expected', () => {
    const gold = [
      { id: 'a', lang: 'en', event: 'x' },
      { id: 'b', lang: 'vi', event: 'x' },
      { id: 'c', lang: 'en', event: null },
    ];
    const perfect = score(
      gold,
      new Map([
        ['a', '1'],
        ['b', '1'],
        ['c', '2'],
      ]),
    );
    assert.equal(perfect.bcubed.f1, 1);
    assert.equal(perfect.crossLingual.recall, 1);
    assert.equal(perfect.byLanguagePair['en-vi'].tp, 1);
    const singletons = score(gold, new Map());
    assert.equal(singletons.bcubed.precision, 1);
    assert.equal(singletons.pairwise.recall, 0);
  });
});
