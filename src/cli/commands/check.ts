import type { Command } from 'commander';
import { BabelwireError } from '../../errors.ts';
import type { CheckReport } from '../../store/index.ts';
import { dbOption, out, withStore } from '../context.ts';
import { json } from '../format.ts';

function formatReport(r: CheckReport): string {
  const lines = [
    `schema    ${r.schemaVersion}`,
    `articles  ${r.articles}`,
    `events    ${r.events}`,
    `problems  ${r.problems.length || 'none'}`,
    ...r.problems.map((p) => `  ${p.check}: ${p.detail}`),
    ...r.notes.map((n) => `note: ${n}`),
  ];
  return lines.join('\n') + '\n';
}

export function register(program: Command): void {
  dbOption(
    program
      .command('check')
      .description(
        'Verify the store: every article in exactly one stored event, event counts, the event ' +
          'counter, the search index, the schema version and (SQLite) the file integrity. Exit code 1 when a ' +
          'problem is found, each named.',
      )
      .option('--json', 'print JSON (schemaVersion, articles, events, problems)'),
  ).action((opts: { db: string; json?: boolean }) =>
    withStore(opts.db, async (store) => {
      const report = await store.check();
      out(opts.json ? json(report) : formatReport(report));
      if (report.problems.length > 0) {
        throw new BabelwireError('E_STORE_CHECK', store.location, report.problems.length);
      }
    }),
  );
}
