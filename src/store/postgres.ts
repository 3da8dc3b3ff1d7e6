import { Kysely, PostgresDialect } from './kysely.ts';
import pg from 'pg';
import { BabelwireError } from '../errors.ts';
import type { Database } from './schema.ts';
import { SqlStore } from './sql-store.ts';
import type { CheckProblem } from './types.ts';

/** `postgres://user:secret@host/db` shown as `postgres://user@host/db`. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

/** Host and port a URL points at, for the one message an unreachable server gets. */
function hostPort(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || 'localhost'}:${u.port || '5432'}`;
  } catch {
    return url;
  }
}

/** Advisory lock keys (any 64-bit numbers, fixed for Babelwire). */
const MIGRATION_LOCK = 0x6277_0001;
const WRITER_LOCK = 0x6277_0002;

/** Errors that mean "no server there", as opposed to a server that refused us. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ETIMEDOUT',
  'EAI_AGAIN',
]);

/**
 * The shared store: PostgreSQL through `pg`. The same queries as SQLite (src/store/sql-store.ts);
 * several processes may read while one writes.
 */
export class PostgresStore extends SqlStore {
  readonly kind = 'postgres' as const;
  readonly location: string;
  protected readonly beginStatement = 'BEGIN';
  /** Held to the end of each migration step's transaction. */
  protected override readonly migrationLock = `SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`;
  private readonly pool: pg.Pool;

  private constructor(url: string, pool: pg.Pool) {
    super(new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), 'postgres');
    this.location = redactUrl(url);
    this.pool = pool;
  }

  static async open(url: string): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 5000 });
    // An idle client that loses its server must not bring the process down.
    pool.on('error', () => undefined);
    try {
      const client = await pool.connect();
      client.release();
    } catch (e) {
      await pool.end().catch(() => undefined);
      const code = (e as NodeJS.ErrnoException).code ?? '';
      if (UNREACHABLE.has(code) || /timeout/i.test((e as Error).message)) {
        throw new BabelwireError(
          'E_STORE_UNREACHABLE',
          hostPort(url),
          code || (e as Error).message,
        );
      }
      throw new BabelwireError('E_STORE_OPEN', redactUrl(url), (e as Error).message);
    }
    return new PostgresStore(url, pool).ready(redactUrl(url));
  }

  /** The connection that holds the writer lock (a session advisory lock) while we write. */
  private lockClient: pg.PoolClient | null = null;

  async lockWriter(): Promise<void> {
    if (this.lockClient !== null) return;
    const client = await this.pool.connect();
    const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [
      WRITER_LOCK,
    ]);
    if (!rows[0]?.ok) {
      const holder = await client.query<{ pid: number; since: string | null }>(
        `SELECT l.pid, a.backend_start::text AS since FROM pg_locks l
         LEFT JOIN pg_stat_activity a ON a.pid = l.pid
         WHERE l.locktype = 'advisory' AND l.objid = $1 AND l.granted AND l.database = (
           SELECT oid FROM pg_database WHERE datname = current_database())`,
        [WRITER_LOCK],
      );
      client.release();
      const h = holder.rows[0];
      throw new BabelwireError(
        'E_STORE_BUSY',
        this.location,
        h ? `server process ${h.pid}, connected since ${h.since ?? '?'}` : 'another connection',
      );
    }
    // The lock goes with the connection: a writer that dies loses it with its connection.
    this.lockClient = client;
  }

  override async close(): Promise<void> {
    if (this.lockClient !== null) {
      await this.lockClient
        .query('SELECT pg_advisory_unlock($1)', [WRITER_LOCK])
        .catch(() => undefined);
      this.lockClient.release();
      this.lockClient = null;
    }
    await super.close();
  }

  protected async checkBackend(): Promise<CheckProblem[]> {
    const invalid = await this.pool.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND NOT i.indisvalid`,
    );
    return invalid.rows.map((r) => ({
      check: 'postgres-index',
      detail: `index ${r.name} is invalid`,
    }));
  }
}
