import type { Command } from 'commander';
import { evalSearch } from '../../eval/search.ts';
import { noStore, out } from '../context.ts';
import { json } from '../format.ts';
import { positiveNumber } from '../options.ts';

export function register(program: Command): void {
  noStore(
    program
      .command('eval-search')
      .description(
        "Measure search across languages on labelled sets: each title is a query; recall@k of its event's reports in other languages, per query language, and how often the article ranks first.",
      )
      .argument('<gold...>', 'JSON Lines files with id, lang, title, text, event')
      .option('--k <n>', 'results looked at per query', positiveNumber, 20)
      .option('--json', 'print JSON'),
    'it stores each set in a temporary store',
  ).action(async (files: string[], opts: { k: number; json?: boolean }) => {
    const all = [];
    for (const file of files) {
      const s = await evalSearch(file, { k: opts.k });
      all.push({ file, ...s });
      if (opts.json) continue;
      out(
        `${file}: ${s.queries} queries; recall@${s.k} ${s.recall.toFixed(3)}; self first ${s.selfFirst.toFixed(3)}\n`,
      );
      for (const [lang, x] of Object.entries(s.byLang)) {
        out(
          `  ${lang}  ${String(x.queries).padStart(4)} queries  recall ${x.recall.toFixed(3)}  self first ${x.selfFirst.toFixed(3)}\n`,
        );
      }
    }
    if (opts.json) out(json(all));
  });
}
