import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { BabelwireError } from '../src/errors.ts';
import { Engine } from '../src/ingest/index.ts';
import { readOrdered } from '../src/ingest/readers.ts';
import {
  eventView,
  exportTables,
  listEventsView,
  statsView,
  storiesView,
  storyView,
  timelineView,
  toCsv,
} from '../src/query/index.ts';
import { backupStore, openStore, restoreStore, type Store } from '../src/store/index.ts';
import type { StoreReader } from '../src/store/index.ts';
import { ROOT, tempDir } from './helpers.ts';

const DEMO = path.join(ROOT, 'examples', 'demo', 'corpus.jsonl');
const DEMO_ARTICLES = 62;

/** The demo corpus ingested into a fresh SQLite file, as `babelwire demo` does. */
async function demoStore(file: string): Promise<void> {
  const store = await openStore(file);
  try {
    const engine = await Engine.open(store);
    await engine.ingest(readOrdered(DEMO), { commitEvery: 200, commitMs: 1e9 });
  } finally {
    await store.close();
  }
}

/** A reader that counts eventArticles calls and can hide events' story keys (a pre-schema-3 store). */
function countingReader(store: StoreReader, withoutKeys: ReadonlySet<string> = new Set()) {
  const calls: string[] = [];
  const reader = new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'eventArticles') {
        return (id: string) => {
          calls.push(id);
          return target.eventArticles(id);
        };
      }
      if (prop === 'listEvents') {
        return async (...args: Parameters<StoreReader['listEvents']>) =>
          (await target.listEvents(...args)).map((e) =>
            withoutKeys.has(e.id) ? { ...e, storyKeys: null } : e,
          );
      }
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { reader, calls };
}

async function rejectsNotFound(promise: Promise<unknown>, what: string): Promise<void> {
  await assert.rejects(promise, (e: unknown) => {
    assert.ok(e instanceof BabelwireError);
    assert.equal(e.code, 'E_NOT_FOUND');
    assert.match(e.message, new RegExp(`^no such ${what}: `));
    return true;
  });
}

describe('query views over the demo store (real SQLite file)', () => {
  const dir = tempDir();
  const file = path.join(dir, 'demo.db');
  let store: Store;

  before(async () => {
    await demoStore(file);
    store = await openStore(file, { mustExist: true });
  });
  after(async () => {
    await store?.close();
  });

  it('listEventsView: every event with its article ids, every article in one event', async () => {
    const events = await listEventsView(store);
    const stats = await statsView(store);
    assert.equal(events.length, stats.events);
    const ids = events.flatMap((e) => e.articles);
    assert.equal(ids.length, DEMO_ARTICLES);
    assert.equal(new Set(ids).size, DEMO_ARTICLES);
    for (const e of events) {
      assert.equal(e.articles.length, e.articleCount, e.id);
      assert.ok(!('storyKeys' in e), 'story keys are internal');
    }
    assert.equal((await listEventsView(store, { limit: 3 })).length, 3);
    for (const e of await listEventsView(store, { lang: 'ar' }))
      assert.ok(e.languages.includes('ar'));
  });

  it('eventView follows schema/event.schema.json and lists every report without terms', async () => {
    const schema = JSON.parse(
      fs.readFileSync(path.join(ROOT, 'schema', 'event.schema.json'), 'utf8'),
    ) as object;
    const validate = new Ajv2020({ strict: false }).compile(schema);
    for (const item of await listEventsView(store, { limit: 5 })) {
      const view = await eventView(store, item.id, { lang: 'vi' });
      assert.ok(validate(view), JSON.stringify(validate.errors));
      assert.deepEqual([...view.articles].sort(), [...item.articles].sort());
      assert.deepEqual(
        view.reports.map((r) => r.id),
        view.articles,
      );
      for (const r of view.reports) assert.ok(!('terms' in r));
      // JSON-able: what the CLI prints is what the view returned.
      assert.deepEqual(JSON.parse(JSON.stringify(view)), view);
    }
  });

  it('eventView of a missing id throws E_NOT_FOUND', async () => {
    await rejectsNotFound(eventView(store, 'ev-999999'), 'event');
  });

  it('storiesView reads no article of an event that keeps its story keys', async () => {
    const events = await store.listEvents();
    assert.ok(
      events.every((e) => e.storyKeys !== null),
      'the writer stores story keys',
    );
    const { reader, calls } = countingReader(store);
    const stories = await storiesView(reader);
    assert.equal(calls.length, 0, `read articles of ${calls.join(', ')}`);
    assert.ok(stories.length >= 2, 'the demo corpus has two stories');
  });

  it('storiesView reads the articles of exactly the events stored without story keys', async () => {
    const stories = await storiesView(store);
    const old = new Set(stories[0].eventIds.slice(0, 2));
    const { reader, calls } = countingReader(store, old);
    const rebuilt = await storiesView(reader);
    assert.deepEqual(new Set(calls), old);
    assert.equal(calls.length, old.size);
    // The keys the writer stored are the keys the anchors give.
    assert.deepEqual(rebuilt, stories);
  });

  it('storyView and timelineView: a story, its events in date order with type and figures', async () => {
    const [first] = await storiesView(store);
    assert.deepEqual(await storyView(store, first.id), first);
    const timeline = await timelineView(store, first.id);
    assert.deepEqual(
      timeline.events.map((e) => e.id),
      first.eventIds,
    );
    const dates = timeline.events.map((e) => e.firstDate ?? '9999');
    assert.deepEqual(dates, [...dates].sort());
    for (const e of timeline.events) {
      assert.ok(e.type.type, e.id);
      assert.ok(Array.isArray(e.figures), e.id);
    }
  });

  it('storyView and timelineView of a missing story throw E_NOT_FOUND', async () => {
    await rejectsNotFound(storyView(store, 'st-999999'), 'story');
    await rejectsNotFound(timelineView(store, 'st-999999'), 'story');
  });

  it('statsView counts articles, events and languages, in that key order', async () => {
    const stats = await statsView(store);
    assert.deepEqual(Object.keys(stats).slice(0, 3), ['articles', 'events', 'languages']);
    assert.equal(stats.articles, DEMO_ARTICLES);
    assert.equal(
      Object.values(stats.languages).reduce((a, b) => a + b, 0),
      DEMO_ARTICLES,
    );
    assert.equal(stats.rejected, 0);
  });

  it('exportTables: one row per event and per article, figures and entities per event', async () => {
    const tables = await exportTables(store);
    const stats = await statsView(store);
    assert.equal(tables.events.length, stats.events);
    assert.equal(tables.articles.length, DEMO_ARTICLES);
    assert.ok(tables.facts.some((f) => f.kind === 'killed'));
    assert.ok(tables.entities.some((e) => e.kind === 'city' && e.name === 'Almaty'));
    const csv = toCsv(tables.articles).split('\n');
    assert.ok(csv[0].startsWith('article_id,event_id,lang'));
  });

  it('toCsv quotes commas, quotes and line breaks (RFC 4180)', () => {
    assert.equal(
      toCsv([{ a: 'x,y', b: 'say "hi"', c: 'one\ntwo', d: null, e: 3 }]),
      'a,b,c,d,e\n"x,y","say ""hi""","one\ntwo",,3\n',
    );
    assert.equal(toCsv([]), '');
  });

  it('check, backup and restore: the restored copy checks clean and holds the same', async () => {
    const report = await store.check();
    assert.deepEqual(report.problems, []);
    assert.equal(report.articles, DEMO_ARTICLES);
    const backup = path.join(dir, 'backup.db');
    await backupStore(store, backup);
    const restored = path.join(dir, 'restored.db');
    await restoreStore(backup, restored);
    const copy = await openStore(restored, { mustExist: true });
    try {
      assert.deepEqual((await copy.check()).problems, []);
      assert.deepEqual(await statsView(copy), await statsView(store));
      assert.deepEqual(await listEventsView(copy), await listEventsView(store));
      assert.deepEqual(await storiesView(copy), await storiesView(store));
    } finally {
      await copy.close();
    }
  });
});
