import type { Command } from 'commander';
import { BabelwireError } from '../../errors.ts';
import { listPacks, packsDir } from '../../lexicon/pack.ts';
import {
  IMPORT_FORMATS,
  importPack,
  INSTALL_SOURCES,
  installPack,
  type ImportFormat,
} from '../../lexicon/sources.ts';
import { noStore, out, say } from '../context.ts';
import { json } from '../format.ts';

function list(opts: { json?: boolean }): void {
  const packs = listPacks();
  if (opts.json) return out(json(packs));
  if (packs.length === 0) out(`no packs in ${packsDir()}\n`);
  for (const p of packs) {
    out(
      `${p.lang.padEnd(4)} ${String(p.entries).padStart(7)} terms ${((p.bytes ?? 0) / 1e6).toFixed(1).padStart(6)} MB  ${p.source}  (${p.licence})\n`,
    );
  }
  const covered = new Set(packs.map((p) => p.lang));
  const installable = Object.keys(INSTALL_SOURCES).filter((l) => !covered.has(l));
  if (installable.length) {
    out(`installable here: ${installable.join(', ')} (babelwire packs install LANG…)\n`);
  }
}

/** Installs each language on its own: one that cannot be built does not stop the others. */
function install(langs: string[]): void {
  let failed = 0;
  for (const lang of langs) {
    try {
      for (const p of installPack(lang)) {
        say(`installed ${p.lang} from ${p.source}: ${p.entries} terms (${p.file})`);
      }
    } catch (e) {
      failed++;
      say(`${lang}: ${(e as Error).message}`);
    }
  }
  if (failed) process.exitCode = 1;
}

function importFile(format: string, file: string, opts: { lang: string; licence?: string }): void {
  if (!(IMPORT_FORMATS as readonly string[]).includes(format)) {
    throw new BabelwireError('E_CHOICE', 'format', format, IMPORT_FORMATS.join(', '));
  }
  const p = importPack(format as ImportFormat, file, opts.lang, { licence: opts.licence });
  say(`imported ${p.lang} from ${file}: ${p.entries} terms (${p.file})`);
}

export function register(program: Command): void {
  const packs = program
    .command('packs')
    .description(
      'Language packs: bilingual lexicons that map a language to English-pivot concepts for ' +
        'cross-lingual linking. Folder: $BABELWIRE_PACKS (default ~/.local/share/babelwire/packs). ' +
        'A language without a pack is linked by its anchors (numbers, names, countries) alone.',
    );
  packs
    .command('list')
    .description('Installed packs with their size, source and licence.')
    .option('--json', 'print JSON')
    .action(list);
  packs
    .command('install')
    .description(
      `Build packs from sources on this machine: ${Object.entries(INSTALL_SOURCES)
        .map(([l, s]) => `${l} (${s.map((x) => x.source).join(', ')})`)
        .join('; ')}.`,
    )
    .argument('<langs...>', 'ISO 639-1 codes')
    .action(install);
  packs
    .command('import')
    .description('Build a pack from a dictionary file you point at.')
    .argument('<format>', `one of ${IMPORT_FORMATS.join(', ')}`)
    .argument(
      '<file>',
      'the dictionary (.tsv, StarDict folder or .tar.gz, dictd .index, CC-CEDICT .u8)',
    )
    .requiredOption('--lang <code>', 'the language of the headwords (ISO 639-1)')
    .option('--licence <text>', 'licence to record with the pack')
    .action(importFile);
  noStore(packs, 'packs are files in $BABELWIRE_PACKS');
}
