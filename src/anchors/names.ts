import { cuePhrases, languageData, languages } from '../lang/index.ts';
import { packFor } from '../lexicon/pack.ts';
import { countryOfWord } from './countries.ts';
import { STEMMERS } from '../segment/stemmers.ts';
import { stopwords } from '../segment/stopwords.ts';
import { romanizeCyrillic } from './translit.ts';

export { romanizeCyrillic } from './translit.ts';

/**
 * Name anchors: capitalised words in Latin or Cyrillic script, folded to a plain Latin key so
 * that `Kurmanbek_Bakiyev` in a Vietnamese report and `Kurmanbek Bakiyev` in an English one
 * give the same keys. Names in scripts without case (Han, Arabic) need transliteration tables
 * and are handled by language packs.
 */

/** The plain-Latin key of a name: lower case, no diacritics, Cyrillic romanised. */
export function nameKey(word: string): string {
  return romanizeCyrillic(word)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/ß/g, 'ss')
    .replace(/[øœ]/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/ł/g, 'l')
    .replace(/ı/g, 'i')
    .replace(/[^a-z0-9]/g, '');
}

const CAPITALISED = /^[\p{Lu}][\p{L}\p{M}'’-]*$/u;
const WORD = /[\p{L}\p{M}][\p{L}\p{M}'’-]*/gu;

/** A line of a text and its words (WORD matches). */
interface Line {
  line: string;
  tokens: RegExpMatchArray[];
}
/**
 * Weekdays and months of the languages that capitalise them (src/lang/), as name keys (no
 * diacritics), but for those that are given names too (`Mai`, `Mei`).
 */
const CALENDAR_WORDS: ReadonlySet<string> = new Set(
  languages().flatMap((d) => {
    const c = d.calendar;
    if (!c?.capitalised) return [];
    const alsoNames = new Set(c.alsoNames ?? []);
    return [...(c.months ?? []), ...(c.weekdays ?? []), c.weekdayPlurals ?? []]
      .flat()
      .filter((w) => !alsoNames.has(w))
      .map(nameKey);
  }),
);

/**
 * True when a word at `i` of a noun-capitalising language follows an article, a determiner
 * (with an adjective between) or a number: the language's `nounMarkers`.
 */
function nounPosition(
  tokens: RegExpMatchArray[],
  i: number,
  line: string,
  markers: ReadonlySet<string>,
): boolean {
  if (/\d/.test(lastNonSpace(line, tokens[i].index ?? 0))) return true;
  const prev = tokens[i - 1]?.[0];
  if (prev === undefined) return false;
  if (markers.has(prev.toLowerCase())) return true;
  // `der isländischen Halbinsel`: one inflected adjective between article and noun.
  const prevPrev = tokens[i - 2]?.[0];
  return (
    /^\p{Ll}+(?:e|en|er|es|em)$/u.test(prev) &&
    prevPrev !== undefined &&
    markers.has(prevPrev.toLowerCase())
  );
}

/**
 * The last character before `end` that is not white space, or '' (what `slice(0, end).trimEnd()`
 * ends with, without scanning the line from its start for every word).
 */
function lastNonSpace(line: string, end: number): string {
  let i = end - 1;
  while (i >= 0 && /\s/.test(line[i])) i--;
  return i >= 0 ? line[i] : '';
}

export const MIN_NAME_KEY_LENGTH = 3;
function prevCapitalised(tokens: RegExpMatchArray[], i: number, line: string): boolean {
  const prev = tokens[i - 1];
  if (!prev) return false;
  const gap = line.slice((prev.index ?? 0) + prev[0].length, tokens[i].index);
  return CAPITALISED.test(prev[0]) && /^\s*$/.test(gap);
}

/** Name keys of the capitalised Latin/Cyrillic words in a text, with mention counts. */

/**
 * German compounds the dictionary lacks (`Viererpartien`, `Titelhalter`): a word that splits
 * into two words it knows, at most with a linking `s`, `n` or `e` between them.
 */
function splitsIntoKnownWords(lower: string, knows: (word: string) => boolean): boolean {
  for (let i = 3; i <= lower.length - 4; i++) {
    if (!knows(lower.slice(i))) continue;
    const head = lower.slice(0, i);
    if (knows(head) || knows(head.replace(/[sne]$/, ''))) return true;
  }
  return false;
}

/**
 * Capitalised words of a German text that are common nouns although the dictionary lacks them:
 * compounds of words it knows, written at least once after an article, a determiner or a
 * number. Many surnames are such compounds too (`Wagenknecht`, `Steinmeier`), but news
 * writing does not put an article before them.
 */
function germanCompoundNouns(
  lines: readonly Line[],
  knows: (word: string) => boolean,
  markers: ReadonlySet<string>,
): Set<string> {
  const nouns = new Set<string>();
  for (const { line, tokens } of lines) {
    tokens.forEach((m, i) => {
      const lower = m[0].toLowerCase();
      if (!CAPITALISED.test(m[0]) || nouns.has(lower) || knows(lower)) return;
      if (nounPosition(tokens, i, line, markers) && splitsIntoKnownWords(lower, knows))
        nouns.add(lower);
    });
  }
  return nouns;
}

/**
 * In a language written one syllable at a time (Vietnamese), an institution's or an office's
 * name capitalises its first syllables only: `Sở Tài nguyên và Môi trường` (the Department of
 * Natural Resources), `Bộ trưởng Giao thông` (transport minister). A capitalised syllable that
 * makes a dictionary word with the lower-case one after it (`tài nguyên`) opens such a phrase;
 * it and the institution words before it (`Sở`) are no name. Not after a name's other
 * syllables (`Trần Văn Minh chủ trì`: `minh chủ` is a word too) nor after `ông`, `bà`.
 */
export function commonPhraseStarts(
  line: string,
  tokens: readonly RegExpMatchArray[],
  pack: { has(term: string): boolean },
  lang: string,
): Set<number> {
  const out = new Set<number>();
  const adjacent = (i: number) =>
    /^[ \t]+$/.test(line.slice((tokens[i].index ?? 0) + tokens[i][0].length, tokens[i + 1].index));
  for (let i = 0; i + 1 < tokens.length; i++) {
    const next = tokens[i + 1][0];
    if (!CAPITALISED.test(tokens[i][0]) || CAPITALISED.test(next) || !adjacent(i)) continue;
    if (!pack.has(`${tokens[i][0].toLowerCase()} ${next}`)) continue;
    let start = i;
    while (start > 0 && CAPITALISED.test(tokens[start - 1][0]) && adjacent(start - 1)) {
      if (!cueWords(lang, 'org').has(tokens[start - 1][0].toLowerCase())) break;
      start--;
    }
    const before = tokens[start - 1]?.[0];
    if (start > 0 && CAPITALISED.test(before!) && adjacent(start - 1)) continue;
    if (before !== undefined && cueWords(lang, 'person').has(before.toLowerCase())) continue;
    for (let k = start; k <= i; k++) out.add(k);
  }
  return out;
}

/**
 * Whether the capitalised word at `i` is an adjective opening an institution's name: the next
 * word, lower case, is an adjective too or an institution word (`Генеральной избирательной
 * комиссии`, `Метеорологическая служба`). A surname in a case ending (`с Путиным в Кремле`) is
 * followed by neither.
 */
function opensInstitution(
  tokens: readonly RegExpMatchArray[],
  i: number,
  line: string,
  endings: RegExp,
  lang: string,
): boolean {
  const word = tokens[i][0].toLowerCase();
  const next = tokens[i + 1];
  if (!endings.test(word) || !next || !/^\p{Ll}/u.test(next[0])) return false;
  if (!/^[ \t]+$/.test(line.slice((tokens[i].index ?? 0) + tokens[i][0].length, next.index)))
    return false;
  return endings.test(next[0]) || cueWords(lang, 'org').has(next[0]);
}

const cueCache = new Map<string, Set<string>>();
/** The person or institution cues of a language (`ông`, `bộ`, `sở`). */
function cueWords(lang: string, kind: 'person' | 'org'): Set<string> {
  const key = `${lang}:${kind}`;
  let words = cueCache.get(key);
  if (!words) {
    words = cuePhrases(languageData(lang).entityCues?.[kind] ?? '');
    cueCache.set(key, words);
  }
  return words;
}

export function nameAnchors(text: string, lang: string): string[] {
  return nameAnchorsAndRuns(text, lang).keys;
}

/**
 * Name keys (see nameAnchors), and the names of two or more adjacent words they come from, as
 * written: `Trần Văn Minh`, `Kassym-Jomart Tokayev`, `Central Election Commission`.
 */
export function nameAnchorsAndRuns(
  text: string,
  lang: string,
  pack: { has(term: string): boolean } | null = packFor(lang),
): { keys: string[]; runs: string[] } {
  const data = languageData(lang);
  const markers = new Set(data.nounMarkers ?? []);
  const nounPack = data.capitalisesNouns ? pack : null;
  const knows = (word: string) =>
    word.length >= 3 &&
    nounPack !== null &&
    (nounPack.has(word) || nounPack.has(STEMMERS[lang]?.(word) ?? word));
  // The text's words are found once, line by line (words never span a line break), for all
  // three uses below: the regular expression over the text was the bulk of this function's time.
  const lines: Line[] = text
    .split('\n')
    .map((line) => ({ line, tokens: [...line.matchAll(WORD)] }));
  const compoundNouns = nounPack ? germanCompoundNouns(lines, knows, markers) : new Set<string>();
  const stop = stopwords(lang);
  const english = stopwords('en');
  const keys = new Set<string>();
  // A capitalised word that the same text also writes in lower case is a common word in a
  // title or at a sentence start (`Health Ministry`, `Central Election Commission`), not a name.
  const lowerWords = new Set<string>();
  for (const { tokens } of lines)
    for (const m of tokens) if (/^\p{Ll}/u.test(m[0])) lowerWords.add(m[0]);
  const runs = new Set<string>();
  const syllablePack = data.segmenter === 'syllables' ? pack : null;
  for (const { line, tokens } of lines) {
    const common = syllablePack ? commonPhraseStarts(line, tokens, syllablePack, lang) : null;
    let run: RegExpMatchArray[] = [];
    const endRun = () => {
      if (run.length >= 2) runs.add(run.map((t) => t[0]).join(' '));
      run = [];
    };
    const accepted = (m: RegExpMatchArray) => {
      const last = run[run.length - 1];
      const gap = last ? line.slice((last.index ?? 0) + last[0].length, m.index) : '';
      if (last && !/^[ \t]+$/.test(gap)) endRun();
      run.push(m);
    };
    tokens.forEach((m, i) => {
      if (run.length && run[run.length - 1] !== tokens[i - 1]) endRun();
      const word = m[0];
      if (!CAPITALISED.test(word) || !/[\p{Script=Latin}\p{Script=Cyrillic}]/u.test(word)) return;
      if (common?.has(i)) return;
      if (data.adjectiveEndings && opensInstitution(tokens, i, line, data.adjectiveEndings, lang))
        return;
      const before = lastNonSpace(line, m.index ?? 0);
      const sentenceStart = before === '' || /[.!?:;"“”«»]/.test(before);
      const next = tokens[i + 1];
      const nextCapitalised =
        next !== undefined &&
        CAPITALISED.test(next[0]) &&
        /^\s*$/.test(line.slice((m.index ?? 0) + word.length, next.index));
      if (sentenceStart && !nextCapitalised) return;
      // A word with native letters only (Vietnamese diacritics) is a title or common word
      // (`Tổng thống`) unless it is part of a multi-word proper name (`Trung Quốc`).
      if (
        data.nativeWordLetters?.test(word) &&
        !nextCapitalised &&
        !prevCapitalised(tokens, i, line)
      )
        return;
      const lower = word.toLowerCase();
      if (stop.has(lower) || english.has(lower) || lowerWords.has(lower)) return;
      // A short country name (`Nga`, Russia in Vietnamese) is a country anchor, not a name.
      if (word.length < 4 && countryOfWord(word, lang)) return;
      // German capitalises every noun: a word its dictionary knows is a noun, not a name.
      if (nounPack && (nounPack.has(STEMMERS[lang]?.(lower) ?? lower) || compoundNouns.has(lower)))
        return;
      // Without the dictionary, the words before it tell (`der Halbinsel`); acronyms stay.
      if (
        data.capitalisesNouns &&
        !nounPack &&
        !/^\p{Lu}+$/u.test(word) &&
        nounPosition(tokens, i, line, markers)
      )
        return;
      for (const part of word.split(/[-’']/)) {
        // `Ryder-Cup-Spieler`, `Golf-Legende`: the parts that are German words are not names.
        if (part !== word && knows(part.toLowerCase())) continue;
        const key = nameKey(part);
        if (key.length >= MIN_NAME_KEY_LENGTH && !CALENDAR_WORDS.has(key)) keys.add(key);
      }
      // A country (`Tổng thống Kyrgyzstan Askar Akayev`) or a possessive (`Vietnam's Da Nang`)
      // ends a name; a short word (`Le`, `Ng`) belongs to the name around it.
      if (/['’]s$/u.test(word) || countryOfWord(word, lang) || countryOfWord(word, 'en')) endRun();
      else accepted(m);
    });
    endRun();
  }
  return { keys: [...keys], runs: [...runs] };
}
