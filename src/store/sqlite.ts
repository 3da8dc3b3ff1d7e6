import Database from 'better-sqlite3';
import type { AliasRow } from '../anchors/aliases.ts';
import type { Rejection } from '../errors.ts';
import type { StoredArticle } from '../types.ts';
import type { ClusterRow, EventQuery, Store, StoredEvent, StoreStats } from './types.ts';

const SCHEMA_VERSION = '2';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  text TEXT NOT NULL,
  raw_title TEXT NOT NULL,
  raw_text TEXT NOT NULL,
  lang TEXT NOT NULL,
  published TEXT,
  url TEXT,
  source TEXT,
  terms TEXT NOT NULL,
  anchors TEXT NOT NULL,
  captions TEXT NOT NULL,
  event_id TEXT NOT NULL,
  ingested_at TEXT NOT NULL,
  event_date TEXT
);
CREATE INDEX IF NOT EXISTS articles_event ON articles(event_id);
CREATE TABLE IF NOT EXISTS events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  title_lang TEXT NOT NULL,
  languages TEXT NOT NULL,
  names TEXT NOT NULL,
  countries TEXT NOT NULL,
  first_date TEXT,
  last_date TEXT,
  article_count INTEGER NOT NULL,
  first_seen TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  provenance TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS aliases (
  form TEXT NOT NULL,
  lang TEXT NOT NULL,
  canonical TEXT NOT NULL,
  support INTEGER NOT NULL,
  PRIMARY KEY (form, lang, canonical)
);
CREATE TABLE IF NOT EXISTS rejections (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  file TEXT NOT NULL,
  line INTEGER NOT NULL,
  code TEXT NOT NULL,
  reason TEXT NOT NULL,
  at TEXT NOT NULL
);
`;

interface ArticleRow {
  seq: number;
  id: string;
  content_hash: string;
  title: string;
  text: string;
  raw_title: string;
  raw_text: string;
  lang: string;
  published: string | null;
  url: string | null;
  source: string | null;
  terms: string;
  anchors: string;
  captions: string;
  event_id: string;
  ingested_at: string;
  event_date: string | null;
}

interface EventRow {
  id: string;
  title: string;
  title_lang: string;
  languages: string;
  names: string;
  countries: string;
  first_date: string | null;
  last_date: string | null;
  article_count: number;
  first_seen: string;
  updated_at: string;
  provenance: string;
}

function toArticle(r: ArticleRow): StoredArticle {
  return {
    id: r.id,
    title: r.title,
    text: r.text,
    rawTitle: r.raw_title,
    rawText: r.raw_text,
    lang: r.lang,
    published: r.published,
    url: r.url,
    source: r.source,
    contentHash: r.content_hash,
    terms: JSON.parse(r.terms) as string[],
    anchors: JSON.parse(r.anchors) as StoredArticle['anchors'],
    captions: JSON.parse(r.captions) as string[],
    eventId: r.event_id,
    eventDate: r.event_date,
    seq: r.seq,
    ingestedAt: r.ingested_at,
  };
}

function toEvent(r: EventRow): StoredEvent {
  return {
    id: r.id,
    title: r.title,
    titleLang: r.title_lang,
    languages: JSON.parse(r.languages) as string[],
    names: JSON.parse(r.names) as string[],
    countries: JSON.parse(r.countries) as string[],
    firstDate: r.first_date,
    lastDate: r.last_date,
    articleCount: r.article_count,
    firstSeen: r.first_seen,
    updatedAt: r.updated_at,
    provenance: JSON.parse(r.provenance) as string[],
  };
}

/** The embedded default store: one SQLite file in WAL mode. */
export class SqliteStore implements Store {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA);
    const version = this.db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get('schema');
    if (version === undefined) {
      this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('schema', SCHEMA_VERSION);
    } else if (version === '1') {
      // Schema 2 adds the day each report's event happened (src/facts/dates.ts).
      this.db.transaction(() => {
        this.db.exec('ALTER TABLE articles ADD COLUMN event_date TEXT');
        this.db.prepare('UPDATE meta SET value = ? WHERE key = ?').run(SCHEMA_VERSION, 'schema');
      })();
    } else if (version !== SCHEMA_VERSION) {
      throw new Error(`${file}: store schema ${String(version)} is not ${SCHEMA_VERSION}`);
    }
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  hasArticle(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM articles WHERE id = ?').get(id) !== undefined;
  }

  articleEventId(id: string): string | null {
    const e = this.db.prepare('SELECT event_id FROM articles WHERE id = ?').pluck().get(id);
    return typeof e === 'string' ? e : null;
  }

  articleByContentHash(hash: string): string | null {
    const id = this.db.prepare('SELECT id FROM articles WHERE content_hash = ?').pluck().get(hash);
    return typeof id === 'string' ? id : null;
  }

  insertArticle(a: StoredArticle): void {
    this.db
      .prepare(
        `INSERT INTO articles (id, content_hash, title, text, raw_title, raw_text, lang, published,
          url, source, terms, anchors, captions, event_id, ingested_at, event_date)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        a.id,
        a.contentHash,
        a.title,
        a.text,
        a.rawTitle,
        a.rawText,
        a.lang,
        a.published,
        a.url,
        a.source,
        JSON.stringify(a.terms),
        JSON.stringify(a.anchors),
        JSON.stringify(a.captions),
        a.eventId,
        a.ingestedAt,
        a.eventDate,
      );
  }

  upsertEvent(e: StoredEvent): void {
    this.db
      .prepare(
        `INSERT INTO events (id, title, title_lang, languages, names, countries, first_date, last_date,
          article_count, first_seen, updated_at, provenance)
         VALUES (@id, @title, @titleLang, @languages, @names, @countries, @firstDate, @lastDate,
          @articleCount, @firstSeen, @updatedAt, @provenance)
         ON CONFLICT(id) DO UPDATE SET title = excluded.title, title_lang = excluded.title_lang,
          languages = excluded.languages, names = excluded.names, countries = excluded.countries,
          first_date = excluded.first_date, last_date = excluded.last_date,
          article_count = excluded.article_count, updated_at = excluded.updated_at,
          provenance = excluded.provenance`,
      )
      .run({
        ...e,
        languages: JSON.stringify(e.languages),
        names: JSON.stringify(e.names),
        countries: JSON.stringify(e.countries),
        provenance: JSON.stringify(e.provenance),
      });
  }

  setEventDate(articleId: string, eventDate: string): void {
    this.db.prepare('UPDATE articles SET event_date = ? WHERE id = ?').run(eventDate, articleId);
  }

  mergeEvents(from: string, into: string): void {
    this.db.prepare('UPDATE articles SET event_id = ? WHERE event_id = ?').run(into, from);
    this.db.prepare('DELETE FROM events WHERE id = ?').run(from);
  }

  *clusterRows(): Iterable<ClusterRow> {
    const stmt = this.db.prepare(
      // A report without a title is listed by the start of its text.
      "SELECT id, CASE WHEN title = '' THEN substr(text, 1, 400) ELSE title END AS title, lang, terms, anchors, published, event_id, event_date FROM articles ORDER BY seq",
    );
    for (const r of stmt.iterate() as Iterable<ArticleRow>) {
      yield {
        id: r.id,
        title: r.title,
        lang: r.lang,
        terms: JSON.parse(r.terms) as string[],
        anchors: JSON.parse(r.anchors) as ClusterRow['anchors'],
        published: r.published,
        eventId: r.event_id,
        eventDate: r.event_date,
      };
    }
  }

  maxEventSeq(): number {
    return Number(this.db.prepare('SELECT COALESCE(MAX(seq), 0) FROM events').pluck().get());
  }

  getEvent(id: string): StoredEvent | null {
    const row = this.db.prepare('SELECT * FROM events WHERE id = ?').get(id) as
      EventRow | undefined;
    return row ? toEvent(row) : null;
  }

  listEvents(query: EventQuery = {}): StoredEvent[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (query.lang) {
      where.push('EXISTS (SELECT 1 FROM articles a WHERE a.event_id = events.id AND a.lang = ?)');
      params.push(query.lang);
    }
    if (query.since) {
      where.push('COALESCE(last_date, substr(first_seen, 1, 10)) >= ?');
      params.push(query.since);
    }
    const sql = `SELECT * FROM events ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
      ORDER BY COALESCE(last_date, '0000') DESC, seq DESC ${query.limit ? 'LIMIT ' + Math.floor(query.limit) : ''}`;
    return (this.db.prepare(sql).all(...params) as EventRow[]).map(toEvent);
  }

  eventArticles(eventId: string): StoredArticle[] {
    return (
      this.db
        .prepare('SELECT * FROM articles WHERE event_id = ? ORDER BY seq')
        .all(eventId) as ArticleRow[]
    ).map(toArticle);
  }

  eventArticleIds(eventId: string): string[] {
    return this.db
      .prepare('SELECT id FROM articles WHERE event_id = ? ORDER BY seq')
      .pluck()
      .all(eventId) as string[];
  }

  recordRejection(r: Rejection): void {
    this.db
      .prepare('INSERT INTO rejections (file, line, code, reason, at) VALUES (?, ?, ?, ?, ?)')
      .run(r.file, r.line, r.code, r.reason, new Date().toISOString());
  }

  aliasRows(): AliasRow[] {
    return this.db
      .prepare('SELECT form, lang, canonical, support FROM aliases')
      .all() as AliasRow[];
  }

  saveAlias(row: AliasRow): void {
    this.db
      .prepare(
        `INSERT INTO aliases (form, lang, canonical, support) VALUES (@form, @lang, @canonical, @support)
         ON CONFLICT(form, lang, canonical) DO UPDATE SET support = excluded.support`,
      )
      .run(row);
  }

  stats(): StoreStats {
    const count = (sql: string) => Number(this.db.prepare(sql).pluck().get());
    const languages: Record<string, number> = {};
    for (const r of this.db
      .prepare('SELECT lang, COUNT(*) AS n FROM articles GROUP BY lang ORDER BY n DESC')
      .all() as { lang: string; n: number }[]) {
      languages[r.lang] = r.n;
    }
    return {
      articles: count('SELECT COUNT(*) FROM articles'),
      events: count('SELECT COUNT(*) FROM events'),
      languages,
      rejected: count('SELECT COUNT(*) FROM rejections'),
    };
  }

  close(): void {
    this.db.close();
  }
}
