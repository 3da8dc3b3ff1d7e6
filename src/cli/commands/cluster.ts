import fs from 'node:fs';
import type { Command } from 'commander';
import { config } from '../../config.ts';
import { EXIT_REJECTED } from '../../errors.ts';
import { clusterArticles, streamOrder } from '../../eval/run.ts';
import { readFile } from '../../ingest/readers.ts';
import { say } from '../context.ts';
import { progress } from '../progress.ts';
import { reportRejections } from './ingest.ts';

export function register(program: Command): void {
  program
    .command('cluster')
    .description(
      'Batch mode for evaluation: cluster a JSON Lines file online (published order, undated ones in file ' +
        'order), exactly as ingest would, and write {"id", "event"} per input article. Unknown input fields, ' +
        'such as gold "event" labels, are ignored.',
    )
    .argument('<in>', 'input .jsonl')
    .requiredOption('--out <file>', 'predictions .jsonl to write')
    .option(
      '--db <store>',
      'store to use, a file or postgres:// URL (default: a fresh temporary store)',
    )
    .option('--quiet', 'no progress output')
    .action(async (input: string, opts: { out: string; db?: string; quiet?: boolean }) => {
      const batch = readFile(input);
      const order = streamOrder(batch.articles);
      const bar = progress({ quiet: opts.quiet });
      bar.grow(order.length);
      let run;
      try {
        run = await clusterArticles(order, {
          db: opts.db,
          workers: config.workers,
          onProgress: (n) => bar.update(n),
        });
      } finally {
        bar.stop();
      }
      const lines = batch.articles.map((a) =>
        JSON.stringify({ id: a.id, event: run.predictions.get(a.id) ?? null }),
      );
      fs.writeFileSync(opts.out, lines.join('\n') + (lines.length ? '\n' : ''));
      const rejected = [...batch.rejections, ...run.rejections];
      reportRejections(rejected);
      say(`clustered ${order.length} articles into ${opts.out}`);
      if (rejected.length > 0) process.exitCode = EXIT_REJECTED;
    });
}
