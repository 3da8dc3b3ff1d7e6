import type { Command } from 'commander';
import { EXIT_REJECTED } from '../../errors.ts';
import { Engine } from '../../ingest/index.ts';
import { pollRound } from '../../service/sources.ts';
import { dbOption, out, say, withStore } from '../context.ts';
import { json } from '../format.ts';

export function register(program: Command): void {
  dbOption(
    program
      .command('poll')
      .description(
        'Read the news sources that are due once, ingest what is new, and exit (for cron); ' +
          'exit code 2 when a source failed.',
      )
      .option('--all', 'read every source now, whatever its schedule')
      .option('--json', 'print one JSON object per source read'),
  ).action(async (opts: { db: string; all?: boolean; json?: boolean }) => {
    const failed = await withStore(
      opts.db,
      async (store) => {
        const engine = await Engine.open(store);
        const reports = await pollRound(
          store,
          async (inputs) => {
            const s = await engine.ingest(inputs, {
              commitEvery: Number.POSITIVE_INFINITY,
              commitMs: Number.POSITIVE_INFINITY,
            });
            return { added: s.added, duplicates: s.duplicates, rejected: s.rejected };
          },
          {},
          { all: opts.all },
        );
        for (const r of reports) {
          if (opts.json) {
            out(
              json({
                source: r.source.id,
                status: r.status,
                stored: r.stored,
                duplicates: r.duplicates,
                rejected: r.rejected,
                error: r.source.lastError,
                notes: r.notes,
              }).trimEnd() + '\n',
            );
            continue;
          }
          const what =
            r.status === 'failed'
              ? `failed: ${r.source.lastError}`
              : r.status === 'not-modified'
                ? 'not modified'
                : `${r.stored} new, ${r.duplicates} already stored, ${r.rejected} rejected`;
          say(`${r.source.id} ${r.source.name}: ${what}`);
          for (const n of r.notes) say(`  ${n}`);
        }
        if (reports.length === 0) say('no source is due (use --all to read them all now)');
        return reports.some((r) => r.status === 'failed');
      },
      { mustExist: false },
    );
    if (failed) process.exitCode = EXIT_REJECTED;
  });
}
