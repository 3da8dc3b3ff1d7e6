import { readConfig } from '../config.ts';
import { cachedTable } from '../cache.ts';
import fs from 'node:fs';
import path from 'node:path';
import { languageData } from '../lang/index.ts';
import { chineseWords } from '../segment/index.ts';
import { stripArabicProclitic } from '../segment/arabic.ts';
import { STEMMERS } from '../segment/stemmers.ts';
import {
  arabicConsonants,
  countryName,
  findCountries,
  foldName,
  longestFrom,
  textWords,
  wordsFrom,
  type ChineseCutter,
} from './countries.ts';
import { cityFitsCountries, cityInCountries } from './places.ts';

/**
 * Cities in many scripts, keyed by GeoNames id, from Debian's libgeonames-common (gettext
 * catalogues: one per locale, GeoNames id -> the city's name in that locale; CC-BY 4.0).
 * `Bishkek`, `Бишкек`, `比什凯克` and `بشكيك` all give 1528675. Without the package, no city
 * anchors (and nothing fails).
 */

const LOCALE_DIR = readConfig().geonamesDir;

/** A gettext .mo file as id -> string. */
export function readMo(file: string): Map<string, string> {
  const d = fs.readFileSync(file);
  const little = d.readUInt32LE(0) === 0x950412de;
  const u32 = (o: number) => (little ? d.readUInt32LE(o) : d.readUInt32BE(o));
  const n = u32(8);
  const ids = u32(12);
  const strs = u32(16);
  const out = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    const key = d.toString('utf8', u32(ids + 8 * i + 4), u32(ids + 8 * i + 4) + u32(ids + 8 * i));
    const value = d.toString(
      'utf8',
      u32(strs + 8 * i + 4),
      u32(strs + 8 * i + 4) + u32(strs + 8 * i),
    );
    if (key) out.set(key, value);
  }
  return out;
}

/** A city by the stem of its name: the id, and the name as folded. */
interface StemmedName {
  id: string;
  name: string;
}

interface CityTable {
  english: Map<string, string>;
  byName: Map<string, string>;
  /**
   * Arabic-script names by their consonants (`arabicConsonants`: `بشكيك` in a report and
   * GeoNames' `بيشكك` for Bishkek are both `بشكك`), where that is unambiguous.
   */
  arabicConsonants: Map<string, string>;
  /** The Arabic-script name each of those keys was made from. */
  arabicNames: Map<string, string>;
  /**
   * By language, the stems of the names its own catalogue gives, for languages that inflect
   * names (`ru`: `Улан-Баторе`, in Ulaanbaatar, has the stem of `Улан-Батор`).
   */
  byStem: Map<string, Map<string, StemmedName>>;
  unspaced: Map<string, string>;
  maxWords: number;
  longestFrom: Map<string, number>;
}

let table: CityTable | null = null;

/**
 * Guards against false friends. A city must be named in at least MIN_LOCALES catalogues (a
 * town known in a few languages is more often a common word elsewhere: `Police`, `Liberty`,
 * Arabic `ليل` night = Lille); a name shorter than MIN_NAME needs a big city (`Osh`).
 */
const MIN_LOCALES = 8;
const MIN_NAME = 4;
const MIN_LOCALES_FOR_SHORT_NAME = 15;

/** The GeoNames catalogues installed, one per locale. */
function catalogueFiles(): [string, string][] {
  const dirs = fs.existsSync(LOCALE_DIR) ? fs.readdirSync(LOCALE_DIR).sort() : [];
  return dirs
    .map((locale): [string, string] => [
      locale,
      path.join(LOCALE_DIR, locale, 'LC_MESSAGES', 'geonames.mo'),
    ])
    .filter(([, file]) => fs.existsSync(file));
}

function build(files: readonly [string, string][]): CityTable {
  const english = new Map<string, string>();
  const names = new Map<string, Map<string, number>>(); // folded name -> id -> locales
  const localesOf = new Map<string, number>();
  const catalogues: [string, Map<string, string>][] = [];
  for (const [locale, file] of files) {
    const mo = readMo(file);
    catalogues.push([locale, mo]);
    // Only numeric ids are cities (the rest is the catalogue header).
    for (const id of mo.keys())
      if (/^\d+$/.test(id)) localesOf.set(id, (localesOf.get(id) ?? 0) + 1);
  }
  // Catalogues share most names (`Bishkek` in many Latin-script locales): each is folded once.
  const foldedNames = new Map<string, string>();
  for (const [locale, mo] of catalogues) {
    const pivot = languageData(locale).pivot;
    for (const [id, name] of mo) {
      const locales = localesOf.get(id);
      if (locales === undefined || !name) continue;
      // Shown in the pivot language's names (English), as the entity lists are read across languages.
      if (pivot) english.set(id, name);
      if (locales < MIN_LOCALES) continue;
      let folded = foldedNames.get(name);
      if (folded === undefined) {
        folded = foldName(name);
        foldedNames.set(name, folded);
      }
      if (locales < MIN_LOCALES_FOR_SHORT_NAME && [...folded].length < MIN_NAME) continue;
      let ids = names.get(folded);
      if (!ids) {
        ids = new Map();
        names.set(folded, ids);
      }
      ids.set(id, locales);
    }
  }
  const byName = new Map<string, string>();
  const unspaced = new Map<string, string>();
  for (const [name, ids] of names) {
    // An ambiguous name stands for the city known in the most languages (the bigger one).
    let id = '';
    let most = -1;
    for (const [candidate, locales] of ids) {
      // The first of equals, as a stable sort by locales would give.
      if (locales > most) [id, most] = [candidate, locales];
    }
    if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(name))
      unspaced.set(name, id);
    else byName.set(name, id);
  }
  const maxWords = Math.min(4, Math.max(1, ...[...byName.keys()].map((k) => k.split(' ').length)));
  return {
    english,
    byName,
    byStem: stemIndex(catalogues, byName),
    ...consonantIndex(byName),
    unspaced,
    maxWords,
    longestFrom: longestFrom(byName.keys()),
  };
}

/** Stems of at least this many letters: `Мира` (of peace) is no town called Mir. */
const MIN_STEM = 4;

function stemIndex(
  catalogues: readonly [string, Map<string, string>][],
  byName: ReadonlyMap<string, string>,
): Map<string, Map<string, StemmedName>> {
  const out = new Map<string, Map<string, StemmedName>>();
  for (const [locale, mo] of catalogues) {
    const stem = languageData(locale).inflectsNames
      ? (STEMMERS[locale] as ((word: string) => string) | undefined)
      : undefined;
    if (!stem) continue;
    const stems = new Map<string, StemmedName>();
    for (const name of mo.values()) {
      const folded = foldName(name);
      // Only names the table keeps (known in enough catalogues), as the city they stand for.
      const id = byName.get(folded);
      if (id === undefined || folded.includes(' ')) continue;
      const key = stem(folded);
      if ([...key].length >= MIN_STEM && !stems.has(key)) stems.set(key, { id, name: folded });
    }
    out.set(locale, stems);
  }
  return out;
}

/**
 * The city a word names in a case ending: the word is the name, less a final vowel, with an
 * ending of a few letters (`улан-баторе`, `джакарти` of `джакарта`, `londrada` of `londra`).
 * A stemmer also meets words that only share a stem with a name (Turkish `alman`, German, and
 * `almada`): those are not the city.
 */
function inflectedMatch(candidate: StemmedName | undefined, word: string): string | undefined {
  if (!candidate) return undefined;
  const base = candidate.name.replace(/[aeiouyаеиоуыэюяіїєё]$/u, '');
  return word.startsWith(base) && word.length - base.length <= 4 ? candidate.id : undefined;
}

/** Consonants of at least this many letters: shorter ones are shared by common words. */
const MIN_CONSONANTS = 4;

function consonantIndex(
  byName: ReadonlyMap<string, string>,
): Pick<CityTable, 'arabicConsonants' | 'arabicNames'> {
  const out = new Map<string, string>();
  const names = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const [name, id] of byName) {
    if (name.includes(' ') || !/^\p{Script=Arabic}+$/u.test(name)) continue;
    const key = arabicConsonants(name);
    if (key.length < MIN_CONSONANTS || ambiguous.has(key)) continue;
    const other = out.get(key);
    if (other !== undefined && other !== id) {
      out.delete(key);
      ambiguous.add(key);
    } else {
      out.set(key, id);
      names.set(key, name);
    }
  }
  return { arabicConsonants: out, arabicNames: names };
}

function getTable(): CityTable {
  if (!table) {
    const files = catalogueFiles();
    table = cachedTable(
      'cities',
      files.map(([, f]) => f),
      () => build(files),
    );
  }
  return table;
}

/**
 * The city whose consonants a word (or the word without a proclitic) has, when the two differ by
 * at most one letter in length: a vowel moved or added, not a longer name that holds a city's
 * consonants (`أتامباييف` Atambayev has Tambov's).
 */
function consonantMatch(t: CityTable, word: string): string | undefined {
  for (const w of new Set([word, stripArabicProclitic(word)])) {
    const key = arabicConsonants(w);
    const id = t.arabicConsonants.get(key);
    if (id === undefined) continue;
    const name = t.arabicNames.get(key);
    if (name !== undefined && Math.abs(name.length - w.length) <= 1) return id;
  }
  return undefined;
}

export function cityName(id: string): string {
  return getTable().english.get(id) ?? id;
}

/** GeoNames ids of the cities a text names (capitalised in cased scripts, word-aligned in Chinese). */
export function findCities(
  text: string,
  lang: string,
  countryCodes: readonly string[] = findCountries(text, lang),
  cutChinese: ChineseCutter = chineseWords,
): string[] {
  return [...countCities(text, lang, countryCodes, cutChinese).keys()].sort();
}

/** How many times the text names each city (GeoNames id -> mentions), with the same guards. */
export function countCities(
  text: string,
  lang: string,
  countryCodes: readonly string[] = findCountries(text, lang),
  cutChinese: ChineseCutter = chineseWords,
): Map<string, number> {
  return scanCities(text, lang, countryCodes, cutChinese).counts;
}

export interface CityScan {
  /** GeoNames id -> mentions. */
  counts: Map<string, number>;
  /**
   * The words that name a city only by their consonants (`بشكيك`): names the language's pack
   * may read as words (`ب` + `شكيك`, "doubtful"), so the anchors take them as name forms too.
   */
  respelled: string[];
  /** Every word or words that named a city, folded (`улан-баторе`): parts of no other name. */
  words: string[];
  /** The words that named a city in a case ending (`улан-баторе`), found through its stem. */
  inflected: string[];
}

export function scanCities(
  text: string,
  lang: string,
  countryCodes: readonly string[] = findCountries(text, lang),
  cutChinese: ChineseCutter = chineseWords,
): CityScan {
  const t = getTable();
  const counts = new Map<string, number>();
  const respelled = new Set<string>();
  const words = new Set<string>();
  const inflected = new Map<string, string>(); // word -> city id
  if (t.byName.size === 0 && t.unspaced.size === 0)
    return { counts, respelled: [], words: [], inflected: [] };
  const found = { add: (id: string) => counts.set(id, (counts.get(id) ?? 0) + 1) };
  // Word-aligned in a text jieba cuts (`说法国际` holds no `法国`).
  if (languageData(lang).segmenter === 'jieba') {
    const words = cutChinese(text);
    for (let i = 0; i < words.length; i++) {
      const id = t.unspaced.get(words[i]) ?? t.unspaced.get(words[i] + (words[i + 1] ?? ''));
      if (id && words[i].length >= 2) found.add(id);
    }
  }
  const { tokens, facts } = textWords(text);
  const folded = facts.map((f) => f.folded);
  const stem = STEMMERS[lang] as ((word: string) => string) | undefined;
  const stems = stem && t.byStem.get(lang);
  // A word the text also writes in lower case is a common word (`Central`, `Police`).
  const lower = new Set(tokens.filter((w, i) => facts[i].startsLower));
  const countries = new Set(countryCodes.map((c) => foldName(countryName(c))));
  for (let i = 0; i < tokens.length; i++) {
    const { cased, capitalised } = facts[i];
    if (cased && (!capitalised || lower.has(facts[i].lower))) continue;
    if (countries.has(folded[i])) continue;
    for (let n = wordsFrom(t.longestFrom, t.maxWords, folded, i); n >= 1; n--) {
      let id = t.byName.get(n === 1 ? folded[i] : folded.slice(i, i + n).join(' '));
      if (!id && !cased && n === 1 && /\p{Script=Arabic}/u.test(folded[i])) {
        const bare = stripArabicProclitic(folded[i]);
        if (bare.length >= MIN_NAME) id = t.byName.get(bare);
      }
      // Unvowelled Arabic words of three letters are common words far more often than cities.
      if (id && !cased && [...folded.slice(i, i + n).join(' ')].length < MIN_NAME) id = undefined;
      // A city in a case ending (`в Улан-Баторе`), by the stem of its name in the language.
      if (!id && n === 1 && stem && stems) {
        id = inflectedMatch(stems.get(stem(folded[i])), folded[i]);
        if (id) inflected.set(folded[i], id);
      }
      // A foreign city vowelled otherwise than GeoNames does, found by its consonants; only in
      // a country the text names, as a looser match needs the stronger context.
      if (!id && n === 1 && /\p{Script=Arabic}/u.test(folded[i])) {
        const alt = consonantMatch(t, folded[i]);
        if (alt && cityInCountries(alt, countryCodes)) {
          id = alt;
          respelled.add(folded[i]);
        }
      }
      if (id) {
        found.add(id);
        words.add(folded.slice(i, i + n).join(' '));
        i += n - 1;
        break;
      }
    }
  }
  for (const id of counts.keys()) if (!cityFitsCountries(id, countryCodes)) counts.delete(id);
  return {
    counts,
    respelled: [...respelled],
    words: [...words],
    inflected: [...inflected].filter(([, id]) => counts.has(id)).map(([w]) => w),
  };
}
