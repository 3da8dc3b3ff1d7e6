import path from 'node:path';
import type { Command } from 'commander';
import { ROOT } from '../../config.ts';
import { evalStories, readStoryLabels } from '../../eval/stories.ts';
import { noStore, out } from '../context.ts';
import { json } from '../format.ts';

const LABELS = path.join(ROOT, 'examples', 'stories', 'stories.jsonl');

export function register(program: Command): void {
  noStore(
    program
      .command('eval-stories')
      .description(
        'Measure storylines on labelled sets: BCubed of the stories built over each set against the hand-labelled stories (examples/stories/), and the share of the events the largest story holds.',
      )
      .argument(
        '<gold...>',
        'JSON Lines files with event labels (a set is named by its file name: vims-dev, itn-dev, …; corpus.jsonl is the demo)',
      )
      .option('--labels <file>', 'the story labels', LABELS)
      .option('--json', 'print JSON'),
    'it stores each set in a temporary store',
  ).action(async (files: string[], opts: { labels: string; json?: boolean }) => {
    const labels = readStoryLabels(opts.labels);
    const all = [];
    for (const file of files) {
      const base = path.basename(file, '.jsonl');
      const set = base === 'corpus' ? 'demo' : base;
      const s = await evalStories(file, labels, set);
      all.push({ file, set, ...s });
      if (!opts.json) {
        out(
          `${set}: ${s.events} events; story BCubed P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}; pairs P ${s.pairPrecision.toFixed(3)} R ${s.pairRecall.toFixed(3)}; ${s.stories} stories, the largest holds ${(100 * s.largestShare).toFixed(1)}% of the events\n`,
        );
      }
    }
    if (opts.json) out(json(all));
  });
}
