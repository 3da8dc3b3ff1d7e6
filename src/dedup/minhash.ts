/**
 * Near-duplicate fingerprints: MinHash over word shingles (Broder 1997), kept as 16-bit values
 * (b-bit minwise hashing, Li & König 2010) so a fingerprint is small enough to store with its
 * article. Two texts' fingerprints estimate the Jaccard similarity of their shingle sets; with
 * the sets' sizes that gives their containment, which is what tells a copy: a truncated
 * republication or one with a boilerplate footer added shares almost all of the smaller text's
 * shingles, an independent report of the same event very few.
 *
 * Pure functions only: the fingerprint is computed in `process` (any thread) from the
 * normalised text, and compared by the writer's `NearDuplicateIndex` (./index.ts).
 */

/** Values per fingerprint: `BANDS` bands of `ROWS` values for the LSH index. */
export const ROWS = 3;
export const BANDS = 42;
export const HASHES = ROWS * BANDS;

/**
 * A text with fewer shingles than this has no fingerprint: too little to tell a copy by. Five
 * is a seven-word line: a headline or a one-line item republished is still told.
 */
export const MIN_SHINGLES = 5;

/** Shingle width: words, or characters of scripts written without spaces. */
const WORD_SHINGLE = 3;
const CHAR_SHINGLE = 5;

export interface Fingerprint {
  /** Distinct shingles in the text (for containment). */
  size: number;
  /** The low 16 bits of each of `HASHES` minimum hash values. */
  values: Uint16Array;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+/gu;

/** Letters of scripts written without spaces between words: each one is a token. */
function unspaced(c: number): boolean {
  return (
    (c >= 0x3040 && c <= 0x30ff) || // kana
    (c >= 0x3400 && c <= 0x9fff) || // Han
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x0e00 && c <= 0x0eff) || // Thai, Lao
    (c >= 0x1000 && c <= 0x109f) || // Myanmar
    (c >= 0x1780 && c <= 0x17ff) // Khmer
  );
}

/** 32-bit FNV-1a of a string. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit finaliser (murmur3's): well-spread inputs for the multiply-shift hashes below. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// Fixed multipliers (odd) and offsets: fingerprints stored by one run must compare with the
// next run's. Hash i of a shingle is the high half of a * h + b.
const MUL = Uint32Array.from({ length: HASHES }, (_, i) => mix(0x9e3779b9 + i * 0x632be5ab) | 1);
const ADD = Uint32Array.from({ length: HASHES }, (_, i) => mix(0x7f4a7c15 ^ (i * 0x2545f491)));

/** Token hashes of a text: words, or single letters of scripts written without spaces. */
function tokenHashes(text: string): { hashes: number[]; unspaced: number } {
  const hashes: number[] = [];
  let count = 0;
  for (const m of text.toLowerCase().matchAll(TOKEN)) {
    const t = m[0];
    if (!unspaced(t.charCodeAt(0))) {
      hashes.push(fnv1a(t));
      continue;
    }
    for (const ch of t) {
      hashes.push(fnv1a(ch));
      count++;
    }
  }
  return { hashes, unspaced: count };
}

/** The distinct shingle hashes of a text. */
export function shingles(text: string): Set<number> {
  const { hashes, unspaced: letters } = tokenHashes(text);
  const width = letters * 2 > hashes.length ? CHAR_SHINGLE : WORD_SHINGLE;
  const out = new Set<number>();
  for (let i = 0; i + width <= hashes.length; i++) {
    let h = 0;
    for (let k = 0; k < width; k++) h = mix((h ^ hashes[i + k]) + k);
    out.add(h);
  }
  return out;
}

/** The fingerprint of a text, or null when it is too short to tell a copy by. */
export function fingerprint(text: string): Fingerprint | null {
  const set = shingles(text);
  if (set.size < MIN_SHINGLES) return null;
  const mins = new Uint32Array(HASHES).fill(0xffffffff);
  for (const h of set) {
    for (let i = 0; i < HASHES; i++) {
      const v = (Math.imul(MUL[i], h) + ADD[i]) >>> 0;
      if (v < mins[i]) mins[i] = v;
    }
  }
  // The high bits: those of a multiply-shift hash that every bit of the input reaches.
  const values = new Uint16Array(HASHES);
  for (let i = 0; i < HASHES; i++) values[i] = mins[i] >>> 16;
  return { size: set.size, values };
}

/** Estimated Jaccard similarity of the two shingle sets. */
export function jaccard(a: Fingerprint, b: Fingerprint): number {
  let same = 0;
  for (let i = 0; i < HASHES; i++) if (a.values[i] === b.values[i]) same++;
  // 16-bit values collide by chance 1 time in 65536; correct for it.
  const r = 1 / 65536;
  return Math.max(0, (same / HASHES - r) / (1 - r));
}

/** Estimated number of shingles the two texts share. */
export function shared(a: Fingerprint, b: Fingerprint): number {
  const j = jaccard(a, b);
  return (j * (a.size + b.size)) / (1 + j);
}

/** Estimated share of the smaller text's shingles that the other one also has. */
export function containment(a: Fingerprint, b: Fingerprint): number {
  return Math.min(1, shared(a, b) / Math.min(a.size, b.size));
}

/** The 32-bit key of band `band` (for the LSH index). */
export function bandKey(f: Fingerprint, band: number): number {
  let h = 0x811c9dc5 ^ band;
  for (let i = band * ROWS; i < (band + 1) * ROWS; i++) {
    h ^= f.values[i];
    h = Math.imul(h, 0x01000193);
  }
  return mix(h);
}

/** As stored: `size:base64`. */
export function encodeFingerprint(f: Fingerprint): string {
  return `${f.size}:${Buffer.from(f.values.buffer, f.values.byteOffset, f.values.byteLength).toString('base64')}`;
}

export function decodeFingerprint(s: string | null | undefined): Fingerprint | null {
  if (!s) return null;
  const colon = s.indexOf(':');
  const size = Number(s.slice(0, colon));
  const bytes = Buffer.from(s.slice(colon + 1), 'base64');
  if (!Number.isInteger(size) || bytes.length !== HASHES * 2) return null;
  const values = new Uint16Array(HASHES);
  for (let i = 0; i < HASHES; i++) values[i] = bytes.readUInt16LE(i * 2);
  return { size, values };
}
