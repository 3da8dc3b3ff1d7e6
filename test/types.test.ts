import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { evalTypes, readTypeLabels, scoreTypes, typeSetFile } from '../src/eval/types.ts';
import { installDevPacks } from '../src/lexicon/dev-packs.ts';
import { resetPacks } from '../src/lexicon/pack.ts';
import { BENCHMARKS, ROOT, SHARED, useDevPacks } from './helpers.ts';

const LABELS = path.join(ROOT, 'examples', 'types', 'types.jsonl');

describe('scoreTypes', () => {
  it('per-type precision, recall and F1, macro-F1 over the gold types, accuracy, confusion', () => {
    const s = scoreTypes([
      { gold: 'protest', predicted: 'protest' },
      { gold: 'protest', predicted: 'other' },
      { gold: 'other', predicted: 'other' },
      { gold: 'disaster', predicted: 'protest' },
    ]);
    assert.equal(s.events, 4);
    assert.equal(s.accuracy, 0.5);
    assert.deepEqual(s.types, ['protest', 'disaster', 'other']);
    assert.deepEqual(s.perType.protest, {
      precision: 0.5,
      recall: 0.5,
      f1: 0.5,
      gold: 2,
      predicted: 2,
      correct: 1,
    });
    assert.equal(s.perType.other!.precision, 0.5);
    assert.equal(s.perType.other!.recall, 1);
    assert.ok(Math.abs(s.perType.other!.f1 - 2 / 3) < 1e-12);
    assert.deepEqual(
      [s.perType.disaster!.precision, s.perType.disaster!.recall, s.perType.disaster!.f1],
      [0, 0, 0],
    );
    assert.ok(Math.abs(s.macroF1 - (0.5 + 0 + 2 / 3) / 3) < 1e-12);
    assert.deepEqual(s.confusion, {
      protest: { protest: 1, other: 1 },
      other: { other: 1 },
      disaster: { protest: 1 },
    });
  });

  it('a type only predicted has precision 0 and stays out of macro-F1', () => {
    const s = scoreTypes([
      { gold: 'other', predicted: 'riot' },
      { gold: 'other', predicted: 'other' },
    ]);
    assert.deepEqual(s.types, ['other']);
    assert.equal(s.perType.riot!.precision, 0);
    assert.ok(Math.abs(s.macroF1 - 2 / 3) < 1e-12);
  });
});

describe('event types quality gate: hand-labelled types of the development sets', () => {
  const labels = readTypeLabels(LABELS);
  const floors = JSON.parse(
    fs.readFileSync(path.join(ROOT, 'test', 'type-floors.json'), 'utf8'),
  ) as Record<'dev' | 'heldout', { macroF1: number; accuracy: number }>;
  const missing = [...new Set(labels.map((l) => l.set))].filter(
    (s) => !fs.existsSync(typeSetFile(s, BENCHMARKS)),
  );
  useDevPacks({ before, after }, (dir) => installDevPacks(SHARED, dir), resetPacks);

  it('the labelled set: ≥ 240 events, ≥ 6 languages, about half held out', () => {
    assert.ok(labels.length >= 240);
    assert.ok(new Set(labels.flatMap((l) => l.lang)).size >= 6);
    const held = labels.filter((l) => l.split === 'heldout').length;
    assert.ok(Math.abs(held - labels.length / 2) < labels.length / 10);
  });

  it(
    `macro-F1 and accuracy per split at or above test/type-floors.json`,
    { skip: missing.length ? `no ${missing.join(', ')} in ${BENCHMARKS}` : false },
    async () => {
      const r = await evalTypes(LABELS, BENCHMARKS);
      assert.deepEqual(r.missing, []);
      for (const split of ['dev', 'heldout'] as const) {
        const s = r[split];
        process.stdout.write(
          `# types ${split}: ${s.events} events, macro-F1 ${s.macroF1.toFixed(3)}, accuracy ${s.accuracy.toFixed(3)}\n`,
        );
        assert.ok(s.events >= 150, `${split}: ${s.events} events`);
        assert.ok(s.macroF1 >= floors[split].macroF1, `${split} macro-F1 ${s.macroF1.toFixed(3)}`);
        assert.ok(
          s.accuracy >= floors[split].accuracy,
          `${split} accuracy ${s.accuracy.toFixed(3)}`,
        );
      }
    },
  );
});
