import type { Command } from 'commander';
import { BabelwireError } from '../../errors.ts';
import { EVENT_TYPES } from '../../facts/types.ts';
import { validateWatch } from '../../service/watches.ts';
import type { StoredWatch } from '../../store/index.ts';
import { dbOption, out, say, withStore } from '../context.ts';
import { json } from '../format.ts';

function formatWatch(w: StoredWatch): string {
  const what = (
    [
      ['query', w.query],
      ['entity', w.entity],
      ['country', w.country],
      ['type', w.type],
      ['language', w.language],
      ['webhook', w.webhook],
    ] as const
  )
    .filter(([, v]) => v)
    .map(([k, v]) => `${k} ${JSON.stringify(v)}`);
  return `${w.id}${w.name ? `  ${w.name}` : ''}  ${what.join(', ')}  (since ${w.createdAt})`;
}

interface AddOptions {
  db: string;
  name?: string;
  query?: string;
  entity?: string;
  country?: string;
  type?: string;
  language?: string;
  webhook?: string;
}

export function register(program: Command): void {
  const watches = program
    .command('watches')
    .description(
      "Standing queries: new and updated events that match are announced on the live stream, in the watch's feed and to its webhook (by `serve`).",
    );
  dbOption(
    watches
      .command('add')
      .description('Add a watch (any of the criteria; all given must hold).')
      .option('--name <name>', 'a label')
      .option('--query <words>', 'words in any language')
      .option('--entity <name>', 'a person, place or organisation, in any script')
      .option('--country <code|name>', 'ISO 3166 code or a name')
      .option('--type <type>', `one of: ${EVENT_TYPES.join(', ')}`)
      .option('--language <code>', 'events with a report in this language')
      .option('--webhook <url>', 'POST each match here as JSON'),
  ).action((opts: AddOptions) =>
    withStore(
      opts.db,
      async (store) => {
        const input = {
          name: opts.name ?? null,
          query: opts.query ?? null,
          entity: opts.entity ?? null,
          country: opts.country ?? null,
          type: opts.type ?? null,
          language: opts.language ?? null,
          webhook: opts.webhook ?? null,
        };
        validateWatch(input);
        const w = await store.transaction(async (tx) => {
          const watch: StoredWatch = {
            id: `w-${await tx.nextNumber('watch')}`,
            ...input,
            createdAt: new Date().toISOString(),
            createdBy: 'cli',
          };
          await tx.addWatch(watch);
          return watch;
        });
        say(`added ${formatWatch(w)}`);
      },
      { mustExist: false },
    ),
  );
  dbOption(
    watches.command('list').description('The watches.').option('--json', 'print a JSON array'),
  ).action((opts: { db: string; json?: boolean }) =>
    withStore(opts.db, async (store) => {
      const list = await store.watches();
      if (opts.json) return out(json(list));
      if (list.length === 0) out('no watches\n');
      for (const w of list) out(formatWatch(w) + '\n');
    }),
  );
  dbOption(
    watches.command('remove').description('Remove a watch.').argument('<id>', 'e.g. w-1'),
  ).action((id: string, opts: { db: string }) =>
    withStore(opts.db, async (store) => {
      const removed = await store.transaction((tx) => tx.removeWatch(id));
      if (!removed) throw new BabelwireError('E_NOT_FOUND', 'watch', id);
      say(`removed ${id}`);
    }),
  );
}
