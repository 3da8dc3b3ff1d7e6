import type { Command } from 'commander';
import { checkDate, isLanguageCode } from '../../query/filters.ts';
import { Searcher, type SearchKind } from '../../search/index.ts';
import { BabelwireError } from '../../errors.ts';
import { dbOption, out, withStore } from '../context.ts';
import { json } from '../format.ts';
import { positiveNumber } from '../options.ts';

interface SearchOptions {
  db: string;
  type: string;
  lang?: string;
  since?: string;
  until?: string;
  limit: number;
  json?: boolean;
}

export function register(program: Command): void {
  dbOption(
    program
      .command('search')
      .description(
        'Search reports (or events) in every language: a query in one language finds reports in the others.',
      )
      .argument('<query...>', 'words in any language; a name in any script')
      .option('--type <kind>', 'article or event', 'article')
      .option('--lang <code>', 'only results in this language')
      .option('--since <date>', 'only reports of this day or later (YYYY-MM-DD)')
      .option('--until <date>', 'only reports of this day or earlier')
      .option('--limit <n>', 'at most this many results', positiveNumber, 20)
      .option(
        '--json',
        'print JSON: {"results": [{type, id, event, lang, title, score, snippet}]}',
      ),
  ).action((words: string[], opts: SearchOptions) =>
    withStore(opts.db, async (store) => {
      if (opts.type !== 'article' && opts.type !== 'event') {
        throw new BabelwireError('E_CHOICE', 'type', opts.type, 'article, event');
      }
      if (opts.lang !== undefined && !isLanguageCode(opts.lang)) {
        throw new BabelwireError(
          'E_USAGE',
          `--lang must be an ISO 639 language code, not "${opts.lang}"`,
        );
      }
      const searcher = await Searcher.open(store);
      const results = await searcher.search(words.join(' '), {
        type: opts.type as SearchKind,
        lang: opts.lang,
        since: opts.since === undefined ? undefined : checkDate(opts.since, '--since'),
        until: opts.until === undefined ? undefined : checkDate(opts.until, '--until'),
        limit: opts.limit,
      });
      if (opts.json) return out(json({ results }));
      if (results.length === 0) out('no results\n');
      for (const r of results) {
        out(
          `${r.score.toFixed(2).padStart(6)}  [${r.lang}] ${r.id}${r.type === 'article' ? ` (${r.event})` : ''}  ${r.title}\n`,
        );
        if (r.snippet && r.snippet !== r.title) out(`        ${r.snippet}\n`);
      }
    }),
  );
}
