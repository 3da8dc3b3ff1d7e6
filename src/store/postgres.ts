import { Kysely, PostgresDialect } from 'kysely';
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
  private readonly pool: pg.Pool;

  private constructor(url: string, pool: pg.Pool) {
    super(new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }));
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
    const store = new PostgresStore(url, pool);
    try {
      await store.migrate();
    } catch (e) {
      await store.close();
      throw e instanceof BabelwireError
        ? e
        : new BabelwireError('E_STORE_OPEN', redactUrl(url), (e as Error).message);
    }
    return store;
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
