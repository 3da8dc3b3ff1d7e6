import type { Command } from 'commander';
import { BabelwireError } from '../../errors.ts';
import { Engine } from '../../ingest/index.ts';
import { dbOption, say, withStore } from '../context.ts';
import { by } from './merge.ts';

/** `move`: see merge.ts. */
export function register(program: Command): void {
  dbOption(
    program
      .command('move')
      .description(
        'Move a report into another event (--to), or out into a new event of its own (--new).',
      )
      .argument('<article>', 'the report')
      .option('--to <event>', 'the event it belongs to')
      .option('--new', 'into a new event of its own'),
  ).action((article: string, opts: { db: string; to?: string; new?: boolean }) =>
    withStore(opts.db, async (store) => {
      if (!opts.to === !opts.new) {
        throw new BabelwireError('E_USAGE', 'give either --to EVENT or --new');
      }
      const engine = await Engine.open(store);
      const r = await engine.writer.move(article, opts.to ?? null, by());
      say(
        `moved ${article} from ${r.fromEvent} to ${r.eventId}${r.fromGone ? ` (${r.fromEvent} is now empty and gone)` : ''}`,
      );
    }),
  );
}
