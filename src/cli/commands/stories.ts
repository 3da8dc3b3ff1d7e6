import type { Command } from 'commander';
import { storiesView } from '../../query/index.ts';
import { dbOption, out, withStore } from '../context.ts';
import { json } from '../format.ts';

export function register(program: Command): void {
  dbOption(
    program
      .command('stories')
      .description(
        'Storylines: events that continue one another (shared actors and places, over days to years). ' +
          'A story is named after its first event (st-000011 starts with ev-000011), so its id stays ' +
          'the same as the store grows; events that belong to no story are not listed.',
      )
      .option('--json', 'print a JSON array (id, title, eventIds, firstDate, lastDate, keys)'),
  ).action((opts: { db: string; json?: boolean }) =>
    withStore(opts.db, async (store) => {
      const stories = await storiesView(store);
      if (opts.json) return out(json(stories));
      if (stories.length === 0) out('no stories (no events continue one another yet)\n');
      for (const s of stories) {
        const when = s.firstDate ? `${s.firstDate} – ${s.lastDate}` : 'undated';
        out(
          `${s.id}  ${s.title}\n    ${s.eventIds.length} events; ${when}; shared: ${s.keys.join(', ')}\n\n`,
        );
      }
    }),
  );
}
