import { BANDS, bandKey, shared, type Fingerprint } from './minhash.ts';

export {
  fingerprint,
  encodeFingerprint,
  decodeFingerprint,
  containment,
  type Fingerprint,
} from './minhash.ts';

/**
 * Copies are told from independent reports by the estimated containment of their shingle
 * sets (./minhash.ts): at least this share of the smaller text's shingles in the other one.
 * Measured by `babelwire eval-duplicates` (src/eval/duplicates.ts).
 */
export const COPY_CONTAINMENT = 0.7;

/**
 * And at least this many shingles in common: on two short lines a containment of 70% can be
 * chance (two headlines opening with the same place and verb). Footers a site adds are taken
 * off before fingerprinting (src/normalize/), so they do not make up the shared part.
 */
export const COPY_SHARED = 5;

export interface CopyMatch {
  /** The first copy: the article the matched one is itself a copy of, or the matched one. */
  original: string;
  /** The article whose fingerprint matched best. */
  matched: string;
  containment: number;
}

interface Slot {
  id: string;
  original: string;
  fingerprint: Fingerprint;
  keys: number[];
}

/**
 * Locality-sensitive hashing over the fingerprints of the last `capacity` articles: two texts
 * are compared only when one of their bands of values is equal, which for a Jaccard similarity
 * of 0.4 happens with probability 0.94 and for 0.05 with 0.005 (`BANDS` bands of `ROWS`).
 * Republications come within days, so a ring of recent articles keeps memory bounded.
 */
export class NearDuplicateIndex {
  private readonly slots: (Slot | undefined)[];
  private readonly buckets = new Map<number, number[]>();
  private added = 0;

  constructor(
    readonly capacity: number,
    readonly threshold: number = COPY_CONTAINMENT,
  ) {
    this.slots = new Array<Slot | undefined>(Math.max(1, capacity));
  }

  get size(): number {
    return Math.min(this.added, this.slots.length);
  }

  /** The best-matching earlier article the fingerprint is a copy of, if any. */
  find(f: Fingerprint): CopyMatch | null {
    const seen = new Set<number>();
    let best: { slot: Slot; at: number; c: number } | null = null;
    const oldest = this.added - this.slots.length;
    for (let b = 0; b < BANDS; b++) {
      for (const at of this.buckets.get(bandKey(f, b)) ?? []) {
        if (at < oldest || seen.has(at)) continue;
        seen.add(at);
        const slot = this.slots[at % this.slots.length]!;
        const common = shared(f, slot.fingerprint);
        const c = Math.min(1, common / Math.min(f.size, slot.fingerprint.size));
        if (c < this.threshold || common < COPY_SHARED) continue;
        // The closest copy, and of equals the earliest: links point at first copies.
        if (!best || c > best.c || (c === best.c && at < best.at)) best = { slot, at, c };
      }
    }
    return best && { original: best.slot.original, matched: best.slot.id, containment: best.c };
  }

  /** Remembers an article; `original` is the first copy it was found a copy of, if any. */
  add(id: string, f: Fingerprint, original: string | null = null): void {
    const at = this.added++;
    const i = at % this.slots.length;
    const old = this.slots[i];
    if (old) for (const k of old.keys) this.unlink(k, at - this.slots.length);
    const keys = Array.from({ length: BANDS }, (_, b) => bandKey(f, b));
    this.slots[i] = { id, original: original ?? id, fingerprint: f, keys };
    for (const k of keys) {
      const list = this.buckets.get(k);
      if (list) list.push(at);
      else this.buckets.set(k, [at]);
    }
  }

  private unlink(key: number, at: number): void {
    const list = this.buckets.get(key);
    if (!list) return;
    const i = list.indexOf(at);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.buckets.delete(key);
  }
}
