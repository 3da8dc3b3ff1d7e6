import type { Command } from 'commander';
import { listEventsView, type EventQuery } from '../../query/index.ts';
import { dbOption, out, withStore } from '../context.ts';
import { formatEventLine, json } from '../format.ts';
import { isoDate, wholeNumber } from '../options.ts';

interface EventsOptions extends EventQuery {
  db: string;
  json?: boolean;
}

export function register(program: Command): void {
  dbOption(
    program
      .command('events')
      .description('List events, newest first.')
      .option('--lang <code>', 'only events with a report in this language (ISO 639-1)')
      .option('--since <date>', 'only events seen on or after this date (YYYY-MM-DD)', isoDate)
      .option('--limit <n>', 'at most this many events', wholeNumber)
      .option('--json', 'print a JSON array (id, title, languages, articles, …)'),
  ).action((opts: EventsOptions) =>
    withStore(opts.db, async (store) => {
      const events = await listEventsView(store, {
        lang: opts.lang,
        since: opts.since,
        limit: opts.limit,
      });
      if (opts.json) return out(json(events));
      if (events.length === 0) out('no events\n');
      for (const e of events) out(formatEventLine(e) + '\n\n');
    }),
  );
}
