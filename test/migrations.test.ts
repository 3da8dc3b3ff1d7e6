import assert from 'node:assert/strict';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { BabelwireError } from '../src/errors.ts';
import { openStore } from '../src/store/index.ts';
import { SCHEMA_VERSION } from '../src/store/migrations.ts';
import { tempDir } from './helpers.ts';
import { freshPostgres } from './pg.ts';

/**
 * The schema a `babelwire.db` written by release 0.5.1 has (schema 2, kept in `meta`), as that
 * release created it: a fixture, so the upgrade is tested against what users hold.
 */
const RELEASE_0_5_1 = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, content_hash TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL, text TEXT NOT NULL, raw_title TEXT NOT NULL, raw_text TEXT NOT NULL,
  lang TEXT NOT NULL, published TEXT, url TEXT, source TEXT, terms TEXT NOT NULL,
  anchors TEXT NOT NULL, captions TEXT NOT NULL, event_id TEXT NOT NULL, ingested_at TEXT NOT NULL,
  event_date TEXT);
CREATE INDEX articles_event ON articles(event_id);
CREATE TABLE events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, title TEXT NOT NULL,
  title_lang TEXT NOT NULL, languages TEXT NOT NULL, names TEXT NOT NULL, countries TEXT NOT NULL,
  first_date TEXT, last_date TEXT, article_count INTEGER NOT NULL, first_seen TEXT NOT NULL,
  updated_at TEXT NOT NULL, provenance TEXT NOT NULL);
CREATE TABLE aliases (form TEXT NOT NULL, lang TEXT NOT NULL, canonical TEXT NOT NULL,
  support INTEGER NOT NULL, PRIMARY KEY (form, lang, canonical));
CREATE TABLE rejections (id INTEGER PRIMARY KEY AUTOINCREMENT, file TEXT NOT NULL,
  line INTEGER NOT NULL, code TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL);
INSERT INTO meta VALUES ('schema', '2');
INSERT INTO articles (id, content_hash, title, text, raw_title, raw_text, lang, terms, anchors,
  captions, event_id, ingested_at, event_date)
  VALUES ('a', 'h', 't', 'x', 't', 'x', 'en', '[]',
  '{"numbers":[],"dates":[],"names":["otunbayeva"],"countries":["KG"]}', '[]', 'ev-000007',
  '2020-01-01', '2020-10-05');
INSERT INTO events (id, title, title_lang, languages, names, countries, first_date, last_date,
  article_count, first_seen, updated_at, provenance)
  VALUES ('ev-000007', 't', 'en', '["en"]', '[]', '[]', '2020-10-05', '2020-10-05', 1,
  '2020-01-01', '2020-01-01', '[]');
INSERT INTO aliases VALUES ('奥通巴耶娃', 'zh', 'otunbayeva', 2);
INSERT INTO rejections (file, line, code, reason, at) VALUES ('f.jsonl', 2, 'E_JSON', 'bad', 'x');
INSERT INTO rejections (file, line, code, reason, at) VALUES ('f.jsonl', 2, 'E_JSON', 'bad', 'y');
`;

describe('store migrations', () => {
  it('upgrades a store written by release 0.5.1 in place and keeps its data', async () => {
    const file = path.join(tempDir(), 'old.db');
    const db = new Database(file);
    db.exec(RELEASE_0_5_1);
    db.close();
    const store = await openStore(file);
    try {
      assert.equal((await store.getEvent('ev-000007'))?.storyKeys, null);
      assert.deepEqual(await store.eventArticleIds('ev-000007'), ['a']);
      assert.equal((await store.eventArticles('ev-000007'))[0].eventDate, '2020-10-05');
      assert.equal((await store.aliasRows())[0].canonical, 'otunbayeva');
      assert.equal((await store.stats()).rejected, 1, 'the same rejection twice is kept once');
      const report = await store.check();
      assert.equal(report.schemaVersion, SCHEMA_VERSION);
      assert.deepEqual(report.problems, []);
      // New events are numbered after the ones the old release made.
      const next = await store.transaction((tx) => tx.reserveEventNumbers(1));
      assert.equal(next, 8);
    } finally {
      await store.close();
    }
    // Opening again changes nothing: migrations run once.
    const again = await openStore(file);
    assert.equal((await again.stats()).articles, 1);
    await again.close();
  });

  it('upgrades a schema 1 store (no event dates) too', async () => {
    const file = path.join(tempDir(), 'v1.db');
    const db = new Database(file);
    db.exec(RELEASE_0_5_1);
    db.exec('ALTER TABLE articles DROP COLUMN event_date');
    db.exec("UPDATE meta SET value = '1' WHERE key = 'schema'");
    db.close();
    const store = await openStore(file);
    assert.equal((await store.eventArticles('ev-000007'))[0].eventDate, null);
    assert.equal((await store.check()).schemaVersion, SCHEMA_VERSION);
    await store.close();
  });

  it('refuses a store from a newer schema and leaves it as it was', async () => {
    const file = path.join(tempDir(), 'new.db');
    await (await openStore(file)).close();
    const db = new Database(file);
    db.prepare('INSERT INTO schema_version (version, applied_at) VALUES (?, ?)').run(
      SCHEMA_VERSION + 1,
      'later',
    );
    db.close();
    await assert.rejects(
      openStore(file),
      (e: unknown) =>
        e instanceof BabelwireError &&
        e.code === 'E_STORE_NEWER' &&
        e.message.includes(file) &&
        /upgrade Babelwire/.test(e.message),
    );
    const check = new Database(file, { readonly: true });
    assert.equal(
      check.prepare('SELECT MAX(version) FROM schema_version').pluck().get(),
      SCHEMA_VERSION + 1,
    );
    check.close();
  });

  it('a reading command does not create a store that is not there', async () => {
    const file = path.join(tempDir(), 'none.db');
    await assert.rejects(openStore(file, { mustExist: true }), /no store at/);
  });

  describe('PostgreSQL', () => {
    const drops: (() => Promise<void>)[] = [];
    after(async () => {
      for (const d of drops) await d();
    });

    it('creates the schema on an empty database and refuses a newer one', async () => {
      const db = await freshPostgres();
      drops.push(db.drop);
      const store = await openStore(db.url);
      assert.equal((await store.check()).schemaVersion, SCHEMA_VERSION);
      await store.close();
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      await c.query('INSERT INTO schema_version (version, applied_at) VALUES ($1, $2)', [
        SCHEMA_VERSION + 1,
        'later',
      ]);
      await c.end();
      await assert.rejects(openStore(db.url), /newer than the/);
    });

    it('three processes opening a new database at once each find it ready', async () => {
      // Without the advisory lock two of three failed with a duplicate pg_type key.
      const db = await freshPostgres();
      drops.push(db.drop);
      const stores = await Promise.all([openStore(db.url), openStore(db.url), openStore(db.url)]);
      for (const store of stores) assert.equal((await store.check()).schemaVersion, SCHEMA_VERSION);
      await Promise.all(stores.map((s) => s.close()));
    });

    it('an unreachable server is one clear error naming host and port', async () => {
      await assert.rejects(
        openStore('postgres://postgres@127.0.0.1:1/none'),
        (e: unknown) =>
          e instanceof BabelwireError &&
          e.code === 'E_STORE_UNREACHABLE' &&
          e.message.includes('127.0.0.1:1'),
      );
    });
  });
});
