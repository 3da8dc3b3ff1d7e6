import { Option, type Command } from 'commander';
import { config } from '../config.ts';
import { BabelwireError } from '../errors.ts';
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
 * For the commands that touch no store (`packs`, `eval`, `eval-facts`): their `--help` says so,
 * and a `--db` given out of habit is refused with that message (exit 1), not ignored, so no one
 * believes a store was used, and not commander's bare "unknown option '--db'". Call it after the
 * subcommands are defined: `packs list --db x` is refused the same way.
 */
export function noStore(cmd: Command, why = ''): Command {
  const name = cmd.name();
  const note = `\n${name} touches no store: it takes no --db${why ? ` (${why})` : ''}.`;
  for (const c of [cmd, ...cmd.commands]) c.addHelpText('after', note);
  return cmd.addOption(new Option('--db <store>').hideHelp()).hook('preAction', (self) => {
    if (self.opts().db !== undefined) {
      throw new BabelwireError('E_NO_DB', name, why ? ` (${why})` : '');
    }
  });
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
