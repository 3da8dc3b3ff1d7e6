import type { Command } from 'commander';
import { addSource, lagSeconds, removeSource } from '../../service/sources.ts';
import { formatDuration, parseDuration } from '../../sources/index.ts';
import type { StoredSource } from '../../store/index.ts';
import { dbOption, out, say, withStore } from '../context.ts';
import { json } from '../format.ts';

function formatSource(s: StoredSource): string {
  const lag = lagSeconds(s);
  const state = s.lastError
    ? `failing (${s.failures}×): ${s.lastError}`
    : s.lastOk
      ? 'ok'
      : 'not read yet';
  return (
    `${s.id}  ${s.name}  ${s.url}\n` +
    `    every ${formatDuration(s.everySeconds)}; last fetch ${s.lastFetch ?? 'never'}; ${state}\n` +
    `    items seen ${s.itemsSeen}, stored ${s.itemsStored}; errors ${s.errors}` +
    (lag === null ? '' : `; lag ${formatDuration(Math.round(lag))}`) +
    (s.nextDue ? `; next ${s.nextDue}` : '')
  );
}

export function register(program: Command): void {
  const sources = program
    .command('sources')
    .description('News sources (RSS 2.0, Atom, JSON Feed) that `serve` and `poll` read.');
  dbOption(
    sources
      .command('add')
      .description('Add a source.')
      .argument('<url>', 'the feed address')
      .option(
        '--name <name>',
        "shown in lists and stored as each report's source (default: the host)",
      )
      .option('--every <duration>', 'how often to read it: 90s, 10m, 1h, 1d', '10m'),
  ).action((url: string, opts: { db: string; name?: string; every: string }) =>
    withStore(
      opts.db,
      async (store) => {
        const s = await addSource(store, url, {
          name: opts.name,
          everySeconds: parseDuration(opts.every),
        });
        say(`added ${s.id} (${s.name}), read every ${formatDuration(s.everySeconds)}`);
      },
      { mustExist: false },
    ),
  );
  dbOption(
    sources
      .command('list')
      .description('Sources with their state: last fetch, items seen and stored, errors, lag.')
      .option('--json', 'print a JSON array'),
  ).action((opts: { db: string; json?: boolean }) =>
    withStore(opts.db, async (store) => {
      const list = await store.sources();
      if (opts.json) return out(json(list.map((s) => ({ ...s, lagSeconds: lagSeconds(s) }))));
      if (list.length === 0) out('no sources: add one with "babelwire sources add URL"\n');
      for (const s of list) out(formatSource(s) + '\n\n');
    }),
  );
  dbOption(
    sources.command('remove').description('Remove a source.').argument('<id>', 'e.g. src-1'),
  ).action((id: string, opts: { db: string }) =>
    withStore(opts.db, async (store) => {
      await removeSource(store, id);
      say(`removed ${id}`);
    }),
  );
}
