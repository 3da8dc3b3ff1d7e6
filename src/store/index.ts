import fs from 'node:fs';
import { BabelwireError } from '../errors.ts';
import type { Store } from './types.ts';

export type {
  Change,
  ChangeKind,
  CheckReport,
  ClusterRow,
  ClusterRowFilter,
  FingerprintRow,
  Correction,
  EventCursor,
  EventQuery,
  ListedEvent,
  SearchDoc,
  SearchFilter,
  SearchHit,
  StoredSource,
  StoredToken,
  StoredWatch,
  TokenRole,
  Store,
  StoreReader,
  StoreStats,
  StoreTx,
  StoredEvent,
  StoredRejection,
} from './types.ts';
export { eventIdFor } from './types.ts';

/** True for a `postgres://` or `postgresql://` location. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/**
 * Opens the store at `location`: a `postgres://…` URL or a SQLite file. The back ends load
 * only when used, so a SQLite user never loads `pg`. With `mustExist`, a SQLite file that is
 * not there is an error (reading commands), instead of a new empty store (ingest).
 */
export async function openStore(
  location: string,
  options: { mustExist?: boolean } = {},
): Promise<Store> {
  if (isPostgresUrl(location)) {
    const { PostgresStore } = await import('./postgres.ts');
    return PostgresStore.open(location);
  }
  if (options.mustExist && !fs.existsSync(location)) {
    throw new BabelwireError('E_NO_STORE', location);
  }
  const { SqliteStore } = await import('./sqlite.ts');
  return SqliteStore.open(location);
}

/** Copies a store to a file with SQLite's online backup (PostgreSQL: use pg_dump). */
export async function backupStore(store: Store, file: string): Promise<void> {
  if (store.kind !== 'sqlite') throw new BabelwireError('E_BACKUP_PG', store.location);
  const { SqliteStore } = await import('./sqlite.ts');
  if (!(store instanceof SqliteStore)) throw new BabelwireError('E_BACKUP_PG', store.location);
  await store.backup(file);
}

/** Replaces the SQLite store `target` with the backup `source`. */
export async function restoreStore(source: string, target: string): Promise<void> {
  if (isPostgresUrl(target)) {
    const { redactUrl } = await import('./postgres.ts');
    throw new BabelwireError('E_BACKUP_PG', redactUrl(target));
  }
  const { restoreSqlite } = await import('./sqlite.ts');
  await restoreSqlite(source, target);
}
