import fs from 'node:fs';
import type { Command } from 'commander';
import { FACTS_DIR } from '../../config.ts';
import { BabelwireError } from '../../errors.ts';
import { evaluateFacts } from '../../facts/eval.ts';
import { noStore, out } from '../context.ts';
import { json } from '../format.ts';

export function register(program: Command): void {
  const cmd = program
    .command('eval-facts')
    .description(
      'Score the fact extractors on labelled sentences (figures, dates, name pairs, person vs ' +
        'organisation) and print precision and recall per set.',
    )
    .argument('[dir]', 'folder of labelled .jsonl sets', FACTS_DIR)
    .option('--json', 'print JSON')
    .action((dir: string, opts: { json?: boolean }) => {
      if (!fs.existsSync(dir)) throw new BabelwireError('E_NOT_FOUND', 'folder', dir);
      const results = evaluateFacts(dir);
      if (opts.json) return out(json(results));
      for (const r of results) {
        out(
          `${r.set.padEnd(28)} ${String(r.items).padStart(4)} items  P ${r.precision.toFixed(3)}  R ${r.recall.toFixed(3)}${r.detail ? `  (${r.detail})` : ''}\n`,
        );
      }
    });
  noStore(cmd);
}
