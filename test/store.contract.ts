import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Store, StoredEvent } from '../src/store/types.ts';
import type { StoredArticle } from '../src/types.ts';

/**
 * The contract every Store implementation passes, in the style of Hono's shared router cases:
 * one list of cases, run once per back end (test/store.sqlite.test.ts, test/store.postgres.test.ts).
 * `open` gives a fresh, empty store each time.
 */
export function storeContract(open: () => Promise<Store>): void {
  const article = (id: string, eventId: string, hash = id): StoredArticle => ({
    id,
    title: `Title ${id}`,
    text: `Text ${id}`,
    rawTitle: `Title ${id}`,
    rawText: `Text ${id}`,
    lang: 'en',
    published: '2020-10-05',
    url: null,
    source: null,
    contentHash: hash,
    terms: ['protest', 'bishkek'],
    anchors: { numbers: ['590'], dates: [], names: ['jeenbekov'], countries: ['KG'] },
    captions: [],
    eventId,
    eventDate: '2020-10-05',
    seq: 0,
    ingestedAt: '2020-10-05T00:00:00Z',
  });
  const event = (id: string, count: number): StoredEvent => ({
    id,
    title: 'Protests',
    titleLang: 'en',
    languages: ['en'],
    names: ['Jeenbekov'],
    countries: ['Kyrgyzstan'],
    firstDate: '2020-10-05',
    lastDate: '2020-10-06',
    articleCount: count,
    firstSeen: '2020-10-05T00:00:00Z',
    updatedAt: '2020-10-05T00:00:00Z',
    provenance: ['test@1'],
    storyKeys: ['p:jeenbekov', 'c:KG'],
  });
  const collect = async <T>(it: AsyncIterable<T>) => {
    const out: T[] = [];
    for await (const x of it) out.push(x);
    return out;
  };

  it('stores and reads back articles and events', async () => {
    const store = await open();
    try {
      await store.transaction(async (tx) => {
        await tx.insertArticle(article('a1', 'ev-1'));
        await tx.insertArticle(article('a2', 'ev-1'));
        await tx.upsertEvent(event('ev-1', 2));
      });
      assert.ok(await store.hasArticle('a1'));
      assert.ok(!(await store.hasArticle('zz')));
      assert.deepEqual(await store.storedIds(['a1', 'zz', 'a2']), new Set(['a1', 'a2']));
      assert.equal(await store.articleEventId('a2'), 'ev-1');
      assert.equal(await store.articleByContentHash('a1'), 'a1');
      assert.deepEqual(await store.eventArticleIds('ev-1'), ['a1', 'a2']);
      const stored = await store.getEvent('ev-1');
      assert.equal(stored?.articleCount, 2);
      assert.deepEqual(stored?.storyKeys, ['p:jeenbekov', 'c:KG']);
      assert.deepEqual(
        (await collect(store.clusterRows())).map((r) => r.id),
        ['a1', 'a2'],
      );
      assert.equal((await store.eventArticles('ev-1'))[0].anchors.names[0], 'jeenbekov');
      assert.deepEqual(await store.stats(), {
        articles: 2,
        events: 1,
        languages: { en: 2 },
        rejected: 0,
      });
    } finally {
      await store.close();
    }
  });

  it('reads cluster rows after or up to a sequence number, or of some events, in arrival order', async () => {
    const store = await open();
    try {
      assert.equal(await store.lastArticleSeq(), 0);
      // 1203 rows: more than a page (500) and more than one IN list.
      const ids = Array.from({ length: 1203 }, (_, i) => `q${String(i).padStart(5, '0')}`);
      const eventOf = (i: number) => `ev-${i % 700}`;
      await store.transaction(async (tx) => {
        for (const [i, id] of ids.entries()) await tx.insertArticle(article(id, eventOf(i)));
      });
      const all = await collect(store.clusterRows());
      assert.deepEqual(
        all.map((r) => r.id),
        ids,
      );
      const last = await store.lastArticleSeq();
      assert.equal(last, all[all.length - 1].seq);
      const middle = all[600].seq;
      assert.deepEqual(
        (await collect(store.clusterRows({ afterSeq: middle }))).map((r) => r.id),
        ids.slice(601),
      );
      assert.deepEqual(
        (await collect(store.clusterRows({ upToSeq: middle }))).map((r) => r.id),
        ids.slice(0, 601),
      );
      const wanted = Array.from({ length: 600 }, (_, k) => `ev-${k + 50}`);
      const picked = ids.filter((_, i) => wanted.includes(eventOf(i)));
      assert.deepEqual(
        (await collect(store.clusterRows({ events: wanted }))).map((r) => r.id),
        picked,
      );
      assert.deepEqual(
        (await collect(store.clusterRows({ events: wanted, upToSeq: middle }))).map((r) => r.id),
        picked.filter((id) => id <= ids[600]),
      );
    } finally {
      await store.close();
    }
  });

  it('keeps a value under a key, and replaces it', async () => {
    const store = await open();
    try {
      assert.equal(await store.getMeta('cluster_state'), null);
      const big = 'x'.repeat(2_000_000);
      await store.transaction((tx) => tx.setMeta('cluster_state', big));
      assert.equal(await store.getMeta('cluster_state'), big);
      await store.transaction((tx) => tx.setMeta('cluster_state', '{"v":2}'));
      assert.equal(await store.getMeta('cluster_state'), '{"v":2}');
    } finally {
      await store.close();
    }
  });

  it('keeps each report’s fingerprint and first copy, and reads back the recent fingerprints', async () => {
    const store = await open();
    try {
      await store.transaction(async (tx) => {
        await tx.insertArticle({ ...article('a1', 'ev-000001'), fingerprint: '12:AAAA' });
        await tx.insertArticle({ ...article('a2', 'ev-000001'), fingerprint: null });
        await tx.insertArticle({
          ...article('a3', 'ev-000001'),
          fingerprint: '13:BBBB',
          duplicateOf: 'a1',
        });
        await tx.insertArticle({ ...article('a4', 'ev-000001'), fingerprint: '14:CCCC' });
        await tx.upsertEvent({ ...event('ev-000001', 4), copyCount: 1 });
      });
      assert.deepEqual(await store.recentFingerprints(2), [
        { id: 'a3', fingerprint: '13:BBBB', duplicateOf: 'a1' },
        { id: 'a4', fingerprint: '14:CCCC', duplicateOf: null },
      ]);
      assert.equal((await store.recentFingerprints(10)).length, 3);
      const stored = await store.eventArticles('ev-000001');
      assert.deepEqual(
        stored.map((a) => a.duplicateOf),
        [null, null, 'a1', null],
      );
      assert.equal((await store.getEvent('ev-000001'))?.copyCount, 1);
      const rows = await collect(store.clusterRows());
      assert.equal(rows.find((r) => r.id === 'a3')?.duplicateOf, 'a1');
    } finally {
      await store.close();
    }
  });

  it('streams long reads in pages, in arrival order', async () => {
    const store = await open();
    try {
      const ids = Array.from({ length: 1203 }, (_, i) => `p${String(i).padStart(5, '0')}`);
      await store.transaction(async (tx) => {
        for (const id of ids) await tx.insertArticle(article(id, 'ev-p'));
        await tx.upsertEvent(event('ev-p', ids.length));
      });
      assert.deepEqual(
        (await collect(store.articles())).map((a) => a.id),
        ids,
      );
      assert.equal((await collect(store.clusterRows())).length, ids.length);
      assert.equal((await store.storedIds(ids)).size, ids.length);
    } finally {
      await store.close();
    }
  });

  it('merges one event into another', async () => {
    const store = await open();
    try {
      await store.transaction(async (tx) => {
        await tx.insertArticle(article('m1', 'ev-a'));
        await tx.insertArticle(article('m2', 'ev-b'));
        await tx.upsertEvent(event('ev-a', 1));
        await tx.upsertEvent(event('ev-b', 1));
        await tx.mergeEvents('ev-b', 'ev-a');
      });
      assert.deepEqual(await store.eventArticleIds('ev-a'), ['m1', 'm2']);
      assert.equal(await store.getEvent('ev-b'), null);
      assert.equal(await store.articleEventId('m2'), 'ev-a');
    } finally {
      await store.close();
    }
  });

  it('records an event date learned after the article was stored', async () => {
    const store = await open();
    try {
      await store.transaction(async (tx) => {
        await tx.insertArticle(article('d1', 'ev-d'));
        await tx.upsertEvent(event('ev-d', 1));
        await tx.setEventDate('d1', '2026-03-09');
      });
      assert.equal((await store.eventArticles('ev-d'))[0].eventDate, '2026-03-09');
    } finally {
      await store.close();
    }
  });

  it('keeps learned aliases and their support', async () => {
    const store = await open();
    try {
      await store.transaction(async (tx) => {
        await tx.saveAlias({ form: '萨里耶夫', lang: 'zh', canonical: 'sarkiyev', support: 1 });
        await tx.saveAlias({ form: '萨里耶夫', lang: 'zh', canonical: 'sarkiyev', support: 2 });
      });
      assert.deepEqual(await store.aliasRows(), [
        { form: '萨里耶夫', lang: 'zh', canonical: 'sarkiyev', support: 2 },
      ]);
    } finally {
      await store.close();
    }
  });

  it('rolls a failed transaction back whole, event numbers included', async () => {
    const store = await open();
    try {
      const first = await store.transaction((tx) => tx.reserveEventNumbers(1));
      await assert.rejects(
        store.transaction(async (tx) => {
          await tx.reserveEventNumbers(5);
          await tx.insertArticle(article('b1', 'ev-2'));
          await tx.insertArticle(article('b2', 'ev-2', 'b1')); // same content hash: refused
        }),
      );
      assert.ok(!(await store.hasArticle('b1')));
      assert.equal(await store.transaction((tx) => tx.reserveEventNumbers(1)), first + 1);
    } finally {
      await store.close();
    }
  });

  it('hands out event numbers once, and takes back the unused ones', async () => {
    const store = await open();
    try {
      const a = await store.transaction(async (tx) => {
        const first = await tx.reserveEventNumbers(10);
        await tx.releaseEventNumbers(first + 3);
        return first;
      });
      const b = await store.transaction((tx) => tx.reserveEventNumbers(2));
      assert.equal(b, a + 3);
      // Two transactions at once: the second waits for the first and gets other numbers.
      const [x, y] = await Promise.all([
        store.transaction((tx) => tx.reserveEventNumbers(4)),
        store.transaction((tx) => tx.reserveEventNumbers(4)),
      ]);
      assert.equal(Math.abs(x - y), 4);
    } finally {
      await store.close();
    }
  });

  it('filters events by language and date, and logs rejections', async () => {
    const store = await open();
    try {
      await store.transaction(async (tx) => {
        await tx.insertArticle(article('c1', 'ev-3'));
        await tx.upsertEvent(event('ev-3', 1));
        await tx.recordRejection({ file: 'f.jsonl', line: 3, code: 'E_JSON', reason: 'bad' });
      });
      assert.ok((await store.listEvents({ lang: 'en' })).some((e) => e.id === 'ev-3'));
      assert.ok(!(await store.listEvents({ lang: 'vi' })).some((e) => e.id === 'ev-3'));
      assert.ok(!(await store.listEvents({ since: '2021-01-01' })).some((e) => e.id === 'ev-3'));
      assert.equal((await store.listEvents({ limit: 1 })).length, 1);
      const [r] = await store.rejections();
      assert.deepEqual(
        { ...r, at: undefined },
        {
          file: 'f.jsonl',
          line: 3,
          code: 'E_JSON',
          reason: 'bad',
          at: undefined,
        },
      );
      assert.equal((await store.stats()).rejected, 1);
    } finally {
      await store.close();
    }
  });

  it('check finds an article whose event is gone and a wrong count', async () => {
    const store = await open();
    try {
      await store.transaction(async (tx) => {
        await tx.insertArticle(article('k1', 'ev-k'));
        await tx.upsertEvent(event('ev-k', 1));
      });
      assert.deepEqual((await store.check()).problems, []);
      await store.transaction(async (tx) => {
        await tx.insertArticle(article('k2', 'ev-gone'));
        await tx.upsertEvent(event('ev-k', 3));
      });
      const report = await store.check();
      assert.deepEqual(report.problems.map((p) => p.check).sort(), [
        'article-event',
        'event-count',
      ]);
      assert.ok(report.schemaVersion >= 3);
    } finally {
      await store.close();
    }
  });
}
