import type { Command } from 'commander';
import { eventView } from '../../query/index.ts';
import { dbOption, out, withStore } from '../context.ts';
import { formatEvent, json } from '../format.ts';
import { seeAlso } from '../hints.ts';

export function register(program: Command): void {
  dbOption(
    program
      .command('show')
      .description(
        'Show one event: title, summary (sentences from the most central reports, each cited), ' +
          'type with its cue, figures with the range across reports, names, countries, dates, and ' +
          'all its reports in every language. JSON schema: schema/event.schema.json.',
      )
      .argument('<event-id>')
      .option('--lang <code>', 'title and summary in this language when a report in it exists')
      .option('--json', 'print JSON'),
  ).action((id: string, opts: { db: string; json?: boolean; lang?: string }) =>
    withStore(opts.db, async (store) => {
      const view = await eventView(store, id, { lang: opts.lang }).catch(
        seeAlso('babelwire events'),
      );
      out(opts.json ? json(view) : formatEvent(view) + '\n');
    }),
  );
}
