import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  containment,
  decodeFingerprint,
  encodeFingerprint,
  fingerprint,
  NearDuplicateIndex,
} from '../src/dedup/index.ts';
import { evalDuplicates, scoreCopies, type CopyItem } from '../src/eval/duplicates.ts';
import { Engine } from '../src/ingest/index.ts';
import { eventView } from '../src/query/index.ts';
import { openStore } from '../src/store/index.ts';
import type { ArticleInput } from '../src/types.ts';
import { BENCHMARKS, ROOT, tempDir } from './helpers.ts';

const WIRE =
  'Protesters stormed the parliament building in Bishkek late on Monday after the election results were announced. ' +
  'Police used tear gas and stun grenades to disperse the crowd of several thousand people. ' +
  'At least 120 people were injured and one man died in hospital, the health ministry said on Tuesday. ' +
  'Opposition leaders called the vote rigged and demanded that it be annulled. ' +
  'The central election commission said it would review complaints about vote buying.';

const OTHER =
  'Kyrgyzstan’s election commission annulled the results of Sunday’s parliamentary vote on Tuesday. ' +
  'The decision followed a night of unrest in the capital in which opposition supporters seized government buildings. ' +
  'The president said he was ready to talk with the opposition and called for calm. ' +
  'Several opposition politicians were freed from detention by their supporters.';

const floors = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'test', 'dedup-floors.json'), 'utf8'),
) as { precision: number; recall: number; fullTextRecall: number; oneLineRecall: number };

describe('near-duplicates (src/dedup/)', () => {
  it('a copy contains its original; an independent report of the event does not', () => {
    const original = fingerprint(WIRE)!;
    const truncated = fingerprint(WIRE.split('. ').slice(0, 3).join('. '))!;
    const padded = fingerprint(`${WIRE}\nShare this article: Facebook Twitter Email`)!;
    const edited = fingerprint(
      WIRE.replace('several thousand', 'thousands of').replace('120', '121'),
    )!;
    for (const copy of [truncated, padded, edited]) assert.ok(containment(original, copy) >= 0.7);
    assert.ok(containment(original, fingerprint(OTHER)!) < 0.3);
    assert.equal(fingerprint('Too short to tell.'), null);
    // A one-line item has a fingerprint too: a headline republished with one word changed.
    const line = 'Earthquake on Java kills at least 268 people and injures over 1,000';
    const index = new NearDuplicateIndex(10);
    index.add('first', fingerprint(line)!);
    assert.equal(index.find(fingerprint(line.replace('268', '275'))!)?.original, 'first');
    const other = 'Earthquake on Java: rescuers search for survivors under the rubble';
    assert.equal(index.find(fingerprint(other)!), null);
  });

  it('fingerprints survive the store: encoded and decoded unchanged', () => {
    const f = fingerprint(WIRE)!;
    assert.deepEqual(decodeFingerprint(encodeFingerprint(f)), f);
    assert.equal(decodeFingerprint('12:bm90IGEgZmluZ2VycHJpbnQ='), null);
  });

  it('links a copy to the first copy, and forgets what left the window', () => {
    const index = new NearDuplicateIndex(2);
    const f = fingerprint(WIRE)!;
    index.add('a', f);
    const second = index.find(fingerprint(`${WIRE} Updated.`)!);
    assert.equal(second?.original, 'a');
    index.add('b', fingerprint(`${WIRE} Updated.`)!, 'a');
    // A third copy matches b best or a: either way its first copy is a.
    assert.equal(index.find(fingerprint(`${WIRE} Updated again.`)!)?.original, 'a');
    index.add('c', fingerprint(OTHER)!);
    index.add('d', fingerprint(`${OTHER} More.`)!);
    assert.equal(index.find(f), null, 'a and b are out of a window of two');
  });

  it('scores links: right to the original or a copy of it, wrong across events', () => {
    const item = (id: string, origin: string | null, event: string): CopyItem => ({
      id,
      lang: 'en',
      title: '',
      text: '',
      event,
      origin,
      kind: origin ? 'edits' : null,
    });
    const items = [
      item('a', null, 'e1'),
      item('a~1', 'a', 'e1'),
      item('a~2', 'a', 'e1'),
      item('b', null, 'e2'),
      item('b~1', 'b', 'e2'),
      item('c', null, 'e3'),
    ];
    const links = new Map<string, string | null>([
      ['a~1', 'a'],
      ['a~2', 'a~1'],
      ['b~1', null],
      ['c', 'a'],
    ]);
    const s = scoreCopies(items, links);
    assert.equal(s.copies, 3);
    assert.equal(s.links, 3);
    assert.equal(s.right, 2);
    assert.equal(s.acrossEvents, 1);
    assert.ok(Math.abs(s.recall - 2 / 3) < 1e-9);
    assert.ok(Math.abs(s.precision - 2 / 3) < 1e-9);
  });

  it('a bad line of a labelled set is an error naming file and line', () => {
    const file = path.join(tempDir(), 'bad.jsonl');
    fs.writeFileSync(file, `${JSON.stringify({ id: 'a', text: WIRE })}\nnot json\n`);
    assert.throws(() => evalDuplicates([file]), /bad\.jsonl:2: malformed JSON/);
  });

  const sets = ['vims-dev', 'mmds-dev', 'ntrex-xling', 'itn-dev', 'ntrex-wide'].map((s) =>
    path.join(BENCHMARKS, `${s}.jsonl`),
  );
  it(
    `development copies: precision ≥ ${floors.precision}, recall ≥ ${floors.recall} (≥ ${floors.fullTextRecall} on every set of full texts, ≥ ${floors.oneLineRecall} on itn-dev's one-line items)`,
    { skip: !sets.every((f) => fs.existsSync(f)) && 'no ../shared/benchmarks' },
    () => {
      const s = evalDuplicates(sets);
      process.stdout.write(
        `# copies P ${s.precision.toFixed(4)} R ${s.recall.toFixed(4)} ${JSON.stringify(s.bySet)}\n`,
      );
      assert.ok(s.precision >= floors.precision, `precision ${s.precision}`);
      assert.ok(s.recall >= floors.recall, `recall ${s.recall}`);
      for (const [set, r] of Object.entries(s.bySet)) {
        const floor = set === 'itn-dev' ? floors.oneLineRecall : floors.fullTextRecall;
        assert.ok(r.recall >= floor, `${set}: recall ${r.recall}`);
      }
    },
  );
});

function report(id: string, text: string, published = '2020-10-06'): ArticleInput {
  return {
    id,
    idDerived: false,
    title: 'Protesters storm parliament in Bishkek',
    text,
    lang: 'en',
    published,
    url: null,
    source: null,
    origin: { file: 'test', line: 1 },
  };
}

const OPTIONS = { commitEvery: 2, commitMs: Number.POSITIVE_INFINITY, keepAssignments: true };

describe('the writer files copies with their first copy', () => {
  it('same event, linked, counted once in figures; still found after the store is reopened', async () => {
    const file = path.join(tempDir(), 'copies.db');
    let store = await openStore(file);
    try {
      let engine = await Engine.open(store);
      const r = await engine.ingest(
        [
          report('wire', WIRE),
          report('other', OTHER),
          report(
            'site',
            // A site's own line, in no boilerplate list: the copy is told by its fingerprint.
            `${WIRE}\nOur correspondent in Bishkek contributed to this report.`,
          ),
        ],
        OPTIONS,
      );
      await engine.close();
      const event = r.assignments.get('wire')!;
      assert.equal(r.assignments.get('site'), event);
      const stored = await store.eventArticles(event);
      assert.equal(stored.find((a) => a.id === 'site')?.duplicateOf, 'wire');
      assert.equal(stored.find((a) => a.id === 'wire')?.duplicateOf, null);
      const view = await eventView(store, event);
      assert.equal(view.copyCount, 1);
      const injured = view.figures.find((f) => f.kind === 'injured');
      assert.ok(injured, 'the injured figure is there');
      assert.deepEqual(
        injured.reports.map((x) => x.articleId),
        ['wire'],
        'a copy does not state the figure a second time',
      );
      await store.close();

      store = await openStore(file);
      engine = await Engine.open(store);
      const later = await engine.ingest(
        [report('late', WIRE.replace('several thousand', 'thousands of'), '2020-10-07')],
        OPTIONS,
      );
      await engine.close();
      assert.equal(later.assignments.get('late'), event);
      const late = (await store.eventArticles(event)).find((a) => a.id === 'late');
      assert.equal(late?.duplicateOf, 'wire');

      const off = await Engine.open(store, { copies: false });
      await off.ingest([report('again', `${WIRE} (Updated.)`, '2020-10-07')], OPTIONS);
      await off.close();
      const again = (await store.eventArticles(event)).find((a) => a.id === 'again');
      assert.equal(again?.duplicateOf ?? null, null, 'with copies off, nothing is a copy');
    } finally {
      await store.close();
    }
  });
});
