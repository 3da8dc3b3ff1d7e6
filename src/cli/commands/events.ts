import type { Command } from 'commander';
import { EVENT_TYPES } from '../../facts/types.ts';
import { listEventsView } from '../../query/index.ts';
import { eventFilters, type EventFilterInput } from '../../query/filters.ts';
import { Searcher } from '../../search/index.ts';
import type { SearchDoc } from '../../types.ts';
import { dbOption, out, withStore } from '../context.ts';
import { formatEventLine, json } from '../format.ts';
import { positiveNumber } from '../options.ts';

interface EventsOptions extends EventFilterInput {
  db: string;
  limit?: number;
  json?: boolean;
}

export function register(program: Command): void {
  dbOption(
    program
      .command('events')
      .description(
        'List events, newest first. Date filters compare the days the reports say their event happened; events no report dates are left out of them unless --undated.',
      )
      .option('--lang <code>', 'only events with a report in this language (ISO 639)')
      .option('--since <date>', 'only events that reach this day or later (YYYY-MM-DD)')
      .option('--until <date>', 'only events that start on this day or earlier (YYYY-MM-DD)')
      .option('--undated', 'with --since/--until, also the events no report dates')
      .option(
        '--country <code|name>',
        'only events naming this country: ISO code (KG) or a name in any language',
      )
      .option('--type <type>', `only events of this type: ${EVENT_TYPES.join(', ')}`)
      .option('--limit <n>', 'at most this many events (1 or more)', positiveNumber)
      .option('--json', 'print a JSON array (id, title, languages, articles, …)'),
  ).action((opts: EventsOptions) =>
    withStore(opts.db, async (store) => {
      // A country's name is read by the pipeline (loaded only when a name is given).
      let searcher: Searcher | null = null;
      const named = opts.country !== undefined && !/^[A-Za-z]{2}$/.test(opts.country.trim());
      if (named) searcher = await Searcher.open(store);
      const analyse = (text: string): SearchDoc =>
        searcher ? searcher.queryDoc(text) : { terms: [], keys: [] };
      const query = eventFilters(opts, analyse);
      const events = await listEventsView(store, { ...query, limit: opts.limit });
      if (opts.json) return out(json(events));
      if (events.length === 0) out('no events\n');
      for (const e of events) out(formatEventLine(e) + '\n\n');
    }),
  );
}
