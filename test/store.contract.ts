import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Store } from '../src/store/types.ts';
import type { StoredArticle } from '../src/types.ts';

/** The contract every Store implementation passes (SQLite now, PostgreSQL next). */
export function storeContract(open: () => Store): void {
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
  const event = (id: string, count: number) => ({
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
  });

  it('stores and reads back articles and events', () => {
    const store = open();
    store.transaction(() => {
      store.insertArticle(article('a1', 'ev-1'));
      store.insertArticle(article('a2', 'ev-1'));
      store.upsertEvent(event('ev-1', 2));
    });
    assert.ok(store.hasArticle('a1'));
    assert.equal(store.articleEventId('a2'), 'ev-1');
    assert.equal(store.articleByContentHash('a1'), 'a1');
    assert.deepEqual(store.eventArticleIds('ev-1'), ['a1', 'a2']);
    assert.equal(store.getEvent('ev-1')?.articleCount, 2);
    assert.deepEqual(
      [...store.clusterRows()].map((r) => r.id),
      ['a1', 'a2'],
    );
    assert.equal(store.eventArticles('ev-1')[0].anchors.names[0], 'jeenbekov');
    assert.deepEqual(store.stats(), { articles: 2, events: 1, languages: { en: 2 }, rejected: 0 });
    store.close();
  });

  it('merges one event into another', () => {
    const store = open();
    store.transaction(() => {
      store.insertArticle(article('m1', 'ev-a'));
      store.insertArticle(article('m2', 'ev-b'));
      store.upsertEvent(event('ev-a', 1));
      store.upsertEvent(event('ev-b', 1));
      store.mergeEvents('ev-b', 'ev-a');
    });
    assert.deepEqual(store.eventArticleIds('ev-a'), ['m1', 'm2']);
    assert.equal(store.getEvent('ev-b'), null);
    assert.equal(store.articleEventId('m2'), 'ev-a');
    store.close();
  });

  it('records an event date learned after the article was stored', () => {
    const store = open();
    store.transaction(() => {
      store.insertArticle(article('d1', 'ev-d'));
      store.upsertEvent(event('ev-d', 1));
      store.setEventDate('d1', '2026-03-09');
    });
    assert.equal(store.eventArticles('ev-d')[0].eventDate, '2026-03-09');
    store.close();
  });

  it('keeps learned aliases and their support', () => {
    const store = open();
    store.saveAlias({ form: '萨里耶夫', lang: 'zh', canonical: 'sarkiyev', support: 1 });
    store.saveAlias({ form: '萨里耶夫', lang: 'zh', canonical: 'sarkiyev', support: 2 });
    assert.deepEqual(store.aliasRows(), [
      { form: '萨里耶夫', lang: 'zh', canonical: 'sarkiyev', support: 2 },
    ]);
    store.close();
  });

  it('rolls a failed transaction back whole', () => {
    const store = open();
    assert.throws(() =>
      store.transaction(() => {
        store.insertArticle(article('b1', 'ev-2'));
        store.insertArticle(article('b2', 'ev-2', 'b1')); // same content hash: refused
      }),
    );
    assert.ok(!store.hasArticle('b1'));
    store.close();
  });

  it('filters events by language and date', () => {
    const store = open();
    store.transaction(() => {
      store.insertArticle(article('c1', 'ev-3'));
      store.upsertEvent(event('ev-3', 1));
    });
    assert.ok(store.listEvents({ lang: 'en' }).some((e) => e.id === 'ev-3'));
    assert.ok(!store.listEvents({ lang: 'vi' }).some((e) => e.id === 'ev-3'));
    assert.ok(!store.listEvents({ since: '2021-01-01' }).some((e) => e.id === 'ev-3'));
    store.recordRejection({ file: 'f.jsonl', line: 3, code: 'E_JSON', reason: 'bad' });
    assert.ok(store.stats().rejected >= 1);
    store.close();
  });
}
