import type { Command } from 'commander';
import { restoreStore } from '../../store/index.ts';
import { dbOption, say } from '../context.ts';

export function register(program: Command): void {
  dbOption(
    program
      .command('restore')
      .description(
        'Replace the SQLite store with the backup FILE (made by "babelwire backup"), after ' +
          'checking that FILE is a store this Babelwire reads; an older one is upgraded. Nothing ' +
          'may have the store open meanwhile. A PostgreSQL store is restored with pg_restore.',
      )
      .argument('<file>', 'the backup to restore'),
  ).action(async (file: string, opts: { db: string }) => {
    // Not through withStore: the target is replaced, so it must not be held open here.
    await restoreStore(file, opts.db);
    say(`restored ${opts.db} from ${file}`);
  });
}
