import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase } from './kysely.ts';
import { BabelwireError } from '../errors.ts';
import type { Database as Tables } from './schema.ts';
import { SCHEMA_VERSION } from './migrations.ts';
import { SqlStore } from './sql-store.ts';
import type { CheckProblem } from './types.ts';

/** Distinct statements kept prepared (IN lists of every length make the set open-ended). */
const STATEMENT_CACHE = 256;

/**
 * The database as Kysely sees it, with each distinct SQL text prepared once: Kysely asks for
 * a new prepared statement on every query, and preparing was a tenth of the writer's time.
 * better-sqlite3 statements are reusable, and one connection runs one query at a time.
 */
function preparedOnce(db: Database.Database): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => db.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (stmt) {
        // Least recently used goes first: Map order is insertion order.
        cache.delete(sql);
      } else {
        stmt = db.prepare(sql);
        if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, stmt);
      return stmt;
    },
  };
}

/**
 * The embedded default store: one SQLite file in WAL mode (better-sqlite3), so readers in
 * other processes see the last commit while an ingest writes the next one.
 */
export class SqliteStore extends SqlStore {
  readonly kind = 'sqlite' as const;
  readonly location: string;
  protected readonly beginStatement = 'BEGIN IMMEDIATE';
  private readonly sqlite: Database.Database;

  private constructor(file: string, sqlite: Database.Database) {
    super(
      new Kysely<Tables>({ dialect: new SqliteDialect({ database: preparedOnce(sqlite) }) }),
      'sqlite',
    );
    this.location = file;
    this.sqlite = sqlite;
  }

  /** Opens (creating or upgrading) the store in `file`. */
  static async open(file: string): Promise<SqliteStore> {
    let sqlite: Database.Database;
    try {
      const dir = path.dirname(path.resolve(file));
      if (!fs.existsSync(dir)) throw new Error(`no folder ${dir}`);
      sqlite = new Database(file);
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('synchronous = NORMAL');
      sqlite.pragma('foreign_keys = ON');
      // Another process holding the write lock is waited for, not failed on.
      sqlite.pragma('busy_timeout = 10000');
    } catch (e) {
      throw new BabelwireError('E_STORE_OPEN', file, (e as Error).message);
    }
    return new SqliteStore(file, sqlite).ready(file);
  }

  private lockFile: string | null = null;

  /**
   * The writer lock is a file beside the store (`FILE-writer`) naming the process that holds
   * it. A process that died without removing it (kill -9) is noticed and its lock taken over.
   */
  async lockWriter(): Promise<void> {
    if (this.lockFile !== null || this.location === ':memory:') return;
    const file = `${this.location}-writer`;
    const mine = JSON.stringify({
      pid: process.pid,
      host: os.hostname(),
      since: new Date().toISOString(),
    });
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        fs.writeFileSync(file, mine, { flag: 'wx' });
        this.lockFile = file;
        return;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
          throw new BabelwireError('E_STORE_WRITE', file, (e as Error).message);
        }
      }
      const holder = readLock(file);
      if (holder && holderAlive(holder)) {
        throw new BabelwireError(
          'E_STORE_BUSY',
          this.location,
          `process ${holder.pid} on ${holder.host} since ${holder.since}`,
        );
      }
      fs.rmSync(file, { force: true });
    }
    throw new BabelwireError('E_STORE_BUSY', this.location, 'its writer lock keeps coming back');
  }

  override async close(): Promise<void> {
    if (this.lockFile !== null) {
      const holder = readLock(this.lockFile);
      if (holder?.pid === process.pid) fs.rmSync(this.lockFile, { force: true });
      this.lockFile = null;
    }
    await super.close();
  }

  protected override translate(e: unknown): unknown {
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_BUSY')
      return new BabelwireError('E_STORE_BUSY', this.location, 'database is locked');
    if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR' || code === 'SQLITE_READONLY') {
      return new BabelwireError('E_STORE_WRITE', this.location, (e as Error).message);
    }
    return e;
  }

  protected async checkBackend(): Promise<CheckProblem[]> {
    const result = this.sqlite.pragma('integrity_check') as { integrity_check: string }[];
    return result
      .filter((r) => r.integrity_check !== 'ok')
      .map((r) => ({ check: 'sqlite-integrity', detail: r.integrity_check }));
  }

  /**
   * Copies the store to `file` with SQLite's online backup: consistent even while an ingest
   * writes, page by page.
   */
  async backup(file: string): Promise<void> {
    try {
      await this.sqlite.backup(file);
    } catch (e) {
      throw new BabelwireError('E_STORE_WRITE', file, (e as Error).message);
    }
  }
}

/**
 * Replaces the store in `target` with the backup in `source`, after checking that the backup
 * is a Babelwire store this code can read. Nothing may have the target open.
 */
export async function restoreSqlite(source: string, target: string): Promise<void> {
  if (!fs.existsSync(source)) throw new BabelwireError('E_NOT_FOUND', 'backup', source);
  let src: Database.Database;
  try {
    src = new Database(source, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new BabelwireError('E_STORE_OPEN', source, (e as Error).message);
  }
  const tmp = `${target}.restore-${process.pid}`;
  try {
    let version: number;
    try {
      version = backupVersion(src, source);
    } catch (e) {
      if (e instanceof BabelwireError) throw e;
      throw new BabelwireError('E_STORE_OPEN', source, (e as Error).message);
    }
    if (version > SCHEMA_VERSION) {
      throw new BabelwireError('E_STORE_NEWER', source, String(version), SCHEMA_VERSION);
    }
    await src.backup(tmp);
  } finally {
    src.close();
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
  fs.renameSync(tmp, target);
  // Upgrades a backup made by an older release, and proves the result opens.
  await (await SqliteStore.open(target)).close();
}

/** The schema version of a file that should be a Babelwire store (read-only). */
function backupVersion(db: Database.Database, file: string): number {
  const tables = new Set(
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[],
  );
  if (!tables.has('articles') || !tables.has('events')) {
    throw new BabelwireError(
      'E_STORE_OPEN',
      file,
      'not a Babelwire store (no articles or events table)',
    );
  }
  if (tables.has('schema_version')) {
    const v = db.prepare('SELECT MAX(version) FROM schema_version').pluck().get();
    if (v !== null && v !== undefined) return Number(v);
  }
  const legacy = tables.has('meta')
    ? db.prepare("SELECT value FROM meta WHERE key = 'schema'").pluck().get()
    : undefined;
  return legacy === undefined ? 0 : Number(legacy);
}

interface LockHolder {
  pid: number;
  host: string;
  since: string;
}

function readLock(file: string): LockHolder | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockHolder;
  } catch {
    return null; // gone, or half written by a process that died: not held
  }
}

/** Whether the process holding a lock still runs (another host's lock is assumed held). */
function holderAlive(holder: LockHolder): boolean {
  if (holder.host !== os.hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
