import type { Command } from 'commander';
import { timelineView } from '../../query/index.ts';
import { dbOption, out, withStore } from '../context.ts';
import { dateSpan, figureRange, json } from '../format.ts';
import { seeAlso } from '../hints.ts';

export function register(program: Command): void {
  dbOption(
    program
      .command('timeline')
      .description("A story's events in date order, with their type and figures.")
      .argument('<story-id>')
      .option('--json', 'print JSON'),
  ).action((id: string, opts: { db: string; json?: boolean }) =>
    withStore(opts.db, async (store) => {
      const timeline = await timelineView(store, id).catch(seeAlso('babelwire stories'));
      if (opts.json) return out(json(timeline));
      out(`${timeline.id}  ${timeline.title}\n\n`);
      for (const event of timeline.events) {
        const figures = event.figures.map((f) => `${f.kind} ${figureRange(f)}`).join(', ');
        out(
          `${dateSpan(event).padEnd(24)} ${event.id}  ${event.title} [${event.languages.join(', ')}]\n`,
        );
        out(`${''.padEnd(24)} ${event.type.type}${figures ? '; ' + figures : ''}\n`);
      }
    }),
  );
}
