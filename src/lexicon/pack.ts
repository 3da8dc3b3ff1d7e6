import fs from 'node:fs';
import path from 'node:path';
import { languageData, type LookupAffixes } from '../lang/index.ts';
import { segmentTerms } from '../segment/index.ts';
import { glossConcepts } from './gloss.ts';
import { readConfig } from '../config.ts';
import type { LexiconEntry } from './parsers.ts';

/**
 * A language pack maps the terms our segmenter produces for a language to weighted English
 * concepts. It is a small text file: a JSON header line, then `term<TAB>concept:weight …`.
 * Packs live in one folder (`BABELWIRE_PACKS`, default ~/.local/share/babelwire/packs), one
 * file per language and source, and are loaded lazily, per language, when first needed.
 */

export interface PackInfo {
  lang: string;
  source: string;
  licence: string;
  entries: number;
  built: string;
  file?: string;
  bytes?: number;
  /** Its term lines are sorted (packs written since 0.7.0): searched in place when loaded. */
  sorted?: boolean;
}

export type Concepts = readonly (readonly [string, number])[];

/** Concepts kept per term: the strongest few carry the meaning. */
const MAX_CONCEPTS_PER_TERM = 6;

/** The packs folder: $BABELWIRE_PACKS, read when asked (src/config.ts). */
export function packsDir(): string {
  return readConfig().packsDir;
}

/** The term key(s) a headword stands for, as the segmenter of its language would produce them. */
function headwordKey(headword: string, lang: string): string | null {
  const h = headword.normalize('NFC').trim();
  if (!h) return null;
  switch (languageData(lang).packHeadwords) {
    case 'as-written':
      return /\s/.test(h) ? null : h;
    case 'lower-case':
      return h.toLowerCase();
  }
  const terms = segmentTerms(h, lang);
  return terms.length === 1 ? terms[0] : null;
}

/** Builds a pack's term table from dictionary entries. Pure apart from the segmenter. */
export function buildPackTable(
  entries: readonly LexiconEntry[],
  lang: string,
): Map<string, Concepts> {
  const merged = new Map<string, Map<string, number>>();
  for (const entry of entries) {
    const concepts = glossConcepts(entry.senses);
    if (concepts.length === 0) continue;
    for (const headword of entry.headwords) {
      const key = headwordKey(headword, lang);
      if (!key) continue;
      let target = merged.get(key);
      if (!target) {
        target = new Map();
        merged.set(key, target);
      }
      for (const [c, w] of concepts) target.set(c, Math.max(target.get(c) ?? 0, w));
    }
  }
  const table = new Map<string, Concepts>();
  for (const [key, concepts] of merged) {
    const top = [...concepts].sort((a, b) => b[1] - a[1]).slice(0, MAX_CONCEPTS_PER_TERM);
    table.set(key, top);
  }
  return table;
}

export function writePack(info: PackInfo, table: Map<string, Concepts>, dir = packsDir()): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${info.lang}.${info.source}.pack`);
  // Terms sorted (by UTF-16 code units, as JavaScript compares strings): a loaded pack is
  // searched in its own text, never copied into a map.
  const keys = [...table.keys()].filter((k) => !/[\t\n]/.test(k)).sort();
  const lines = [JSON.stringify({ ...info, entries: keys.length, sorted: true })];
  for (const key of keys) {
    const concepts = table.get(key)!;
    lines.push(`${key}\t${concepts.map(([c, w]) => `${c}:${w.toFixed(2)}`).join(' ')}`);
  }
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, lines.join('\n') + '\n');
  fs.renameSync(tmp, file);
  return file;
}

export function listPacks(dir = packsDir()): PackInfo[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.pack'))
    .sort()
    .map((f) => {
      const file = path.join(dir, f);
      const fd = fs.openSync(file, 'r');
      const buf = Buffer.alloc(4096);
      const n = fs.readSync(fd, buf, 0, buf.length, 0);
      fs.closeSync(fd);
      const header = buf.subarray(0, n).toString('utf8').split('\n')[0];
      return { ...(JSON.parse(header) as PackInfo), file, bytes: fs.statSync(file).size };
    });
}

/**
 * A language's loaded packs in compact form: each term's concepts stay the text of its pack
 * line until first asked for (a Japanese or German pack has hundreds of thousands of terms;
 * a text needs a few thousand of them).
 */
export class PackTable {
  /** Sorted pack files: their text and the offset of each term line. */
  private readonly sortedFiles: { text: string; starts: Uint32Array }[] = [];
  /** Terms of unsorted pack files (older packs, and tables built in memory). */
  private readonly raw = new Map<string, string>();
  private readonly parsed = new Map<string, Concepts>();
  /** Unknown words mapped to the stem found for them (or null: none), after lookupAffixes. */
  private readonly stems = new Map<string, string | null>();
  private readonly affixes: LookupAffixes;

  constructor(affixes: LookupAffixes = {}) {
    const longestFirst = (xs: readonly string[] = []) =>
      [...xs].sort((a, b) => b.length - a.length);
    this.affixes = {
      ...affixes,
      prefixes: longestFirst(affixes.prefixes),
      suffixes: longestFirst(affixes.suffixes),
    };
  }

  /** Adds a term's concepts as written in a pack line (`seiz:1.00 power:0.50`). */
  addRaw(term: string, concepts: string): void {
    const prev = this.raw.get(term);
    this.raw.set(term, prev === undefined ? concepts : `${prev} ${concepts}`);
  }

  /** Adds a sorted pack file's text (header line first): only its line offsets are kept. */
  addSorted(text: string): void {
    let count = 0;
    for (let i = text.indexOf('\n'); i >= 0 && i < text.length - 1; i = text.indexOf('\n', i + 1)) {
      count++;
    }
    const starts = new Uint32Array(count);
    let n = 0;
    for (let i = text.indexOf('\n'); i >= 0 && i < text.length - 1; i = text.indexOf('\n', i + 1)) {
      starts[n++] = i + 1;
    }
    this.sortedFiles.push({ text, starts });
  }

  /** The concepts text of a term in one sorted file, by binary search, or undefined. */
  private static search(
    file: { text: string; starts: Uint32Array },
    term: string,
  ): string | undefined {
    const { text, starts } = file;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const start = starts[mid];
      const tab = text.indexOf('\t', start);
      const key = text.slice(start, tab);
      if (key === term) {
        const end = text.indexOf('\n', tab);
        return text.slice(tab + 1, end < 0 ? text.length : end);
      }
      if (key < term) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /** All concepts text of a term across the language's packs, or undefined. */
  private rawText(term: string): string | undefined {
    let out = this.raw.get(term);
    for (const f of this.sortedFiles) {
      const t = PackTable.search(f, term);
      if (t !== undefined) out = out === undefined ? t : `${out} ${t}`;
    }
    return out;
  }

  private hasExactly(term: string): boolean {
    return (
      this.raw.has(term) || this.sortedFiles.some((f) => PackTable.search(f, term) !== undefined)
    );
  }

  /**
   * The term as the pack has it: itself, or a stem left by taking off the language's lookup
   * affixes (a prefix, then suffixes, longest first), or null.
   */
  private known(term: string): string | null {
    if (this.parsed.has(term)) return term;
    let stem = this.stems.get(term);
    if (stem !== undefined) return stem;
    stem = this.hasExactly(term) ? term : this.strip(term);
    // A long-running service meets words without end: forget them now and then.
    if (this.stems.size > 200_000) this.stems.clear();
    this.stems.set(term, stem);
    return stem;
  }

  private strip(term: string): string | null {
    const { prefixes = [], suffixes = [], maxSuffixes = 1, minStem = 2 } = this.affixes;
    const bare = [
      term,
      ...prefixes.filter((p) => term.startsWith(p)).map((p) => term.slice(p.length)),
    ];
    for (const start of bare) {
      if (start.length < minStem) continue;
      if (start !== term && this.hasExactly(start)) return start;
      let forms = [start];
      for (let n = 0; n < maxSuffixes; n++) {
        const next: string[] = [];
        for (const f of forms) {
          for (const s of suffixes) {
            if (!f.endsWith(s) || f.length - s.length < minStem) continue;
            const stem = f.slice(0, -s.length);
            if (this.hasExactly(stem)) return stem;
            next.push(stem);
          }
        }
        forms = next;
      }
    }
    return null;
  }

  get(term: string): Concepts | undefined {
    const key = this.known(term);
    if (key === null) return undefined;
    let c = this.parsed.get(key);
    if (c) return c;
    const text = this.rawText(key)!;
    c = text
      .split(' ')
      .slice(0, MAX_CONCEPTS_PER_TERM * 2)
      .map((cw) => {
        const i = cw.lastIndexOf(':');
        return [cw.slice(0, i), Number(cw.slice(i + 1))] as const;
      });
    this.parsed.set(key, c);
    return c;
  }

  has(term: string): boolean {
    return this.known(term) !== null;
  }

  /** Terms, counted once per pack file that has them. */
  get size(): number {
    return this.raw.size + this.sortedFiles.reduce((n, f) => n + f.starts.length, 0);
  }

  *keys(): IterableIterator<string> {
    yield* this.raw.keys();
    for (const { text, starts } of this.sortedFiles) {
      for (const start of starts) yield text.slice(start, text.indexOf('\t', start));
    }
  }
}

/** Loaded tables by language (all sources of a language merged); null = no pack installed. */
const loaded = new Map<string, PackTable | null>();
let loadedFrom: string | null = null;

/** The concept table of a language, loading its packs on first use. */
export function packFor(lang: string, dir = packsDir()): PackTable | null {
  if (loadedFrom !== dir) {
    loaded.clear();
    loadedFrom = dir;
  }
  if (loaded.has(lang)) return loaded.get(lang)!;
  const files = listPacks(dir).filter((p) => p.lang === lang);
  if (files.length === 0) {
    loaded.set(lang, null);
    return null;
  }
  const table = new PackTable(languageData(lang).lookupAffixes);
  for (const p of files) {
    const text = fs.readFileSync(p.file!, 'utf8');
    if (p.sorted) {
      table.addSorted(text);
      continue;
    }
    let start = text.indexOf('\n') + 1;
    while (start > 0 && start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const tab = text.indexOf('\t', start);
      if (tab > start && tab < end) table.addRaw(text.slice(start, tab), text.slice(tab + 1, end));
      start = end + 1;
    }
  }
  loaded.set(lang, table);
  return table;
}

/** The multi-word terms of a language's packs (Vietnamese words of several syllables). */
export function multiWordTerms(lang: string, dir = packsDir()): string[] {
  const table = packFor(lang, dir);
  return table ? [...table.keys()].filter((k) => k.includes(' ')) : [];
}

/** Forgets loaded packs (after an install, or in tests). */
export function resetPacks(): void {
  loaded.clear();
  loadedFrom = null;
}
