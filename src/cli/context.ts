import type { Command } from 'commander';
import { config } from '../config.ts';
import { openStore, type Store } from '../store/index.ts';

/**
 * What every command file shares: the `--db` option and how a command opens its store.
 * Each command lives in its own file under src/cli/commands/ and exports `register(program)`.
 */

export interface DbOptions {
  db: string;
}

/** `--db FILE|postgres://…`, defaulting to $BABELWIRE_DB, then ./babelwire.db. */
export function dbOption(cmd: Command): Command {
  return cmd.option(
    '--db <store>',
    'the store: a SQLite file or a postgres:// URL (default $BABELWIRE_DB, else ./babelwire.db)',
    config.db,
  );
}

/**
 * Opens the store for one command and closes it after `fn`, also when `fn` fails. Reading
 * commands need the store to exist (`mustExist`); ingesting creates it.
 */
export async function withStore<T>(
  db: string,
  fn: (store: Store) => Promise<T>,
  options: { mustExist?: boolean } = { mustExist: true },
): Promise<T> {
  const store = await openStore(db, options);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Writes to stdout (one place, so tests and `| head` behave the same everywhere). */
export function out(text: string): void {
  process.stdout.write(text);
}

/** One line on stderr, prefixed like every message Babelwire prints. */
export function say(text: string): void {
  process.stderr.write(`babelwire: ${text}\n`);
}
