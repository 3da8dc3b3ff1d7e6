import path from 'node:path';
import type { Command } from 'commander';
import { BabelwireError } from '../../errors.ts';
import { backupStore } from '../../store/index.ts';
import { dbOption, say, withStore } from '../context.ts';

export function register(program: Command): void {
  dbOption(
    program
      .command('backup')
      .description(
        'Copy a SQLite store to FILE with SQLite online backup: consistent even while an ingest ' +
          'writes. A PostgreSQL store is backed up with pg_dump.',
      )
      .argument('<file>', 'the backup file to write (replaced if it exists)'),
  ).action((file: string, opts: { db: string }) =>
    withStore(opts.db, async (store) => {
      // Backing up onto the store's own file would destroy it while it is being read.
      if (store.kind === 'sqlite' && path.resolve(file) === path.resolve(store.location)) {
        throw new BabelwireError('E_SAME_FILE', file);
      }
      await backupStore(store, file);
      say(`backed up ${store.location} to ${file}`);
    }),
  );
}
