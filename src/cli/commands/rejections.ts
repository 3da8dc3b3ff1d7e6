import type { Command } from 'commander';
import { formatRejection, rejectionPlace } from '../../errors.ts';
import type { StoredRejection } from '../../store/index.ts';
import { dbOption, out, withStore } from '../context.ts';
import { json } from '../format.ts';

/**
 * One rejection as `--json` gives it: `line`, or `item` in a `.json` array (counted from 1), or
 * neither (null) when it is about the whole file; `at` is when it was first seen.
 */
function rejectionJson(r: StoredRejection) {
  const { line, item } = rejectionPlace(r);
  return { file: r.file, line, item, code: r.code, reason: r.reason, at: r.at };
}

export function register(program: Command): void {
  dbOption(
    program
      .command('rejections')
      .description(
        'The inputs ingest rejected, each once, in the order first seen: when, file, line (the ' +
          'item in a .json array), reason and code.',
      )
      .option('--json', 'print JSON (file, line, item, code, reason, at)'),
  ).action((opts: { db: string; json?: boolean }) =>
    withStore(opts.db, async (store) => {
      const rejections = await store.rejections();
      if (opts.json) return out(json(rejections.map(rejectionJson)));
      if (rejections.length === 0) return out('no rejected inputs\n');
      for (const r of rejections) {
        out(`${r.at.replace(/\.\d+Z$/, 'Z')}  ${formatRejection(r)}\n`);
      }
    }),
  );
}
