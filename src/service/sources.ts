import { BabelwireError } from '../errors.ts';
import {
  lagSeconds,
  newSource,
  pollSource,
  type PollDeps,
  type PollResult,
} from '../sources/index.ts';
import type { Store, StoredSource } from '../store/index.ts';
import type { ArticleInput } from '../types.ts';

/**
 * Sources as the store keeps them, and one polling round over them: what `sources add`,
 * `poll` and `serve` share. The items of a round go to `takeIn` (the single writer); the
 * source's state is stored after them, so a crash in between only makes the next round see
 * the same items again, which the writer then finds stored.
 */

export async function addSource(
  store: Store,
  url: string,
  options: { name?: string; everySeconds?: number } = {},
): Promise<StoredSource> {
  const existing = (await store.sources()).find((s) => s.url === new URL(url).href);
  if (existing) throw new BabelwireError('E_USAGE', `${url} is already source ${existing.id}`);
  return store.transaction(async (tx) => {
    const n = await tx.nextNumber('source');
    const source = newSource({ id: `src-${n}`, url, ...options });
    await tx.addSource(source);
    return source;
  });
}

export async function removeSource(store: Store, id: string): Promise<void> {
  const removed = await store.transaction((tx) => tx.removeSource(id));
  if (!removed) throw new BabelwireError('E_NOT_FOUND', 'source', id);
}

export interface RoundReport extends PollResult {
  stored: number;
  duplicates: number;
  rejected: number;
}

export type TakeIn = (
  inputs: readonly ArticleInput[],
) => Promise<{ added: number; duplicates: number; rejected: number }>;

/**
 * Polls the due sources (`all`: every source), a few at a time, each with its own record of
 * the items it has given; one that fails or hangs holds up only its own slot.
 */
export async function pollRound(
  store: Store,
  takeIn: TakeIn,
  deps: Omit<PollDeps, 'seen'> = {},
  options: { all?: boolean; concurrency?: number; onReport?: (r: RoundReport) => void } = {},
): Promise<RoundReport[]> {
  const now = (deps.now ?? (() => new Date()))();
  const due = (await store.sources()).filter(
    (s) => options.all || s.nextDue === null || Date.parse(s.nextDue) <= now.getTime(),
  );
  const reports: RoundReport[] = [];
  let next = 0;
  const worker = async () => {
    while (next < due.length) {
      const source = due[next++];
      const result = await pollSource(source, {
        ...deps,
        seen: (keys) => store.seenItems(source.id, keys),
      });
      const taken = result.items.length
        ? await takeIn(result.items)
        : { added: 0, duplicates: 0, rejected: 0 };
      const state: StoredSource = {
        ...result.source,
        // Counted as stored by the source; the writer found some already there.
        itemsStored: result.source.itemsStored - taken.duplicates - taken.rejected,
      };
      await store.transaction(async (tx) => {
        // Removed while it was being read: nothing to record.
        if (!(await tx.getSource(source.id))) return;
        await tx.updateSource(state);
        await tx.markItemsSeen(source.id, result.itemKeys, now.toISOString());
      });
      const report = {
        ...result,
        source: state,
        stored: taken.added,
        duplicates: taken.duplicates,
        rejected: taken.rejected,
      };
      reports.push(report);
      options.onReport?.(report);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, due.length) }, worker));
  return reports;
}

export { lagSeconds };
