import type { Command } from 'commander';
import { evalDuplicates } from '../../eval/duplicates.ts';
import { noStore, out } from '../context.ts';
import { json } from '../format.ts';

export function register(program: Command): void {
  noStore(
    program
      .command('eval-duplicates')
      .description(
        'Measure near-duplicate recognition: copies of the reports of labelled sets are made by editing, cutting and padding their texts (seeded), and each text of the stream is looked up among the earlier ones as the writer does; prints the precision of the links and the recall of the copies, per set and per way of copying.',
      )
      .argument(
        '<sets...>',
        'JSON Lines files of reports (gold "event" labels: a link across events is wrong)',
      )
      .option('--seed <n>', 'seed of the copies made', '1')
      .option('--json', 'print JSON'),
    'it compares fingerprints in memory',
  ).action((files: string[], opts: { seed: string; json?: boolean }) => {
    const s = evalDuplicates(files, Number(opts.seed));
    if (opts.json) {
      out(json(s));
      return;
    }
    const f = (x: number) => x.toFixed(3);
    out(
      `${s.reports} reports, ${s.copies} of them copies; ${s.links} links, ${s.right} right: precision ${f(s.precision)}, recall ${f(s.recall)}\n`,
    );
    out(`  links between two reports of different events: ${s.acrossEvents} (counted wrong)\n`);
    out(
      `  links between two reports of one event: ${s.betweenOriginals.length} (not labelled: the sets hold real republications)\n`,
    );
    for (const [set, r] of Object.entries(s.bySet))
      out(`  ${set}: recall ${f(r.recall)} (${r.found}/${r.copies})\n`);
    for (const [kind, r] of Object.entries(s.byKind))
      out(`  ${kind}: recall ${f(r.recall)} (${r.found}/${r.copies})\n`);
  });
}
