import { sql, type Kysely } from './kysely.ts';
import { BabelwireError } from '../errors.ts';
import type { Database } from './schema.ts';
import type { StoreKind } from './types.ts';

/**
 * Versioned schema migrations, one list for both back ends. Each step is the DDL that takes a
 * store from the version before it to its own; a store is upgraded in place, step by step, each
 * step in its own transaction, and every applied step is recorded in `schema_version`.
 *
 * Stores written before `schema_version` existed kept their version in `meta.schema` (1 or 2);
 * that value is read once and then kept in step, so an older Babelwire opening a newer store
 * refuses it instead of misreading it. A store newer than this code is refused, never
 * downgraded.
 */
/**
 * Schema 5: near-duplicates (src/dedup/). Reports stored before it have no fingerprint, so a
 * later copy of one is not recognised; they are never copies themselves.
 */
const SCHEMA_5_BOTH = [
  'ALTER TABLE articles ADD COLUMN fingerprint TEXT',
  'ALTER TABLE articles ADD COLUMN duplicate_of TEXT',
  'ALTER TABLE events ADD COLUMN copies INTEGER NOT NULL DEFAULT 0',
];

interface Migration {
  version: number;
  what: string;
  ddl: Record<StoreKind, string[]>;
}

/** What schema 3 adds that both back ends write the same way. */
const SCHEMA_3_BOTH = [
  'ALTER TABLE events ADD COLUMN story_keys TEXT',
  'ALTER TABLE articles ADD COLUMN lang_source TEXT',
  `CREATE TABLE alias_events (form TEXT NOT NULL, lang TEXT NOT NULL, canonical TEXT NOT NULL,
    event_id TEXT NOT NULL, PRIMARY KEY (form, lang, canonical, event_id))`,
  'CREATE INDEX IF NOT EXISTS articles_published ON articles(published)',
  // Re-reading the same bad input must not count it twice.
  `DELETE FROM rejections WHERE id NOT IN (
    SELECT MIN(id) FROM rejections GROUP BY file, line, code, reason)`,
  'CREATE UNIQUE INDEX rejections_once ON rejections(file, line, code, reason)',
];

/**
 * What schema 4 adds on both back ends: the service's own tables (news sources and the items
 * already taken from them, watches, API tokens, corrections, the change log the live stream
 * replays) and the event fields the API filters on.
 */
const SCHEMA_4_BOTH = [
  'ALTER TABLE events ADD COLUMN type TEXT',
  'ALTER TABLE events ADD COLUMN country_codes TEXT',
  // A report a person put into an event: later clustering never takes it out again.
  'ALTER TABLE articles ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0',
  'CREATE INDEX IF NOT EXISTS articles_ingested ON articles(ingested_at)',
  `CREATE TABLE sources (id TEXT PRIMARY KEY, url TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
    every_seconds INTEGER NOT NULL, etag TEXT, last_modified TEXT, last_fetch TEXT,
    last_ok TEXT, next_due TEXT, failures INTEGER NOT NULL DEFAULT 0, last_error TEXT,
    items_seen INTEGER NOT NULL DEFAULT 0, items_stored INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL)`,
  `CREATE TABLE source_items (source_id TEXT NOT NULL, item_key TEXT NOT NULL,
    seen_at TEXT NOT NULL, PRIMARY KEY (source_id, item_key))`,
  `CREATE TABLE watches (id TEXT PRIMARY KEY, name TEXT, query TEXT, entity TEXT,
    country TEXT, type TEXT, language TEXT, webhook TEXT, created_at TEXT NOT NULL,
    created_by TEXT)`,
  `CREATE TABLE tokens (id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, last_used TEXT)`,
  "INSERT INTO counters (name, value) VALUES ('source', 0), ('watch', 0), ('token', 0)",
];

const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    what: 'articles, events, aliases, rejections',
    ddl: {
      sqlite: [
        `CREATE TABLE IF NOT EXISTS articles (
          seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
          content_hash TEXT NOT NULL UNIQUE, title TEXT NOT NULL, text TEXT NOT NULL,
          raw_title TEXT NOT NULL, raw_text TEXT NOT NULL, lang TEXT NOT NULL, published TEXT,
          url TEXT, source TEXT, terms TEXT NOT NULL, anchors TEXT NOT NULL,
          captions TEXT NOT NULL, event_id TEXT NOT NULL, ingested_at TEXT NOT NULL)`,
        'CREATE INDEX IF NOT EXISTS articles_event ON articles(event_id)',
        `CREATE TABLE IF NOT EXISTS events (
          seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, title TEXT NOT NULL,
          title_lang TEXT NOT NULL, languages TEXT NOT NULL, names TEXT NOT NULL,
          countries TEXT NOT NULL, first_date TEXT, last_date TEXT,
          article_count INTEGER NOT NULL, first_seen TEXT NOT NULL, updated_at TEXT NOT NULL,
          provenance TEXT NOT NULL)`,
        `CREATE TABLE IF NOT EXISTS aliases (form TEXT NOT NULL, lang TEXT NOT NULL,
          canonical TEXT NOT NULL, support INTEGER NOT NULL, PRIMARY KEY (form, lang, canonical))`,
        `CREATE TABLE IF NOT EXISTS rejections (id INTEGER PRIMARY KEY AUTOINCREMENT,
          file TEXT NOT NULL, line INTEGER NOT NULL, code TEXT NOT NULL, reason TEXT NOT NULL,
          at TEXT NOT NULL)`,
      ],
      postgres: [
        `CREATE TABLE IF NOT EXISTS articles (
          seq SERIAL PRIMARY KEY, id TEXT NOT NULL UNIQUE, content_hash TEXT NOT NULL UNIQUE,
          title TEXT NOT NULL, text TEXT NOT NULL, raw_title TEXT NOT NULL,
          raw_text TEXT NOT NULL, lang TEXT NOT NULL, published TEXT, url TEXT, source TEXT,
          terms TEXT NOT NULL, anchors TEXT NOT NULL, captions TEXT NOT NULL,
          event_id TEXT NOT NULL, ingested_at TEXT NOT NULL)`,
        'CREATE INDEX IF NOT EXISTS articles_event ON articles(event_id)',
        `CREATE TABLE IF NOT EXISTS events (
          seq SERIAL PRIMARY KEY, id TEXT NOT NULL UNIQUE, title TEXT NOT NULL,
          title_lang TEXT NOT NULL, languages TEXT NOT NULL, names TEXT NOT NULL,
          countries TEXT NOT NULL, first_date TEXT, last_date TEXT,
          article_count INTEGER NOT NULL, first_seen TEXT NOT NULL, updated_at TEXT NOT NULL,
          provenance TEXT NOT NULL)`,
        `CREATE TABLE IF NOT EXISTS aliases (form TEXT NOT NULL, lang TEXT NOT NULL,
          canonical TEXT NOT NULL, support INTEGER NOT NULL, PRIMARY KEY (form, lang, canonical))`,
        `CREATE TABLE IF NOT EXISTS rejections (id SERIAL PRIMARY KEY, file TEXT NOT NULL,
          line INTEGER NOT NULL, code TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL)`,
      ],
    },
  },
  {
    version: 2,
    what: 'the day each report says its event happened (src/facts/dates.ts)',
    ddl: {
      sqlite: ['ALTER TABLE articles ADD COLUMN event_date TEXT'],
      postgres: ['ALTER TABLE articles ADD COLUMN event_date TEXT'],
    },
  },
  {
    version: 3,
    what: 'event numbers from a counter (no two writers collide); story keys per event; where each language came from; the events each alias was counted in; each rejection once',
    ddl: {
      sqlite: [
        'CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)',
        // Earlier releases numbered events after the highest stored one; start above every
        // number any stored or merged-away event id used.
        `INSERT INTO counters (name, value) SELECT 'event', COALESCE(MAX(n), 0) FROM (
          SELECT CAST(substr(id, 4) AS INTEGER) AS n FROM events WHERE id LIKE 'ev-%'
          UNION ALL SELECT CAST(substr(event_id, 4) AS INTEGER) FROM articles WHERE event_id LIKE 'ev-%'
          UNION ALL SELECT MAX(seq) FROM events)`,
        ...SCHEMA_3_BOTH,
      ],
      postgres: [
        'CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)',
        `INSERT INTO counters (name, value) SELECT 'event', COALESCE(MAX(n), 0) FROM (
          SELECT CAST(substr(id, 4) AS INTEGER) AS n FROM events WHERE id ~ '^ev-[0-9]+$'
          UNION ALL SELECT CAST(substr(event_id, 4) AS INTEGER) FROM articles WHERE event_id ~ '^ev-[0-9]+$'
          UNION ALL SELECT MAX(seq) FROM events) AS known`,
        ...SCHEMA_3_BOTH,
      ],
    },
  },
  {
    version: 4,
    what: 'the service: sources, watches, tokens, corrections, the change log, the search index, event types and country codes',
    ddl: {
      sqlite: [
        ...SCHEMA_4_BOTH,
        `CREATE TABLE corrections (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL,
          article_id TEXT, from_event TEXT NOT NULL, to_event TEXT NOT NULL, by TEXT NOT NULL,
          at TEXT NOT NULL)`,
        `CREATE TABLE changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL,
          event_id TEXT NOT NULL, watch_id TEXT, at TEXT NOT NULL, data TEXT NOT NULL)`,
        // Our own tokens (stems, concept and anchor keys) joined by spaces: the tokenizer only
        // splits them again, so a query is matched exactly as the article was analysed.
        `CREATE VIRTUAL TABLE search_index USING fts5(terms, keys,
          tokenize = "unicode61 remove_diacritics 0 tokenchars ':-_.#'")`,
      ],
      postgres: [
        ...SCHEMA_4_BOTH,
        `CREATE TABLE corrections (id SERIAL PRIMARY KEY, kind TEXT NOT NULL, article_id TEXT,
          from_event TEXT NOT NULL, to_event TEXT NOT NULL, by TEXT NOT NULL, at TEXT NOT NULL)`,
        `CREATE TABLE changes (seq SERIAL PRIMARY KEY, kind TEXT NOT NULL,
          event_id TEXT NOT NULL, watch_id TEXT, at TEXT NOT NULL, data TEXT NOT NULL)`,
        // The same tokens as lexemes as they are (array_to_tsvector does not parse them).
        `CREATE TABLE search_index (article_seq INTEGER PRIMARY KEY, doc tsvector NOT NULL)`,
        'CREATE INDEX search_index_doc ON search_index USING GIN (doc)',
      ],
    },
  },
  {
    version: 5,
    what: "near-duplicates: each report's fingerprint and the first copy it republishes; copies per event",
    ddl: {
      sqlite: SCHEMA_5_BOTH,
      postgres: SCHEMA_5_BOTH,
    },
  },
];

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** The version a store is at: 0 for an empty one. */
export async function schemaVersion(db: Kysely<Database>): Promise<number> {
  const logged = await db
    .selectFrom('schema_version')
    .select((eb) => eb.fn.max('version').as('v'))
    .executeTakeFirst();
  if (logged?.v !== null && logged?.v !== undefined) return Number(logged.v);
  const legacy = await db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', 'schema')
    .executeTakeFirst();
  return legacy ? Number(legacy.value) : 0;
}

/**
 * Brings a store to SCHEMA_VERSION. `transaction` runs one step atomically and, first, takes the
 * back end's migration lock (SQLite's write lock; a PostgreSQL advisory lock), so that two
 * processes opening one store at once apply each step once: the version is read again inside.
 */
export async function migrate(
  db: Kysely<Database>,
  kind: StoreKind,
  location: string,
  transaction: (fn: (trx: Kysely<Database>) => Promise<void>) => Promise<void>,
): Promise<number> {
  await transaction(async (trx) => {
    await sql`CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`.execute(
      trx,
    );
    await sql`CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`.execute(
      trx,
    );
  });
  const refuseNewer = (current: number) => {
    if (!Number.isInteger(current) || current > SCHEMA_VERSION) {
      throw new BabelwireError('E_STORE_NEWER', location, String(current), SCHEMA_VERSION);
    }
  };
  const current = await schemaVersion(db);
  refuseNewer(current);
  for (const step of MIGRATIONS) {
    if (step.version <= current) continue;
    await transaction(async (trx) => {
      const now = await schemaVersion(trx);
      refuseNewer(now);
      if (step.version <= now) return; // another process applied it meanwhile
      for (const statement of step.ddl[kind]) await sql.raw(statement).execute(trx);
      const at = new Date().toISOString();
      await trx
        .insertInto('schema_version')
        .values({ version: step.version, applied_at: at })
        .execute();
      await trx
        .insertInto('meta')
        .values({ key: 'schema', value: String(step.version) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(step.version) }))
        .execute();
    });
  }
  return SCHEMA_VERSION;
}
