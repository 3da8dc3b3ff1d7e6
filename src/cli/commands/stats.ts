import type { Command } from 'commander';
import { config } from '../../config.ts';
import { statsView } from '../../query/index.ts';
import { dbOption, out, withStore } from '../context.ts';
import { json } from '../format.ts';

export function register(program: Command): void {
  dbOption(
    program
      .command('stats')
      .description('Counts of articles, events, languages and rejected inputs.')
      .option('--json', 'print JSON'),
  ).action((opts: { db: string; json?: boolean }) =>
    withStore(opts.db, async (store) => {
      const s = await statsView(store);
      if (opts.json) return out(json(s));
      const langs = Object.entries(s.languages)
        .map(([l, n]) => `${l} ${n}`)
        .join(', ');
      // The command that lists them, on the same store.
      const db = opts.db === config.db ? '' : ` --db ${store.location}`;
      const see = s.rejected > 0 ? ` (see "babelwire rejections${db}")` : '';
      out(
        `articles  ${s.articles}\nevents    ${s.events}\nlanguages ${Object.keys(s.languages).length} (${langs})\nrejected  ${s.rejected}${see}\n`,
      );
    }),
  );
}
