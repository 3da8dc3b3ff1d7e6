import { sql, type Kysely, type Selectable } from './kysely.ts';
import type { AliasObservation, AliasRow } from '../anchors/aliases.ts';
import { BabelwireError, type ErrorCode, type Rejection } from '../errors.ts';
import type { StoredArticle } from '../types.ts';
import { migrate, schemaVersion } from './migrations.ts';
import type {
  ArticleTable,
  ChangeTable,
  Database,
  EventTable,
  SourceTable,
  TokenTable,
  WatchTable,
} from './schema.ts';
import type {
  Change,
  ChangeKind,
  CheckProblem,
  CheckReport,
  ClusterRow,
  ClusterRowFilter,
  FingerprintRow,
  Correction,
  EventQuery,
  ListedEvent,
  SearchDoc,
  SearchFilter,
  SearchHit,
  Store,
  StoreKind,
  StoreReader,
  StoredEvent,
  StoredRejection,
  StoredSource,
  StoredToken,
  StoredWatch,
  StoreStats,
  StoreTx,
  TokenRole,
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
    fingerprint: r.fingerprint ?? null,
    duplicateOf: r.duplicate_of ?? null,
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
    copyCount: Number(r.copies ?? 0),
    firstSeen: r.first_seen,
    updatedAt: r.updated_at,
    provenance: JSON.parse(r.provenance) as string[],
    storyKeys: r.story_keys === null ? null : (JSON.parse(r.story_keys) as string[]),
    eventType: r.type ?? null,
    countryCodes: r.country_codes === null ? [] : (JSON.parse(r.country_codes) as string[]),
  };
}

function toSource(r: Selectable<SourceTable>): StoredSource {
  return {
    id: r.id,
    url: r.url,
    name: r.name,
    everySeconds: Number(r.every_seconds),
    etag: r.etag,
    lastModified: r.last_modified,
    lastFetch: r.last_fetch,
    lastOk: r.last_ok,
    nextDue: r.next_due,
    failures: Number(r.failures),
    lastError: r.last_error,
    itemsSeen: Number(r.items_seen),
    itemsStored: Number(r.items_stored),
    errors: Number(r.errors),
    createdAt: r.created_at,
  };
}

function sourceRow(s: StoredSource): Selectable<SourceTable> {
  return {
    id: s.id,
    url: s.url,
    name: s.name,
    every_seconds: s.everySeconds,
    etag: s.etag,
    last_modified: s.lastModified,
    last_fetch: s.lastFetch,
    last_ok: s.lastOk,
    next_due: s.nextDue,
    failures: s.failures,
    last_error: s.lastError,
    items_seen: s.itemsSeen,
    items_stored: s.itemsStored,
    errors: s.errors,
    created_at: s.createdAt,
  };
}

function toChange(r: Selectable<ChangeTable>): Change {
  return {
    seq: Number(r.seq),
    kind: r.kind as ChangeKind,
    eventId: r.event_id,
    watchId: r.watch_id,
    at: r.at,
    data: JSON.parse(r.data) as Record<string, unknown>,
  };
}

function toWatch(r: Selectable<WatchTable>): StoredWatch {
  return {
    id: r.id,
    name: r.name,
    query: r.query,
    entity: r.entity,
    country: r.country,
    type: r.type,
    language: r.language,
    webhook: r.webhook,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

function toToken(r: Selectable<TokenTable>): StoredToken {
  return {
    id: r.id,
    name: r.name,
    role: r.role as TokenRole,
    hash: r.hash,
    createdAt: r.created_at,
    lastUsed: r.last_used,
  };
}

/** Our tokens as an FTS5 query: each quoted (so no token is read as an operator), any may match. */
function ftsMatch(tokens: readonly string[]): string {
  return tokens.map((t) => `"${t.replace(/"/g, '""')}"`).join(' OR ');
}

/** Our tokens as a PostgreSQL tsquery literal: each quoted as a lexeme, any may match. */
function tsQuery(tokens: readonly string[]): string {
  return tokens.map((t) => `'${t.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`).join(' | ');
}

/** The tokens worth looking up: some letter or digit, each once. */
function searchTokens(doc: SearchDoc): string[] {
  return [...new Set([...doc.terms, ...doc.keys])].filter((t) => /[\p{L}\p{N}]/u.test(t));
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
  constructor(
    protected readonly db: Kysely<Database>,
    protected readonly dialect: StoreKind,
  ) {}

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

  async listEvents(query: EventQuery = {}): Promise<ListedEvent[]> {
    const dayAgo = new Date(Date.now() - 86_400_000).toISOString();
    const growthKey = sql<number>`COALESCE(g.n, 0)`;
    const dateKey = sql<string>`COALESCE(events.last_date, '0000')`;
    let q = this.db
      .selectFrom('events')
      .leftJoin(
        (eb) =>
          eb
            .selectFrom('articles')
            .select(['event_id', (e) => e.fn.countAll<number>().as('n')])
            .where('ingested_at', '>=', dayAgo)
            // Growth is in independent reports: a story republished by fifty sites is not news fifty times.
            .where('duplicate_of', 'is', null)
            // SQLite would group by walking the event index over every article ever stored
            // (85 ms a page on 20k articles ingested over 60 days, growing with the archive);
            // `+` hides that index, so it reads the last day's range of the ingest-time index
            // instead (7 ms a page there).
            .groupBy(this.dialect === 'sqlite' ? sql`+event_id` : 'event_id')
            .as('g'),
        (join) => join.onRef('g.event_id', '=', 'events.id'),
      )
      .selectAll('events')
      .select(growthKey.as('growth'));
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
    // A date filter asks about days: an event no report dates is left out unless asked for.
    const undated = query.undated ? sql`events.first_date IS NULL OR ` : sql``;
    if (query.since) q = q.where(sql<boolean>`(${undated}events.last_date >= ${query.since})`);
    if (query.until) q = q.where(sql<boolean>`(${undated}events.first_date <= ${query.until})`);
    if (query.type) q = q.where('events.type', '=', query.type);
    if (query.countries?.length) {
      const codes = query.countries;
      q = q.where((eb) =>
        eb.or(codes.map((c) => eb('events.country_codes', 'like', `%"${c.toUpperCase()}"%`))),
      );
    }
    if (query.ids) {
      if (query.ids.length === 0) return [];
      q = q.where('events.id', 'in', [...query.ids]);
    }
    const growing = query.sort === 'growing';
    if (query.after) {
      const { key, seq } = query.after;
      const k = growing ? growthKey : dateKey;
      q = q.where(sql<boolean>`(${k} < ${key} OR (${k} = ${key} AND events.seq < ${seq}))`);
    }
    q = growing ? q.orderBy(growthKey, 'desc') : q.orderBy(dateKey, 'desc');
    q = q.orderBy('events.seq', 'desc');
    if (query.limit !== undefined) q = q.limit(Math.max(0, Math.floor(query.limit)));
    return (await q.execute()).map((r) => ({
      ...toEvent(r),
      seq: Number(r.seq),
      growth: Number(r.growth),
    }));
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

  async recentFingerprints(limit: number): Promise<FingerprintRow[]> {
    const rows = await this.db
      .selectFrom('articles')
      .select(['id', 'fingerprint', 'duplicate_of'])
      .where('fingerprint', 'is not', null)
      .orderBy('seq', 'desc')
      .limit(limit)
      .execute();
    return rows
      .reverse()
      .map((r) => ({ id: r.id, fingerprint: r.fingerprint!, duplicateOf: r.duplicate_of ?? null }));
  }

  async *clusterRows(filter: ClusterRowFilter = {}): AsyncIterable<ClusterRow> {
    if (filter.events) {
      // Events a few at a time (an IN list has a limit), then put back in arrival order.
      const rows: ClusterRow[] = [];
      for (const part of chunks([...new Set(filter.events)], IN_CHUNK)) {
        for await (const r of this.clusterRowPages(filter, part)) rows.push(r);
      }
      rows.sort((a, b) => a.seq - b.seq);
      yield* rows;
      return;
    }
    yield* this.clusterRowPages(filter, null);
  }

  private async *clusterRowPages(
    filter: ClusterRowFilter,
    events: readonly string[] | null,
  ): AsyncIterable<ClusterRow> {
    // Keyset pages, not one cursor: the same on both back ends, and memory stays flat.
    let after = filter.afterSeq ?? 0;
    for (;;) {
      let query = this.db
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
          'duplicate_of',
        ])
        .where('seq', '>', after);
      if (filter.upToSeq !== undefined) query = query.where('seq', '<=', filter.upToSeq);
      if (events) query = query.where('event_id', 'in', events);
      const rows = await query.orderBy('seq').limit(PAGE).execute();
      for (const r of rows) {
        yield {
          seq: Number(r.seq),
          id: r.id,
          // A report without a title is listed by the start of its text.
          title: r.title === '' ? r.text.slice(0, 400) : r.title,
          lang: r.lang,
          terms: JSON.parse(r.terms) as string[],
          anchors: JSON.parse(r.anchors) as ClusterRow['anchors'],
          published: r.published,
          eventId: r.event_id,
          eventDate: r.event_date,
          duplicateOf: r.duplicate_of ?? null,
        };
      }
      if (rows.length < PAGE) return;
      after = Number(rows[rows.length - 1].seq);
    }
  }

  async lastArticleSeq(): Promise<number> {
    const row = await this.db
      .selectFrom('articles')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirst();
    return Number(row?.seq ?? 0);
  }

  async getMeta(key: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('meta')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirst();
    return row?.value ?? null;
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.db
      .insertInto('meta')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
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

  async getArticle(id: string): Promise<StoredArticle | null> {
    const row = await this.db
      .selectFrom('articles')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toArticle(row) : null;
  }

  async articlesById(ids: readonly string[]): Promise<StoredArticle[]> {
    const out: StoredArticle[] = [];
    for (const part of chunks([...new Set(ids)], IN_CHUNK)) {
      const rows = await this.db
        .selectFrom('articles')
        .selectAll()
        .where('id', 'in', part)
        .execute();
      out.push(...rows.map(toArticle));
    }
    return out;
  }

  async search(query: SearchDoc, filter: SearchFilter): Promise<SearchHit[]> {
    const tokens = searchTokens(query);
    if (tokens.length === 0 || filter.limit <= 0) return [];
    const day = sql`COALESCE(a.event_date, substr(a.published, 1, 10))`;
    const where = [
      filter.lang ? sql`a.lang = ${filter.lang}` : null,
      filter.since ? sql`${day} >= ${filter.since}` : null,
      filter.until ? sql`${day} <= ${filter.until}` : null,
    ].filter((w) => w !== null);
    const extra = where.length ? sql` AND ${sql.join(where, sql` AND `)}` : sql``;
    // Concept and anchor keys carry across languages; stems only within one. bm25 weighs
    // both by how rare they are.
    const rows =
      this.dialect === 'sqlite'
        ? await sql<{ id: string; event_id: string; lang: string; score: number }>`
            SELECT a.id, a.event_id, a.lang, -bm25(search_index, 1.0, 1.5) AS score
            FROM search_index JOIN articles a ON a.seq = search_index.rowid
            WHERE search_index MATCH ${ftsMatch(tokens)}${extra}
            ORDER BY score DESC, a.seq LIMIT ${filter.limit}`.execute(this.db)
        : await sql<{ id: string; event_id: string; lang: string; score: number }>`
            SELECT a.id, a.event_id, a.lang, ts_rank(s.doc, q.q, 1) AS score
            FROM search_index s JOIN articles a ON a.seq = s.article_seq,
              (SELECT CAST(${tsQuery(tokens)} AS tsquery) AS q) q
            WHERE s.doc @@ q.q${extra}
            ORDER BY score DESC, a.seq LIMIT ${filter.limit}`.execute(this.db);
    return rows.rows.map((r) => ({
      articleId: r.id,
      eventId: r.event_id,
      lang: r.lang,
      score: Number(r.score),
    }));
  }

  async searchIndexSize(): Promise<number> {
    const r = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM search_index`.execute(this.db);
    return Number(r.rows[0]?.n ?? 0);
  }

  async unindexedArticles(limit: number): Promise<StoredArticle[]> {
    const rows =
      this.dialect === 'sqlite'
        ? await sql<Selectable<ArticleTable>>`SELECT * FROM articles
            WHERE seq NOT IN (SELECT rowid FROM search_index) ORDER BY seq LIMIT ${limit}`.execute(
            this.db,
          )
        : await sql<Selectable<ArticleTable>>`SELECT a.* FROM articles a
            LEFT JOIN search_index s ON s.article_seq = a.seq
            WHERE s.article_seq IS NULL ORDER BY a.seq LIMIT ${limit}`.execute(this.db);
    return rows.rows.map(toArticle);
  }

  async sources(): Promise<StoredSource[]> {
    const rows = await this.db.selectFrom('sources').selectAll().orderBy('created_at').execute();
    return rows.map(toSource);
  }

  async getSource(id: string): Promise<StoredSource | null> {
    const row = await this.db
      .selectFrom('sources')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toSource(row) : null;
  }

  async seenItems(sourceId: string, keys: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (const part of chunks([...new Set(keys)], IN_CHUNK)) {
      const rows = await this.db
        .selectFrom('source_items')
        .select('item_key')
        .where('source_id', '=', sourceId)
        .where('item_key', 'in', part)
        .execute();
      for (const r of rows) found.add(r.item_key);
    }
    return found;
  }

  async watches(): Promise<StoredWatch[]> {
    const rows = await this.db.selectFrom('watches').selectAll().orderBy('created_at').execute();
    return rows.map(toWatch);
  }

  async getWatch(id: string): Promise<StoredWatch | null> {
    const row = await this.db
      .selectFrom('watches')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toWatch(row) : null;
  }

  async tokens(): Promise<StoredToken[]> {
    const rows = await this.db.selectFrom('tokens').selectAll().orderBy('created_at').execute();
    return rows.map(toToken);
  }

  async tokenByHash(hash: string): Promise<StoredToken | null> {
    const row = await this.db
      .selectFrom('tokens')
      .selectAll()
      .where('hash', '=', hash)
      .executeTakeFirst();
    return row ? toToken(row) : null;
  }

  async corrections(eventId?: string): Promise<Correction[]> {
    let q = this.db.selectFrom('corrections').selectAll();
    if (eventId !== undefined) {
      q = q.where((eb) => eb.or([eb('from_event', '=', eventId), eb('to_event', '=', eventId)]));
    }
    const rows = await q.orderBy('id').execute();
    return rows.map((r) => ({
      id: Number(r.id),
      kind: r.kind as Correction['kind'],
      articleId: r.article_id,
      fromEvent: r.from_event,
      toEvent: r.to_event,
      by: r.by,
      at: r.at,
    }));
  }

  async changesAfter(seq: number, limit: number): Promise<Change[]> {
    const rows = await this.db
      .selectFrom('changes')
      .selectAll()
      .where('seq', '>', seq)
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map(toChange);
  }

  async recentChanges(
    filter: { watchId?: string; kinds?: readonly ChangeKind[] },
    limit: number,
  ): Promise<Change[]> {
    let q = this.db.selectFrom('changes').selectAll();
    if (filter.watchId !== undefined) q = q.where('watch_id', '=', filter.watchId);
    if (filter.kinds?.length) q = q.where('kind', 'in', [...filter.kinds]);
    const rows = await q.orderBy('seq', 'desc').limit(limit).execute();
    return rows.map(toChange);
  }

  async lastChangeSeq(): Promise<number> {
    const row = await this.db
      .selectFrom('changes')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirst();
    return Number(row?.seq ?? 0);
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
        fingerprint: a.fingerprint ?? null,
        duplicate_of: a.duplicateOf ?? null,
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
      type: e.eventType ?? null,
      country_codes: JSON.stringify(e.countryCodes ?? []),
      copies: e.copyCount ?? 0,
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

  async indexArticle(articleId: string, doc: SearchDoc): Promise<void> {
    const clean = (xs: readonly string[]) => [...new Set(xs)].filter((x) => x.trim() !== '');
    const terms = clean(doc.terms);
    const keys = clean(doc.keys);
    if (this.dialect === 'sqlite') {
      const row = await this.db
        .selectFrom('articles')
        .select('seq')
        .where('id', '=', articleId)
        .executeTakeFirstOrThrow();
      await sql`DELETE FROM search_index WHERE rowid = ${row.seq}`.execute(this.db);
      await sql`INSERT INTO search_index (rowid, terms, keys)
        VALUES (${row.seq}, ${terms.join(' ')}, ${keys.join(' ')})`.execute(this.db);
      return;
    }
    await sql`INSERT INTO search_index (article_seq, doc)
      SELECT seq, setweight(array_to_tsvector(CAST(${terms} AS text[])), 'B')
        || setweight(array_to_tsvector(CAST(${keys} AS text[])), 'A')
      FROM articles WHERE id = ${articleId}
      ON CONFLICT (article_seq) DO UPDATE SET doc = EXCLUDED.doc`.execute(this.db);
  }

  async moveArticle(articleId: string, toEvent: string): Promise<void> {
    await this.db
      .updateTable('articles')
      .set({ event_id: toEvent, pinned: 1 })
      .where('id', '=', articleId)
      .execute();
  }

  async deleteEvent(id: string): Promise<void> {
    await this.db.deleteFrom('events').where('id', '=', id).execute();
  }

  async recordCorrection(c: Omit<Correction, 'id'>): Promise<void> {
    await this.db
      .insertInto('corrections')
      .values({
        kind: c.kind,
        article_id: c.articleId,
        from_event: c.fromEvent,
        to_event: c.toEvent,
        by: c.by,
        at: c.at,
      })
      .execute();
  }

  async appendChange(c: Omit<Change, 'seq'>): Promise<void> {
    await this.db
      .insertInto('changes')
      .values({
        kind: c.kind,
        event_id: c.eventId,
        watch_id: c.watchId,
        at: c.at,
        data: JSON.stringify(c.data),
      })
      .execute();
  }

  async nextNumber(counter: 'source' | 'watch' | 'token'): Promise<number> {
    const row = await this.db
      .updateTable('counters')
      .set((eb) => ({ value: eb('value', '+', 1) }))
      .where('name', '=', counter)
      .returning('value')
      .executeTakeFirstOrThrow();
    return Number(row.value);
  }

  async addSource(s: StoredSource): Promise<void> {
    await this.db.insertInto('sources').values(sourceRow(s)).execute();
  }

  async updateSource(s: StoredSource): Promise<void> {
    const { id, ...rest } = sourceRow(s);
    await this.db.updateTable('sources').set(rest).where('id', '=', id).execute();
  }

  async removeSource(id: string): Promise<boolean> {
    await this.db.deleteFrom('source_items').where('source_id', '=', id).execute();
    const r = await this.db.deleteFrom('sources').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async markItemsSeen(sourceId: string, keys: readonly string[], at: string): Promise<void> {
    for (const part of chunks([...new Set(keys)], IN_CHUNK)) {
      await this.db
        .insertInto('source_items')
        .values(part.map((k) => ({ source_id: sourceId, item_key: k, seen_at: at })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  }

  async addWatch(w: StoredWatch): Promise<void> {
    await this.db
      .insertInto('watches')
      .values({
        id: w.id,
        name: w.name,
        query: w.query,
        entity: w.entity,
        country: w.country,
        type: w.type,
        language: w.language,
        webhook: w.webhook,
        created_at: w.createdAt,
        created_by: w.createdBy,
      })
      .execute();
  }

  async removeWatch(id: string): Promise<boolean> {
    const r = await this.db.deleteFrom('watches').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async addToken(t: StoredToken): Promise<void> {
    await this.db
      .insertInto('tokens')
      .values({
        id: t.id,
        name: t.name,
        role: t.role,
        hash: t.hash,
        created_at: t.createdAt,
        last_used: t.lastUsed,
      })
      .execute();
  }

  async removeToken(id: string): Promise<boolean> {
    const r = await this.db.deleteFrom('tokens').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async touchToken(id: string, at: string): Promise<void> {
    await this.db.updateTable('tokens').set({ last_used: at }).where('id', '=', id).execute();
  }
}

/** What a back end adds to the shared queries: how it opens, begins and checks. */
export abstract class SqlStore extends SqlReader implements Store {
  abstract readonly kind: StoreKind;
  abstract readonly location: string;
  /** The statement that opens a write transaction on this back end. */
  protected abstract readonly beginStatement: string;

  protected constructor(db: Kysely<Database>, dialect: StoreKind) {
    super(db, dialect);
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
    return this.run((conn) => fn(new SqlTx(conn, this.dialect)));
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
    // An index row without its article is damage; an article without its row is an upgraded
    // store the next writer has not filled in yet, which search only misses for now.
    const orphanIndex =
      this.dialect === 'sqlite'
        ? sql<{ n: number }>`SELECT COUNT(*) AS n FROM search_index
            WHERE rowid NOT IN (SELECT seq FROM articles)`
        : sql<{ n: number }>`SELECT COUNT(*) AS n FROM search_index s
            LEFT JOIN articles a ON a.seq = s.article_seq WHERE a.seq IS NULL`;
    const orphans2 = Number((await orphanIndex.execute(this.db)).rows[0]?.n ?? 0);
    if (orphans2 > 0) {
      problem('search-index', `${orphans2} search index row(s) of articles that are not stored`);
    }
    const unindexed = (await this.unindexedArticles(1_000_000)).length;
    const notes =
      unindexed > 0
        ? [
            `${unindexed} article(s) not in the search index yet: the next ingest or serve adds them`,
          ]
        : [];
    problems.push(...(await this.checkBackend()));
    const stats = await this.stats();
    return {
      schemaVersion: version,
      articles: stats.articles,
      events: stats.events,
      problems,
      notes,
    };
  }

  abstract lockWriter(): Promise<void>;

  /** Checks only this back end can make (index integrity and the like). */
  protected abstract checkBackend(): Promise<CheckProblem[]>;

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
