import fs from 'node:fs';
import type { Command } from 'commander';
import { FACTS_DIR } from '../../config.ts';
import { BabelwireError } from '../../errors.ts';
import { evaluateFacts } from '../../facts/eval.ts';
import {
  BENCHMARKS_DIR,
  evalTypes,
  formatTypeScores,
  TYPES_LABELS,
  type TypesEvaluation,
} from '../../eval/types.ts';
import { noStore, out, say } from '../context.ts';
import { json } from '../format.ts';

interface Options {
  json?: boolean;
  types: string | false;
  benchmarks: string;
  errors?: boolean;
}

export function register(program: Command): void {
  const cmd = program
    .command('eval-facts')
    .description(
      'Score the fact extractors on labelled sentences (figures, dates, name pairs, person vs ' +
        'organisation) and reports (the names their entity list shows) and print precision ' +
        'and recall per set; then the event types of the ' +
        'labelled gold events (examples/types/), per split: precision, recall and F1 per type, ' +
        'macro-F1 and the confusion table.',
    )
    .argument('[dir]', 'folder of labelled .jsonl sets', FACTS_DIR)
    .option('--types <file>', 'the event-type labels', TYPES_LABELS)
    .option('--no-types', 'skip the event types (they run the pipeline over the sets, ~30 s)')
    .option(
      '--benchmarks <dir>',
      'folder of the development sets the type labels refer to (vims-dev.jsonl, itn-dev.jsonl, …)',
      BENCHMARKS_DIR,
    )
    .option('--errors', 'also list the wrongly typed events')
    .option('--json', 'print JSON: {facts, types}')
    .action(async (dir: string, opts: Options) => {
      if (!fs.existsSync(dir)) throw new BabelwireError('E_NOT_FOUND', 'folder', dir);
      const facts = evaluateFacts(dir);
      if (!opts.json) {
        for (const r of facts) {
          out(
            `${r.set.padEnd(28)} ${String(r.items).padStart(4)} items  P ${r.precision.toFixed(3)}  R ${r.recall.toFixed(3)}${r.detail ? `  (${r.detail})` : ''}\n`,
          );
        }
      }
      let types: TypesEvaluation | null = null;
      if (opts.types !== false) {
        if (!fs.existsSync(opts.types)) throw new BabelwireError('E_NOT_FOUND', 'file', opts.types);
        types = await evalTypes(opts.types, opts.benchmarks);
        if (types.missing.length) {
          say(
            `event types: no ${types.missing.map((s) => `${s}.jsonl`).join(', ')} in ${opts.benchmarks}; ` +
              `the events of ${types.missing.length === 1 ? 'that set are' : 'those sets are'} not scored ` +
              `(${types.dev.events + types.heldout.events} labelled events scored; give the folder with --benchmarks DIR)`,
          );
        }
        if (!opts.json) {
          out(`\nevent types (${opts.types}):\n`);
          out(formatTypeScores('dev', types.dev));
          out(formatTypeScores('heldout', types.heldout));
          if (opts.errors) {
            out(`wrongly typed (${types.errors.length}):\n`);
            for (const e of types.errors) {
              out(
                `  [${e.split}] ${e.set} ${e.event}: ${e.gold} -> ${e.predicted}${e.cue ? ` (cue ${e.cue})` : ''}  ${e.title}\n`,
              );
            }
          }
        }
      }
      if (opts.json) {
        const t = types && !opts.errors ? { ...types, errors: undefined } : types;
        out(json({ facts, types: t }));
      }
    });
  noStore(cmd);
}
