import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { evalStories, readStoryLabels } from '../src/eval/stories.ts';
import { installDevPacks } from '../src/lexicon/dev-packs.ts';
import { resetPacks } from '../src/lexicon/pack.ts';
import type { StoredEvent } from '../src/store/index.ts';
import { buildStories } from '../src/stories/index.ts';
import { BENCHMARKS, ROOT, SHARED, useDevPacks } from './helpers.ts';

const floors = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'test', 'story-floors.json'), 'utf8'),
) as Record<string, { f1: number; maxLargestShare: number } | string>;
const labels = readStoryLabels(path.join(ROOT, 'examples', 'stories', 'stories.jsonl'));

describe('storyline quality gate: hand-labelled stories of the development sets', () => {
  useDevPacks({ before, after }, (dir) => installDevPacks(SHARED, dir), resetPacks);
  for (const [file, floor] of Object.entries(floors)) {
    if (typeof floor === 'string') continue;
    it(`${file}: story BCubed F1 ≥ ${floor.f1}, no story over ${floor.maxLargestShare * 100}% of the events`, async () => {
      const s = await evalStories(path.join(BENCHMARKS, file), labels);
      process.stdout.write(
        `# ${file} stories F1 ${s.f1.toFixed(3)} (P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)}), largest ${(s.largestShare * 100).toFixed(1)}%\n`,
      );
      assert.ok(s.events >= 30);
      assert.ok(s.f1 >= floor.f1, `F1 ${s.f1.toFixed(3)}`);
      assert.ok(s.largestShare <= floor.maxLargestShare, `largest ${s.largestShare}`);
    });
  }
});

describe('buildStories', () => {
  const event = (id: string, keys: string[], firstDate = '2020-01-01'): StoredEvent => ({
    id,
    title: id,
    titleLang: 'en',
    languages: ['en'],
    names: [],
    countries: [],
    firstDate,
    lastDate: firstDate,
    articleCount: 1,
    firstSeen: '2020-01-01T00:00:00Z',
    updatedAt: '2020-01-01T00:00:00Z',
    provenance: [],
    storyKeys: keys,
  });

  it('does not chain two stories through one event that shares names with both', () => {
    const a = ['p:alpha', 'p:beta', 'p:gamma', 's:LF'];
    const b = ['p:delta', 'p:epsilon', 'p:zeta', 's:DLT'];
    const events = [
      ...[1, 2, 3, 4, 5].map((n) => event(`ev-00000${n}`, a)),
      ...[6, 7, 8, 9].map((n) => event(`ev-00000${n}`, b)),
      event('ev-000010', b),
      // Shares three names with each story, and nothing else: one link to each is strong.
      event('ev-000011', ['p:alpha', 'p:beta', 'p:gamma', 'p:delta', 'p:epsilon', 'p:zeta']),
      ...Array.from({ length: 20 }, (_, i) => event(`ev-1${i}`, [`p:other${i}`, `p:more${i}`])),
    ];
    const stories = buildStories(events.map((e) => ({ event: e, anchors: [] })));
    const of = (id: string) => stories.find((s) => s.eventIds.includes(id))?.id;
    assert.equal(of('ev-000001'), of('ev-000005'));
    assert.equal(of('ev-000006'), of('ev-000010'));
    assert.ok(of('ev-000001'), 'a story');
    assert.notEqual(of('ev-000001'), of('ev-000006'), 'not chained into one');
  });

  it('leaves out keys most events share (a common name part)', () => {
    const events = Array.from({ length: 30 }, (_, i) =>
      event(`ev-${String(i).padStart(6, '0')}`, ['p:nguyen', 'p:van', `p:own${i}`]),
    );
    assert.equal(buildStories(events.map((e) => ({ event: e, anchors: [] }))).length, 0);
  });
});
