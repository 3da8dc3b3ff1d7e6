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

/**
 * Reverses English -> X entries whose senses are ranked lists of X words (`[rank, word]`): each
 * X word becomes a headword glossed by the English headwords it translates, those where it is
 * an earlier sense, and earlier in its sense, first.
 */
export function reverseRanked(
  entries: readonly { headword: string; words: readonly [number, string][] }[],
): LexiconEntry[] {
  const out = new Map<string, { en: string; rank: number; pos: number }[]>();
  for (const e of entries) {
    let rank = 0;
    let pos = 0;
    for (const [r, word] of e.words) {
      pos = r === rank ? pos + 1 : 0;
      rank = r;
      let list = out.get(word);
      if (!list) {
        list = [];
        out.set(word, list);
      }
      if (!list.some((x) => x.en === e.headword)) list.push({ en: e.headword, rank, pos });
    }
  }
  return [...out].map(([word, list]) => ({
    headwords: [word],
    senses: list.sort((a, b) => a.rank - b.rank || a.pos - b.pos).map((x) => x.en),
  }));
}

const CYRILLIC_ITEM = /^[\p{Script=Cyrillic}][\p{Script=Cyrillic}\s-]*$/u;

/**
 * The Russian translations of one Mueller (mueller7, dictd) entry body, each with the number of
 * its sense: `1) выборы; general election всеобщие выборы 2) избрание` -> [1, выборы],
 * [2, избрание]. Usage examples (any segment with Latin letters), labels (`_рел.`, `_attr.`)
 * and parenthesised notes are left out; a translation of more than two words is a paraphrase.
 */
export function muellerTranslations(body: string): [number, string][] {
  const text = body
    .split('\n')
    .slice(1)
    .join(' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\{[^}]*\}/g, ' ');
  const out: [number, string][] = [];
  let rank = 0;
  // Sense markers: `1.` (part of speech), `1)` (sense), `а)` (sub-sense); `_I`, `_II` homonyms.
  for (const part of text.split(/(?:^|\s)(?:\d+[.)]|[а-я]\)|_[IV]+)(?=\s)/u)) {
    let added = false;
    for (const seg of part.split(';')) {
      const clean = seg
        .replace(/\([^)]*\)/g, ' ')
        .replace(/_[\p{L}-]+\.?/gu, ' ')
        .replace(/[.!?:]/g, ' ');
      if (/\p{Script=Latin}/u.test(clean)) continue;
      for (const item of clean.split(',')) {
        const w = item.replace(/\s+/g, ' ').trim().toLowerCase();
        if (!w || !CYRILLIC_ITEM.test(w) || w.split(' ').length > 2) continue;
        if (!added) {
          rank++;
          added = true;
        }
        out.push([rank, w]);
      }
    }
  }
  return out;
}

/** Mueller's English -> Russian dictionary (dictd), reversed into Russian headwords. */
export function readMueller(basePath: string): LexiconEntry[] {
  const index = fs.readFileSync(`${basePath}.index`, 'utf8');
  const dict = zlib.gunzipSync(fs.readFileSync(`${basePath}.dict.dz`));
  const entries: { headword: string; words: [number, string][] }[] = [];
  for (const line of index.split('\n')) {
    const [headword, off, len] = line.split('\t');
    if (!headword || !off || !len || /^(00|_)/.test(headword)) continue;
    // Phrases and abbreviations as headwords gloss poorly: keep words.
    if (!/^[a-z][a-z'-]*$/i.test(headword)) continue;
    const body = dict.subarray(b64(off), b64(off) + b64(len)).toString('utf8');
    entries.push({ headword, words: muellerTranslations(body) });
  }
  return reverseRanked(entries);
}

/**
 * One EDICT / ENAMDICT line (JMdict's EDICT format, UTF-8 once decoded):
 * `選挙 [せんきょ] /(n,vs,adj-no) election/(P)/` -> headword 選挙, senses [election]; each
 * `/`-separated gloss is a sense, its part-of-speech and sense-number tags removed. A reading is
 * a headword too when the word is written in kana (katakana loanwords, `(uk)` entries).
 */
export function parseEdictLine(line: string): (LexiconEntry & { common: boolean }) | null {
  const m = /^(\S+)(?: \[([^\]]*)\])? \/(.*)\/\s*$/u.exec(line);
  if (!m) return null;
  const parts = m[3].split('/');
  const common = parts.includes('(P)');
  const senses = parts
    .filter((p) => p && p !== '(P)' && !/^EntL\d/.test(p))
    .map((p) => p.replace(/^(?:\s*\([^)]*\))+\s*/u, '').trim())
    .filter(Boolean);
  const headwords = m[1].split(';').map((h) => h.replace(/\([^)]*\)$/u, ''));
  // A reading is written as a word of its own when it is katakana (亜米利加 [アメリカ]) or the
  // entry is `(uk)`, usually written in kana (為る [する]).
  for (const reading of m[2]?.split(';') ?? []) {
    if (/^[\p{Script=Katakana}ー・]+$/u.test(reading) || /\(uk\)/.test(m[3])) {
      if (!headwords.includes(reading)) headwords.push(reading);
    }
  }
  return { headwords, senses, common };
}

/** EDICT or ENAMDICT (EUC-JP, as Debian ships them). */
export function readEdict(file: string): (LexiconEntry & { common: boolean })[] {
  const text = new TextDecoder('euc-jp').decode(fs.readFileSync(file));
  const out: (LexiconEntry & { common: boolean })[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('\u3000')) continue; // the header line
    const e = parseEdictLine(line);
    if (e && e.senses.length) out.push(e);
  }
  return out;
}

/** ENAMDICT name classes kept: surnames, full names, organisations, companies, products. */
const ENAMDICT_CLASSES = /^\((?:s|h|o|c|pr|p)(?:,[a-z]+)*\)\s*/u;
/** Of its 211k places (`p`), the ones a report names: cities, prefectures, states, islands. */
const ENAMDICT_PLACE = /^\(p\)/u;
const ADMINISTRATIVE = /[市県州島国府道]$/u;

/**
 * ENAMDICT entries worth a pack: names written with at least two Han characters (single kana
 * names collide with words) of the classes above, romanised as their gloss (`安倍 [あべ] /(s) Abe/`).
 */
export function readEnamdict(file: string): LexiconEntry[] {
  const text = new TextDecoder('euc-jp').decode(fs.readFileSync(file));
  // A name has one line per reading (安倍: Abai, Abe, Abeno, …): the one of most classes
  // (`(p,s) Abe`), then the shortest, stands for it.
  const best = new Map<string, { senses: string[]; classes: number }>();
  for (const line of text.split('\n')) {
    const m = /^(\S+)(?: \[[^\]]*\])? \/(.*)\/\s*$/u.exec(line);
    if (!m || !ENAMDICT_CLASSES.test(m[2])) continue;
    if (ENAMDICT_PLACE.test(m[2]) && !ADMINISTRATIVE.test(m[1])) continue;
    if ((m[1].match(/\p{Script=Han}/gu) ?? []).length < 2) continue;
    const classes = (/^\(([^)]*)\)/u.exec(m[2])?.[1] ?? '').split(',').length;
    const senses = m[2]
      .split('/')
      .map((s) => s.replace(ENAMDICT_CLASSES, '').trim())
      .filter(Boolean)
      .slice(0, 2);
    if (senses.length === 0) continue;
    const prev = best.get(m[1]);
    if (
      !prev ||
      classes > prev.classes ||
      (classes === prev.classes && senses[0].length < prev.senses[0].length)
    ) {
      best.set(m[1], { senses, classes });
    }
  }
  return [...best].map(([headword, { senses }]) => ({ headwords: [headword], senses }));
}
