import type { StoreReader } from '../store/index.ts';
import type { StatsView } from './types.ts';

/** Counts of articles, events, articles per language and rejected inputs. */
export async function statsView(store: StoreReader): Promise<StatsView> {
  return store.stats();
}
