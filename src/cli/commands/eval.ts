import fs from 'node:fs';
import type { Command } from 'commander';
import { config } from '../../config.ts';
import { BabelwireError } from '../../errors.ts';
import { evaluate, type EvalResult } from '../../eval/run.ts';
import { noStore, out } from '../context.ts';
import { formatScores, json, mean } from '../format.ts';
import { wholeNumber } from '../options.ts';

/** `eval --json` for one file: the file-order scores, event dates, and the shuffled means. */
function evalJson(r: EvalResult) {
  const shuffled = r.shuffledOrders;
  return {
    file: r.file,
    ...r.fileOrder,
    eventDates: r.dates,
    shuffled: shuffled.length
      ? {
          orders: shuffled.length,
          bcubedF1Mean: mean(shuffled.map((s) => s.bcubed.f1)),
          pairwiseF1Mean: mean(shuffled.map((s) => s.pairwise.f1)),
          crossLingualRecallMean: mean(shuffled.map((s) => s.crossLingual.recall)),
          crossLingualPrecisionMean: mean(shuffled.map((s) => s.crossLingual.precision)),
          // A pair an order did not predict has recall and precision 1, as the scorer counts it.
          byLanguagePairMean: Object.fromEntries(
            Object.keys(r.fileOrder.byLanguagePair).map((pair) => [
              pair,
              {
                recall: mean(shuffled.map((s) => s.byLanguagePair[pair]?.recall ?? 1)),
                precision: mean(shuffled.map((s) => s.byLanguagePair[pair]?.precision ?? 1)),
              },
            ]),
          ),
        }
      : null,
  };
}

export function register(program: Command): void {
  const cmd = program
    .command('eval')
    .description(
      'Cluster a labelled JSON Lines file and print BCubed and pairwise precision/recall/F1, cross-lingual ' +
        'figures, pairwise recall and precision per language pair, and predicted vs gold event counts.',
    )
    .argument('<gold...>', 'labelled .jsonl files (gold "event"; null = singleton)')
    .option(
      '--orders <n>',
      'also run N seeded shuffled input orders and report the mean',
      wholeNumber,
      0,
    )
    .option('--json', 'print JSON')
    .action(async (files: string[], opts: { orders: number; json?: boolean }) => {
      // Every file is checked first: a typo in the last one should not cost the runs before it.
      for (const file of files) {
        if (!fs.existsSync(file)) throw new BabelwireError('E_NOT_FOUND', 'file', file);
      }
      const results: EvalResult[] = [];
      for (const file of files) {
        const r = await evaluate(file, { orders: opts.orders, workers: config.workers });
        results.push(r);
        if (opts.json) continue;
        // Printed as each file is done: a long run shows its progress.
        out(formatScores(file, r.fileOrder, r.shuffledOrders) + '\n');
        if (r.dates.events > 0) {
          out(
            `  event dates within ±3 days of gold publication: ${r.dates.withinThreeDays}/${r.dates.events} (${r.dates.share.toFixed(3)})\n`,
          );
        }
        out('\n');
      }
      if (opts.json) {
        const items = results.map(evalJson);
        out(json(items.length === 1 ? items[0] : items));
      }
    });
  noStore(cmd, 'it clusters in a temporary store of its own; "babelwire cluster --db" keeps one');
}
