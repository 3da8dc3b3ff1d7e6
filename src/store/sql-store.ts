import { sql, type Kysely, type Selectable } from 'kysely';
import type { AliasObservation, AliasRow } from '../anchors/aliases.ts';
import { BabelwireError, type ErrorCode, type Rejection } from '../errors.ts';
import type { StoredArticle } from '../types.ts';
import { migrate, schemaVersion } from './migrations.ts';
import type { ArticleTable, Database, EventTable } from './schema.ts';
import type {
  CheckProblem,
  CheckReport,
  ClusterRow,
  EventQuery,
  Store,
  StoreKind,
  StoreReader,
  StoredEvent,
  StoredRejection,
  StoreStats,
  StoreTx,
} from './types.ts';

/** Rows per page when a long read streams the store. */
const PAGE = 500;
/** Ids per `IN (…)` list: well below SQLite's and PostgreSQL's parameter limits. */
const IN_CHUNK = 500;

function toArticle(r: Selectable<ArticleTable>): StoredArticle {
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
    langSource: r.lang_source,
    seq: Number(r.seq),
    ingestedAt: r.ingested_at,
  };
}

function toEvent(r: Selectable<EventTable>): StoredEvent {
  return {
    id: r.id,
    title: r.title,
    titleLang: r.title_lang,
    languages: JSON.parse(r.languages) as string[],
    names: JSON.parse(r.names) as string[],
    countries: JSON.parse(r.countries) as string[],
    firstDate: r.first_date,
    lastDate: r.last_date,
    articleCount: Number(r.article_count),
    firstSeen: r.first_seen,
    updatedAt: r.updated_at,
    provenance: JSON.parse(r.provenance) as string[],
    storyKeys: r.story_keys === null ? null : (JSON.parse(r.story_keys) as string[]),
  };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Reads and writes over one Kysely handle: the store itself, or the connection a transaction
 * holds. The queries are the same on SQLite and PostgreSQL; where the dialects differ, the
 * back end says so (`SqliteStore`, `PostgresStore`).
 */
class SqlReader implements StoreReader {
  constructor(protected readonly db: Kysely<Database>) {}

  async hasArticle(id: string): Promise<boolean> {
    return (await this.articleEventId(id)) !== null;
  }

  async storedIds(ids: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (const part of chunks([...new Set(ids)], IN_CHUNK)) {
      const rows = await this.db
        .selectFrom('articles')
        .select('id')
        .where('id', 'in', part)
        .execute();
      for (const r of rows) found.add(r.id);
    }
    return found;
  }

  async articleEventId(id: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('articles')
      .select('event_id')
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.event_id ?? null;
  }

  async articleByContentHash(hash: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('articles')
      .select('id')
      .where('content_hash', '=', hash)
      .executeTakeFirst();
    return row?.id ?? null;
  }

  async getEvent(id: string): Promise<StoredEvent | null> {
    const row = await this.db
      .selectFrom('events')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toEvent(row) : null;
  }

  async listEvents(query: EventQuery = {}): Promise<StoredEvent[]> {
    let q = this.db.selectFrom('events').selectAll();
    if (query.lang) {
      const lang = query.lang;
      q = q.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('articles as a')
            .select(sql`1`.as('one'))
            .whereRef('a.event_id', '=', 'events.id')
            .where('a.lang', '=', lang),
        ),
      );
    }
    if (query.since) {
      q = q.where(sql<string>`COALESCE(last_date, substr(first_seen, 1, 10))`, '>=', query.since);
    }
    q = q.orderBy(sql`COALESCE(last_date, '0000')`, 'desc').orderBy('seq', 'desc');
    if (query.limit) q = q.limit(Math.floor(query.limit));
    return (await q.execute()).map(toEvent);
  }

  async eventArticles(eventId: string): Promise<StoredArticle[]> {
    const rows = await this.db
      .selectFrom('articles')
      .selectAll()
      .where('event_id', '=', eventId)
      .orderBy('seq')
      .execute();
    return rows.map(toArticle);
  }

  async eventArticleIds(eventId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('articles')
      .select('id')
      .where('event_id', '=', eventId)
      .orderBy('seq')
      .execute();
    return rows.map((r) => r.id);
  }

  async *clusterRows(): AsyncIterable<ClusterRow> {
    // Keyset pages, not one cursor: the same on both back ends, and memory stays flat.
    let after = 0;
    for (;;) {
      const rows = await this.db
        .selectFrom('articles')
        .select([
          'seq',
          'id',
          'title',
          'text',
          'lang',
          'terms',
          'anchors',
          'published',
          'event_id',
          'event_date',
        ])
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(PAGE)
        .execute();
      for (const r of rows) {
        yield {
          id: r.id,
          // A report without a title is listed by the start of its text.
          title: r.title === '' ? r.text.slice(0, 400) : r.title,
          lang: r.lang,
          terms: JSON.parse(r.terms) as string[],
          anchors: JSON.parse(r.anchors) as ClusterRow['anchors'],
          published: r.published,
          eventId: r.event_id,
          eventDate: r.event_date,
        };
      }
      if (rows.length < PAGE) return;
      after = Number(rows[rows.length - 1].seq);
    }
  }

  async *articles(): AsyncIterable<StoredArticle> {
    let after = 0;
    for (;;) {
      const rows = await this.db
        .selectFrom('articles')
        .selectAll()
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(PAGE)
        .execute();
      for (const r of rows) yield toArticle(r);
      if (rows.length < PAGE) return;
      after = Number(rows[rows.length - 1].seq);
    }
  }

  async aliasRows(): Promise<AliasRow[]> {
    const rows = await this.db
      .selectFrom('aliases')
      .select(['form', 'lang', 'canonical', 'support'])
      .orderBy('lang')
      .orderBy('form')
      .orderBy('canonical')
      .execute();
    return rows.map((r) => ({ ...r, support: Number(r.support) }));
  }

  async aliasObservations(): Promise<AliasObservation[]> {
    const rows = await this.db
      .selectFrom('alias_events')
      .selectAll()
      .orderBy('lang')
      .orderBy('form')
      .orderBy('canonical')
      .orderBy('event_id')
      .execute();
    return rows.map((r) => ({
      form: r.form,
      lang: r.lang,
      canonical: r.canonical,
      eventId: r.event_id,
    }));
  }

  async rejections(): Promise<StoredRejection[]> {
    const rows = await this.db.selectFrom('rejections').selectAll().orderBy('id').execute();
    return rows.map((r) => ({
      file: r.file,
      line: Number(r.line),
      code: r.code as ErrorCode,
      reason: r.reason,
      at: r.at,
    }));
  }

  async stats(): Promise<StoreStats> {
    const count = async (table: 'articles' | 'events' | 'rejections') =>
      Number(
        (
          await this.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const languages: Record<string, number> = {};
    const rows = await this.db
      .selectFrom('articles')
      .select(['lang', (eb) => eb.fn.countAll().as('n')])
      .groupBy('lang')
      .orderBy('n', 'desc')
      .orderBy('lang')
      .execute();
    for (const r of rows) languages[r.lang] = Number(r.n);
    return {
      articles: await count('articles'),
      events: await count('events'),
      languages,
      rejected: await count('rejections'),
    };
  }
}

class SqlTx extends SqlReader implements StoreTx {
  async insertArticle(a: StoredArticle): Promise<void> {
    await this.db
      .insertInto('articles')
      .values({
        id: a.id,
        content_hash: a.contentHash,
        title: a.title,
        text: a.text,
        raw_title: a.rawTitle,
        raw_text: a.rawText,
        lang: a.lang,
        published: a.published,
        url: a.url,
        source: a.source,
        terms: JSON.stringify(a.terms),
        anchors: JSON.stringify(a.anchors),
        captions: JSON.stringify(a.captions),
        event_id: a.eventId,
        ingested_at: a.ingestedAt,
        event_date: a.eventDate,
        lang_source: a.langSource ?? null,
      })
      .execute();
  }

  async upsertEvent(e: StoredEvent): Promise<void> {
    const row = {
      id: e.id,
      title: e.title,
      title_lang: e.titleLang,
      languages: JSON.stringify(e.languages),
      names: JSON.stringify(e.names),
      countries: JSON.stringify(e.countries),
      first_date: e.firstDate,
      last_date: e.lastDate,
      article_count: e.articleCount,
      first_seen: e.firstSeen,
      updated_at: e.updatedAt,
      provenance: JSON.stringify(e.provenance),
      story_keys: e.storyKeys === null ? null : JSON.stringify(e.storyKeys),
    };
    // first_seen is updated too: an event that absorbs an earlier one was first seen then.
    const { id: _id, ...update } = row;
    await this.db
      .insertInto('events')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet(update))
      .execute();
  }

  async mergeEvents(from: string, into: string): Promise<void> {
    await this.db
      .updateTable('articles')
      .set({ event_id: into })
      .where('event_id', '=', from)
      .execute();
    await this.db.deleteFrom('events').where('id', '=', from).execute();
  }

  async setEventDate(articleId: string, eventDate: string): Promise<void> {
    await this.db
      .updateTable('articles')
      .set({ event_date: eventDate })
      .where('id', '=', articleId)
      .execute();
  }

  async recordRejection(r: Rejection): Promise<void> {
    await this.db
      .insertInto('rejections')
      .values({
        file: r.file,
        line: r.line,
        code: r.code,
        reason: r.reason,
        at: new Date().toISOString(),
      })
      .onConflict((oc) => oc.columns(['file', 'line', 'code', 'reason']).doNothing())
      .execute();
  }

  async saveAlias(row: AliasRow, eventId?: string): Promise<void> {
    await this.db
      .insertInto('aliases')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['form', 'lang', 'canonical']).doUpdateSet({ support: row.support }),
      )
      .execute();
    if (eventId === undefined) return;
    await this.db
      .insertInto('alias_events')
      .values({ form: row.form, lang: row.lang, canonical: row.canonical, event_id: eventId })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  async reserveEventNumbers(n: number): Promise<number> {
    const row = await this.db
      .updateTable('counters')
      .set((eb) => ({ value: eb('value', '+', n) }))
      .where('name', '=', 'event')
      .returning('value')
      .executeTakeFirstOrThrow();
    return Number(row.value) - n + 1;
  }

  async releaseEventNumbers(next: number): Promise<void> {
    // Inside the reserving transaction nobody else can have reserved since (SQLite holds the
    // write lock, PostgreSQL the counter row's lock), so the counter simply steps back.
    await this.db
      .updateTable('counters')
      .set({ value: next - 1 })
      .where('name', '=', 'event')
      .execute();
  }
}

/** What a back end adds to the shared queries: how it opens, begins and checks. */
export abstract class SqlStore extends SqlReader implements Store {
  abstract readonly kind: StoreKind;
  abstract readonly location: string;
  /** The statement that opens a write transaction on this back end. */
  protected abstract readonly beginStatement: string;

  protected constructor(db: Kysely<Database>) {
    super(db);
  }

  /** A statement that serialises migrations across processes, run first in each step. */
  protected readonly migrationLock: string | null = null;

  /**
   * Brings a just-connected store's schema up to date and hands it back; on failure it is
   * closed, and an error that is not ours names the store (`shown`: the location for messages).
   */
  protected async ready(shown: string): Promise<this> {
    try {
      await this.migrate();
    } catch (e) {
      await this.close();
      throw e instanceof BabelwireError
        ? e
        : new BabelwireError('E_STORE_OPEN', shown, (e as Error).message);
    }
    return this;
  }

  /** Creates or upgrades the schema (src/store/migrations.ts). */
  protected async migrate(): Promise<void> {
    await migrate(this.db, this.kind, this.location, (fn) =>
      this.run(async (conn) => {
        if (this.migrationLock) await sql.raw(this.migrationLock).execute(conn);
        await fn(conn);
      }),
    );
  }

  private async run<T>(fn: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    // One pinned connection for the whole transaction: Kysely's own transaction() cannot
    // ask SQLite for its write lock up front (BEGIN IMMEDIATE), which a second writing
    // process needs to wait instead of failing mid-transaction.
    return this.db.connection().execute(async (conn) => {
      await sql.raw(this.beginStatement).execute(conn);
      try {
        const out = await fn(conn);
        await sql`COMMIT`.execute(conn);
        return out;
      } catch (e) {
        await sql`ROLLBACK`.execute(conn).catch(() => undefined);
        throw this.translate(e);
      }
    });
  }

  /** A back end's own errors that a user can cause, as catalogue errors (or as they are). */
  protected translate(e: unknown): unknown {
    return e;
  }

  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.run((conn) => fn(new SqlTx(conn)));
  }

  async check(): Promise<CheckReport> {
    const problems: CheckProblem[] = [];
    const version = await schemaVersion(this.db);
    const problem = (check: string, detail: string) => problems.push({ check, detail });
    const orphans = await sql<{ event_id: string; n: number }>`
      SELECT a.event_id, COUNT(*) AS n FROM articles a LEFT JOIN events e ON e.id = a.event_id
      WHERE e.id IS NULL GROUP BY a.event_id`.execute(this.db);
    for (const r of orphans.rows) {
      problem(
        'article-event',
        `${Number(r.n)} article(s) in event ${r.event_id}, which is not stored`,
      );
    }
    const counts = await sql<{ id: string; article_count: number; n: number }>`
      SELECT e.id, e.article_count, COUNT(a.id) AS n FROM events e
      LEFT JOIN articles a ON a.event_id = e.id GROUP BY e.id, e.article_count
      HAVING COUNT(a.id) <> e.article_count`.execute(this.db);
    for (const r of counts.rows) {
      problem(
        'event-count',
        `event ${r.id} says ${Number(r.article_count)} article(s) but holds ${Number(r.n)}`,
      );
    }
    const counter = await this.db
      .selectFrom('counters')
      .select('value')
      .where('name', '=', 'event')
      .executeTakeFirst();
    if (!counter) problem('event-counter', 'the event counter is missing');
    problems.push(...(await this.checkBackend()));
    const stats = await this.stats();
    return { schemaVersion: version, articles: stats.articles, events: stats.events, problems };
  }

  abstract lockWriter(): Promise<void>;

  /** Checks only this back end can make (index integrity and the like). */
  protected abstract checkBackend(): Promise<CheckProblem[]>;

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
