import os from 'node:os';
import type { Command } from 'commander';
import { dbOption, say, withStore } from '../context.ts';
import { Engine } from '../../ingest/index.ts';

/**
 * `merge` and `move`: a person's corrections of the clustering, stored with who made them and
 * never undone by later clustering. They go through the store's one writer, so while `serve`
 * runs use its API instead (the store is busy).
 */

export function by(): string {
  return `${os.userInfo().username} (cli)`;
}

export function register(program: Command): void {
  dbOption(
    program
      .command('merge')
      .description('Merge event FROM into event INTO: its reports join INTO, and it is gone.')
      .argument('<from>', 'the event merged away')
      .argument('<into>', 'the event that stays'),
  ).action((from: string, into: string, opts: { db: string }) =>
    withStore(opts.db, async (store) => {
      const engine = await Engine.open(store);
      const r = await engine.writer.merge(from, into, by());
      say(`merged ${from} into ${r.eventId}`);
    }),
  );
}
