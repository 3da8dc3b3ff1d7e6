import type { Command } from 'commander';
import { DEMO_CORPUS } from '../../config.ts';
import { dbOption, out, say, withStore } from '../context.ts';
import { formatEventLine } from '../format.ts';
import { ingestPaths, reportRejections } from './ingest.ts';
import { serveOptions, serveStore, type ServeOptions } from './serve.ts';

export function register(program: Command): void {
  dbOption(
    serveOptions(
      program
        .command('demo')
        .description(
          'Ingest the bundled demo corpus (examples/demo/corpus.jsonl) and print the events found.',
        )
        .option('--quiet', 'no progress output')
        .option('--serve', 'then serve it (the web UI and the API), as `babelwire serve` does'),
    ),
  ).action(async (opts: { db: string; quiet?: boolean; serve?: boolean } & ServeOptions) => {
    const status = await withStore(
      opts.db,
      async (store) => {
        const { summary, status } = await ingestPaths(store, [DEMO_CORPUS], opts);
        reportRejections(summary.rejections);
        say(`${summary.added} added, ${summary.duplicates} already stored (${store.location})`);
        if (status >= 128) return status;
        const events = await store.listEvents();
        if (events.length === 0) out('no events\n');
        for (const e of events) out(formatEventLine(e) + '\n\n');
        if (opts.serve) return serveStore(store, opts);
        return status;
      },
      { mustExist: false },
    );
    if (status) process.exitCode = status;
  });
}
