import { languageData, languages } from '../lang/index.ts';
import { cachedTable } from '../cache.ts';
import { normalizeArabic, stripArabicProclitic } from '../segment/arabic.ts';
import { chineseWords } from '../segment/index.ts';

/** Cuts a Chinese text into words (a segmenter's, with the text's names kept whole). */
export type ChineseCutter = (text: string) => string[];
import { STEMMERS } from '../segment/stemmers.ts';
import { stopwords } from '../segment/stopwords.ts';

/**
 * Country names in every locale, from Node's own CLDR data (`Intl.DisplayNames`), mapped back
 * to ISO 3166 alpha-2 codes; plus demonyms (src/lang/), which CLDR does not have.
 */
const LOCALES = [
  'en',
  'vi',
  'zh',
  'zh-Hant',
  'ar',
  'ru',
  'es',
  'fr',
  'de',
  'ms',
  'id',
  'ja',
  'ko',
  'tr',
  'fa',
  'uk',
  'pt',
  'it',
  'pl',
  'nl',
  'hi',
  'th',
  'he',
  'el',
  'cs',
  'sv',
  'ro',
  'hu',
  'bn',
  'ur',
  'sw',
  'ky',
  'kk',
  'uz',
  'az',
  'be',
  'bg',
  'sr',
  'hr',
  'da',
  'fi',
  'no',
  'ca',
  'tl',
  'ta',
  'ka',
  'hy',
];
/** Languages whose country names inflect (case endings), matched through their stems. */
const INFLECTED = languages()
  .filter((d) => d.inflectsNames && STEMMERS[d.code])
  .map((d) => d.code);
// Pseudo-regions, groupings and codes of states that no longer exist (CLDR still names them).
const NOT_COUNTRIES = new Set(
  'ZZ XA XB QO EZ UN EU AQ VD DD YD BU ZR TP CS SU YU FX NT AN DY HV NH RH QU'.split(' '),
);

/**
 * An Arabic word without its long vowels after the first letter: the spellings of a foreign
 * name differ mostly in them (`قرغيزستان` / `قيرغيزستان`, Kyrgyzstan). Only long keys are used,
 * so that common words do not meet a country by accident.
 */
export function arabicConsonants(word: string): string {
  return word.charAt(0) + word.slice(1).replace(/[اويى]/g, '');
}
const MIN_ARABIC_CONSONANTS = 5;

/**
 * Scripts written without spaces between words: names are found as substrings (Chinese,
 * which has a segmenter, as whole words).
 */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** Korean packs a name into two or three syllable blocks and attaches particles to it. */
const HANGUL = /\p{Script=Hangul}/u;
const KOREAN_PARTICLE = languageData('ko').nameParticles ?? /$^/u;

/** Folds a name for lookup: lower case, Arabic orthography unified. */
export function foldName(name: string): string {
  return normalizeArabic(name.normalize('NFC').toLowerCase().replace(/[’'`]/g, ''));
}

/** What the country and city scans ask of each word of a text. */
export interface WordFacts {
  /** foldName of the word. */
  folded: string;
  /** The word in lower case, as written otherwise. */
  lower: string;
  /** Whether the word has letters with case (Latin, Cyrillic; not Arabic or Han). */
  cased: boolean;
  /** Whether it starts with a capital letter (`\p{Lu}`). */
  capitalised: boolean;
  /** Whether it starts with a lower-case letter (`\p{Ll}`). */
  startsLower: boolean;
}

/**
 * Facts of the words seen lately. A text repeats its words, and news texts repeat each other's:
 * folding and case tests per token were a third of the time spent finding countries and cities.
 * Cleared when full, so memory stays bounded.
 */
const wordFactsSeen = new Map<string, WordFacts>();
const WORD_FACTS_KEPT = 50_000;

export function wordFacts(word: string): WordFacts {
  let facts = wordFactsSeen.get(word);
  if (facts === undefined) {
    const lower = word.toLowerCase();
    facts = {
      folded: foldName(word),
      lower,
      cased: lower !== word.toUpperCase(),
      capitalised: /^\p{Lu}/u.test(word),
      startsLower: /^\p{Ll}/u.test(word),
    };
    if (wordFactsSeen.size >= WORD_FACTS_KEPT) wordFactsSeen.clear();
    wordFactsSeen.set(word, facts);
  }
  return facts;
}

/** The words of a text (NFC), where each starts, and their facts. */
export interface TextWords {
  normalized: string;
  tokens: string[];
  starts: number[];
  facts: WordFacts[];
}

/**
 * Anchor extraction looks for countries and then cities in the same text: the last text's words
 * are kept, so that it is cut and its words looked up once.
 */
let lastWords: { text: string; words: TextWords } | null = null;

export function textWords(text: string): TextWords {
  if (lastWords?.text === text) return lastWords.words;
  const normalized = text.normalize('NFC');
  const tokens: string[] = [];
  const starts: number[] = [];
  for (const m of normalized.matchAll(/[\p{L}\p{M}\p{N}'’-]+/gu)) {
    tokens.push(m[0]);
    starts.push(m.index);
  }
  const words = { normalized, tokens, starts, facts: tokens.map(wordFacts) };
  lastWords = { text, words };
  return words;
}

interface CountryTable {
  /** Space-delimited names, keyed by their folded form. */
  byName: Map<string, string>;
  /** Names in scripts written without spaces (Han, kana), longest first, for substring scans. */
  unspaced: [string, string][];
  unspacedMap: Map<string, string>;
  /** By language, stems of one-word names in inflected languages (`ru`: `России` -> `росс` -> RU). */
  byStem: ByLang;
  /** By language, names shorter than four letters, trusted only there (`vi`: `nga` -> RU). */
  shortByLang: ByLang;
  /** One-word Arabic-script names without their long vowels (see arabicConsonants). */
  byArabicConsonants: Map<string, string>;
  maxWords: number;
  /** First word of a name of several words -> the most words such a name has (see wordsFrom). */
  longestFrom: Map<string, number>;
}

/**
 * Languages whose short names (`Nga`, `مصر`, `Чад`) were checked by hand (`shortCountryNames`
 * in src/lang/). Taking every locale's (Korean `미국`, Hindi `रूस`, …) cost itn-dev 0.002
 * BCubed F1 and three event dates: Korean attaches particles (`미국은`), and some are common
 * words.
 */
const SHORT_NAME_LANGS = languages()
  .filter((d) => d.shortCountryNames)
  .map((d) => d.code);

/** Language -> name -> code (one map per language: no `lang:name` key built per lookup). */
type ByLang = Map<string, Map<string, string>>;

function langMap(byLang: ByLang, lang: string): Map<string, string> {
  let map = byLang.get(lang);
  if (!map) {
    map = new Map();
    byLang.set(lang, map);
  }
  return map;
}

const NONE: ReadonlyMap<string, string> = new Map();

let table: CountryTable | null = null;

function buildTable(): CountryTable {
  const byName = new Map<string, string>();
  const unspaced = new Map<string, string>();
  const codes: string[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) codes.push(String.fromCharCode(a, b));
  }
  for (const locale of LOCALES) {
    const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    for (const code of codes) {
      if (NOT_COUNTRIES.has(code)) continue;
      const name = names.of(code);
      if (!name || name === code) continue;
      const folded = foldName(name);
      if (UNSPACED.test(folded)) {
        if (folded.length >= 2 && !unspaced.has(folded)) unspaced.set(folded, code);
      } else if (
        (folded.length >= 4 || (HANGUL.test(folded) && folded.length >= 2)) &&
        !byName.has(folded)
      ) {
        byName.set(folded, code);
        // `Kyrgyzstan (Kirghizia)`-style or `Congo - Kinshasa` variants: also the first part.
        const head = folded.split(/\s[-(–]/)[0].trim();
        if (head.length >= 4 && !byName.has(head)) byName.set(head, code);
      }
    }
  }
  for (const d of languages())
    for (const [demonym, code] of Object.entries(d.demonyms ?? {})) byName.set(demonym, code);
  const byStem: ByLang = new Map();
  for (const lang of INFLECTED) {
    const names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
    const stems = langMap(byStem, lang);
    for (const code of codes) {
      const name = names.of(code);
      if (!name || NOT_COUNTRIES.has(code) || name === code || /\s/.test(name)) continue;
      const stem = STEMMERS[lang](foldName(name));
      if (stem.length >= 4 && !stems.has(stem)) stems.set(stem, code);
    }
  }
  const shortByLang: ByLang = new Map();
  for (const lang of SHORT_NAME_LANGS) {
    const names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
    const short = langMap(shortByLang, lang);
    for (const code of codes) {
      const name = names.of(code);
      if (!name || NOT_COUNTRIES.has(code) || name === code) continue;
      const folded = foldName(name);
      if (UNSPACED.test(folded)) continue;
      if ([...folded].length >= 2 && [...folded].length < 4) short.set(folded, code);
    }
  }
  // Everyday short names the locale data lacks (Vietnamese `Mỹ`, far more common than `Hoa Kỳ`).
  for (const d of languages())
    for (const [name, code] of Object.entries(d.countryShortForms ?? {}))
      langMap(shortByLang, d.code).set(name, code);
  const byArabicConsonants = new Map<string, string>();
  for (const [name, code] of byName) {
    if (!/^\p{Script=Arabic}+$/u.test(name)) continue;
    const key = arabicConsonants(name.replace(/^ال/, ''));
    if (key.length >= MIN_ARABIC_CONSONANTS && !byArabicConsonants.has(key))
      byArabicConsonants.set(key, code);
  }
  const maxWords = Math.max(...[...byName.keys()].map((k) => k.split(' ').length));
  const sorted = [...unspaced.entries()].sort((x, y) => y[0].length - x[0].length);
  return {
    byName,
    unspaced: sorted,
    unspacedMap: unspaced,
    byStem,
    shortByLang,
    byArabicConsonants,
    maxWords: Math.min(maxWords, 5),
    longestFrom: longestFrom(byName.keys()),
  };
}

function getTable(): CountryTable {
  // Built from ICU's locale data only, which the cache key holds (its version).
  if (!table) table = cachedTable('countries', [], buildTable);
  return table;
}

/**
 * ISO codes of the countries a text names, in any of the locales above. Guards against false
 * friends: in cased scripts the name must be capitalised (Vietnamese `lập pháp` is not `Pháp`),
 * and in Chinese it must align with word boundaries (`说法国际` is not `法国`).
 */
export function findCountries(
  text: string,
  lang = 'und',
  cutChinese: ChineseCutter = chineseWords,
): string[] {
  return [...countCountries(text, lang, cutChinese).keys()].sort();
}

/**
 * Country names that are also common given or family names in Latin script (`Jordan Spieth`,
 * `Chad Johnson`, `Michael Jordan`). Next to another capitalised word they are a person.
 */
const GIVEN_NAME_COUNTRIES = new Set(languages().flatMap((d) => d.countryGivenNames ?? []));

/** How many times the text names each country (ISO code -> mentions). */
export function countCountries(
  text: string,
  lang = 'und',
  cutChinese: ChineseCutter = chineseWords,
): Map<string, number> {
  const t = getTable();
  const counts = new Map<string, number>();
  const found = { add: (code: string, n = 1) => counts.set(code, (counts.get(code) ?? 0) + n) };
  if (UNSPACED.test(text)) {
    if (languageData(lang).segmenter === 'jieba') {
      const tokens = cutChinese(text);
      // The longest name wins: `印度尼西亚` (Indonesia), which the segmenter may cut after
      // `印度` (India), is one country.
      for (let i = 0; i < tokens.length; i++) {
        for (let n = Math.min(3, tokens.length - i); n >= 1; n--) {
          const code = t.unspacedMap.get(tokens.slice(i, i + n).join(''));
          if (!code) continue;
          found.add(code);
          i += n - 1;
          break;
        }
      }
    } else {
      let rest = foldName(text);
      for (const [name, code] of t.unspaced) {
        if (rest.includes(name)) {
          const parts = rest.split(name);
          found.add(code, parts.length - 1);
          rest = parts.join(' ');
        }
      }
    }
  }
  const { normalized, tokens, starts, facts } = textWords(text);
  const gapBefore = (i: number) =>
    i === 0 ? '' : normalized.slice(starts[i - 1] + tokens[i - 1].length, starts[i]);
  const capitalisedNeighbour = (j: number, gap: string) =>
    j >= 0 && j < tokens.length && facts[j].capitalised && /^[ \t]+$/.test(gap);
  // `Jordan Spieth`, `Michael Jordan`: a capitalised word right before or after makes it a name.
  const inPersonName = (i: number) =>
    capitalisedNeighbour(i + 1, i + 1 < tokens.length ? gapBefore(i + 1) : '') ||
    (capitalisedNeighbour(i - 1, i > 0 ? gapBefore(i) : '') &&
      !stopwords(lang).has(facts[i - 1].lower) &&
      !stopwords('en').has(facts[i - 1].lower));
  const short = t.shortByLang.get(lang) ?? NONE;
  const stem = languageData(lang).inflectsNames ? STEMMERS[lang] : undefined;
  const stems = t.byStem.get(lang) ?? NONE;
  const folded = facts.map((f) => f.folded);
  for (let i = 0; i < tokens.length; i++) {
    const { cased, capitalised } = facts[i];
    if (cased && !capitalised) continue;
    const shortName =
      short.get(folded[i]) ?? (cased ? undefined : short.get(stripArabicProclitic(folded[i])));
    if (shortName) {
      // A short name is a common word at a sentence start (`Ý kiến`) or part of a person's name
      // after another capitalised word (`Tuấn Anh`): only mid-sentence and on its own it counts.
      const gap = gapBefore(i);
      const sentenceStart = i === 0 || /[.!?:;\n"“”]/.test(gap);
      const afterName = !sentenceStart && /^\s*$/.test(gap) && facts[i - 1].capitalised;
      if (!cased || (!sentenceStart && !afterName)) {
        found.add(shortName);
        continue;
      }
    }
    if (GIVEN_NAME_COUNTRIES.has(folded[i]) && inPersonName(i)) continue;
    for (let n = wordsFrom(t.longestFrom, t.maxWords, folded, i); n >= 1; n--) {
      const phrase = n === 1 ? folded[i] : folded.slice(i, i + n).join(' ');
      let code = t.byName.get(phrase);
      if (!code && n === 1 && HANGUL.test(phrase))
        code = t.byName.get(phrase.replace(KOREAN_PARTICLE, ''));
      if (!code && !cased && n === 1 && /\p{Script=Arabic}/u.test(phrase)) {
        const bare = stripArabicProclitic(phrase);
        code =
          t.byName.get(bare) ??
          t.byName.get('ال' + bare) ??
          t.byArabicConsonants.get(arabicConsonants(bare.replace(/^ال/, '')));
      }
      if (!code && n === 1 && stem) code = stems.get(stem(phrase));
      if (code) {
        found.add(code);
        i += n - 1;
        break;
      }
    }
  }
  return counts;
}

/**
 * For each first word of a name of several words, the most words such a name has. A phrase
 * lookup starting at a word no long name starts with can try one word only: building every
 * two- to five-word phrase of every word was most of the cost of finding countries and cities.
 */
export function longestFrom(names: Iterable<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const name of names) {
    const words = name.split(' ');
    if (words.length > 1) out.set(words[0], Math.max(out.get(words[0]) ?? 1, words.length));
  }
  return out;
}

/** How many words a phrase lookup at token `i` may take (at least one). */
export function wordsFrom(
  longest: ReadonlyMap<string, number>,
  maxWords: number,
  folded: readonly string[],
  i: number,
): number {
  return Math.min(maxWords, longest.get(folded[i]) ?? 1, folded.length - i);
}

/** The English name of a country code, for display. */
const displayNames = new Map<string, Intl.DisplayNames>();

export function countryName(code: string, locale = 'en'): string {
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region' });
    displayNames.set(locale, names);
  }
  return names.of(code) ?? code;
}

/** The country one word names on its own (`Nga`, `Kazakhstan`, `России`), or null. */
export function countryOfWord(word: string, lang: string): string | null {
  const t = getTable();
  const folded = foldName(word);
  return (
    t.byName.get(folded) ??
    t.shortByLang.get(lang)?.get(folded) ??
    (languageData(lang).inflectsNames && STEMMERS[lang]
      ? t.byStem.get(lang)?.get(STEMMERS[lang](folded))
      : undefined) ??
    null
  );
}
