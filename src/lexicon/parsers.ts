import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/**
 * Readers for the bilingual dictionary formats a language pack can be built from. Each returns
 * entries of a headword (or several spellings) and its English senses in order.
 */
export interface LexiconEntry {
  headwords: string[];
  senses: string[];
}

/** Wiktionary TSV extracts: `headword[|variant…]<TAB>HTML gloss` with senses as `<li>`. */
export function parseWiktionaryTsv(text: string): LexiconEntry[] {
  const entries: LexiconEntry[] = [];
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    const headwords = line.slice(0, tab).split('|').filter(Boolean);
    entries.push({ headwords, senses: htmlSenses(line.slice(tab + 1)) });
  }
  return entries;
}

function htmlSenses(html: string): string[] {
  const items = [...html.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]);
  return items.length > 0 ? items : [html.replace(/<[^>]+>/g, ' ')];
}

/** CC-CEDICT: `Trad Simp [pin1 yin1] /gloss/gloss/`. */
export function parseCedict(text: string): LexiconEntry[] {
  const entries: LexiconEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const m = /^(\S+) (\S+) \[[^\]]*\] \/(.*)\/\s*$/.exec(line);
    if (!m) continue;
    const senses = m[3].split('/').filter((s) => s && !/^(CL|old variant|variant of|see )/.test(s));
    entries.push({ headwords: m[1] === m[2] ? [m[2]] : [m[2], m[1]], senses });
  }
  return entries;
}

/** dictd base64 numbers (offsets and lengths in the .index file). */
function b64(s: string): number {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let n = 0;
  for (const c of s) n = n * 64 + alphabet.indexOf(c);
  return n;
}

/**
 * FreeDict dictd files (`.index` + `.dict.dz`): each entry is a headword line (with a
 * pronunciation) followed by numbered or plain sense lines.
 */
export function parseDictd(indexText: string, dict: Buffer): LexiconEntry[] {
  const entries: LexiconEntry[] = [];
  for (const line of indexText.split('\n')) {
    const [headword, off, len] = line.split('\t');
    if (!headword || !off || !len || headword.startsWith('00database')) continue;
    const body = dict.subarray(b64(off), b64(off) + b64(len)).toString('utf8');
    const senses = body
      .split('\n')
      .slice(1)
      .map((l) => l.replace(/^\s*\d+\.\s*/, '').trim())
      // Cross-references and synonym lists name headwords of the source language, not glosses.
      .filter(
        (l) => l && !l.startsWith('/') && !/^(synonyms?|see|note|antonyms?|example)s?:/i.test(l),
      )
      .map((l) => l.replace(/\{[^}]*\}/g, ' '));
    entries.push({ headwords: [headword], senses });
  }
  return entries;
}

export function readDictd(basePath: string): LexiconEntry[] {
  const index = fs.readFileSync(`${basePath}.index`, 'utf8');
  const dict = zlib.gunzipSync(fs.readFileSync(`${basePath}.dict.dz`));
  return parseDictd(index, dict);
}

/** English -> X dictd reversed: each X translation becomes a headword glossed by the English. */
export function reverseEntries(entries: readonly LexiconEntry[]): LexiconEntry[] {
  const out = new Map<string, string[]>();
  for (const e of entries) {
    for (const sense of e.senses) {
      for (const word of sense.split(/[;,]/).map((w) => w.trim())) {
        if (!word || word.split(/\s+/).length > 2) continue;
        const list = out.get(word) ?? [];
        list.push(...e.headwords.map((h) => h.replace(/\s*\/.*$/, '')));
        out.set(word, list);
      }
    }
  }
  return [...out].map(([headword, senses]) => ({ headwords: [headword], senses }));
}

/**
 * StarDict: `.ifo` (metadata), `.idx` (word NUL offset:u32be size:u32be)*, `.dict[.dz]` (gzip).
 * `dir` holds the three files (the first `.idx` found).
 */
export function readStarDict(dir: string): LexiconEntry[] {
  const files = fs.readdirSync(dir);
  const idxName = files.find((f) => f.endsWith('.idx'));
  const dictName = files.find((f) => f.endsWith('.dict.dz') || f.endsWith('.dict'));
  if (!idxName || !dictName) throw new Error(`${dir}: no StarDict .idx/.dict files`);
  const idx = fs.readFileSync(path.join(dir, idxName));
  let dict = fs.readFileSync(path.join(dir, dictName));
  if (dictName.endsWith('.dz')) dict = zlib.gunzipSync(dict);
  const entries: LexiconEntry[] = [];
  let pos = 0;
  while (pos < idx.length) {
    const end = idx.indexOf(0, pos);
    if (end < 0 || end + 9 > idx.length) break;
    const word = idx.subarray(pos, end).toString('utf8');
    const offset = idx.readUInt32BE(end + 1);
    const size = idx.readUInt32BE(end + 5);
    pos = end + 9;
    const body = dict.subarray(offset, offset + size).toString('utf8');
    entries.push({ headwords: [word], senses: htmlSenses(body) });
  }
  // `.syn` lists other forms of an entry (inflections: 710k of them for Arabic): word NUL index:u32be.
  const synName = files.find((f) => f.endsWith('.syn'));
  if (synName) {
    const syn = fs.readFileSync(path.join(dir, synName));
    let p = 0;
    while (p < syn.length) {
      const end = syn.indexOf(0, p);
      if (end < 0 || end + 5 > syn.length) break;
      const entry = entries[syn.readUInt32BE(end + 1)];
      if (entry) entry.headwords.push(syn.subarray(p, end).toString('utf8'));
      p = end + 5;
    }
  }
  return entries;
}
