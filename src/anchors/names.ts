import { packFor } from '../lexicon/pack.ts';
import { countryOfWord } from './countries.ts';
import { STEMMERS } from '../segment/stemmers.ts';
import { stopwords } from '../segment/stopwords.ts';

/**
 * Name anchors: capitalised words in Latin or Cyrillic script, folded to a plain Latin key so
 * that `Kurmanbek_Bakiyev` in a Vietnamese report and `Kurmanbek Bakiyev` in an English one
 * give the same keys. Names in scripts without case (Han, Arabic) need transliteration tables
 * and are handled by language packs.
 */

const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
  ө: 'o',
  ү: 'u',
  ң: 'ng',
  ә: 'a',
  қ: 'k',
  ғ: 'g',
  ұ: 'u',
  һ: 'h',
};

/** Romanises Cyrillic letter by letter (a simple scientific-style table). */
export function romanizeCyrillic(word: string): string {
  return [...word.toLowerCase()].map((c) => CYRILLIC[c] ?? c).join('');
}

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
/** Weekdays and months, in the languages that capitalise them (as name keys: no diacritics). */
const CALENDAR_WORDS = new Set(
  `monday tuesday wednesday thursday friday saturday sunday january february march april may june
  july august september october november december mondays tuesdays wednesdays thursdays fridays
  saturdays sundays
  montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar marz juni juli
  oktober dezember
  isnin selasa rabu khamis jumaat sabtu ahad senin kamis jumat minggu januari februari
  maret julai juli ogos agustus oktober disember desember`.split(/\s+/),
);

/**
 * Words after which a capitalised German word is a common noun (`der Halbinsel`, `drei
 * Kilometer`): articles, determiners and number words. Used when no German pack can say so.
 */
const GERMAN_NOUN_MARKERS = new Set(
  `der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner
  keines im am zum zur vom beim ins ans aufs sein seine seinen seinem seiner ihr ihre ihren ihrem
  ihrer unser unsere unseren unserem unserer dieser diese dieses diesem diesen jeder jede jedes
  jedem jeden mehrere viele alle beiden zwei drei vier fünf sechs sieben acht neun zehn elf
  zwölf zwanzig dreißig hundert tausend rund etwa`.split(/\s+/),
);

/** True when a German word at `i` follows an article, a determiner (with an adjective between) or a number. */
function germanNounPosition(tokens: RegExpMatchArray[], i: number, line: string): boolean {
  const before = line.slice(0, tokens[i].index).trimEnd();
  if (/\d$/.test(before)) return true;
  const prev = tokens[i - 1]?.[0];
  if (prev === undefined) return false;
  if (GERMAN_NOUN_MARKERS.has(prev.toLowerCase())) return true;
  // `der isländischen Halbinsel`: one inflected adjective between article and noun.
  const prevPrev = tokens[i - 2]?.[0];
  return (
    /^\p{Ll}+(?:e|en|er|es|em)$/u.test(prev) &&
    prevPrev !== undefined &&
    GERMAN_NOUN_MARKERS.has(prevPrev.toLowerCase())
  );
}

export const MIN_NAME_KEY_LENGTH = 3;
/** Letters only Vietnamese writes: a word with one is a native word, not a foreign name. */
export const VIETNAMESE_MARKS =
  /[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]/iu;

function prevCapitalised(tokens: RegExpMatchArray[], i: number, line: string): boolean {
  const prev = tokens[i - 1];
  if (!prev) return false;
  const gap = line.slice((prev.index ?? 0) + prev[0].length, tokens[i].index);
  return CAPITALISED.test(prev[0]) && /^\s*$/.test(gap);
}

/** Name keys of the capitalised Latin/Cyrillic words in a text, with mention counts. */
/** Languages that capitalise common nouns, so capitals alone do not make a name. */
const NOUN_CAPITALISING = new Set(['de', 'lb']);

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
function germanCompoundNouns(text: string, knows: (word: string) => boolean): Set<string> {
  const nouns = new Set<string>();
  for (const line of text.split('\n')) {
    const tokens = [...line.matchAll(WORD)];
    tokens.forEach((m, i) => {
      const lower = m[0].toLowerCase();
      if (!CAPITALISED.test(m[0]) || nouns.has(lower) || knows(lower)) return;
      if (germanNounPosition(tokens, i, line) && splitsIntoKnownWords(lower, knows))
        nouns.add(lower);
    });
  }
  return nouns;
}

export function nameAnchors(text: string, lang: string): string[] {
  return nameAnchorsAndRuns(text, lang).keys;
}

/**
 * Name keys (see nameAnchors), and the names of two or more adjacent words they come from, as
 * written: `Trần Văn Minh`, `Kassym-Jomart Tokayev`, `Central Election Commission`.
 */
export function nameAnchorsAndRuns(text: string, lang: string): { keys: string[]; runs: string[] } {
  const nounPack = NOUN_CAPITALISING.has(lang) ? packFor(lang) : null;
  const knows = (word: string) =>
    word.length >= 3 &&
    nounPack !== null &&
    (nounPack.has(word) || nounPack.has(STEMMERS[lang]?.(word) ?? word));
  const compoundNouns = nounPack ? germanCompoundNouns(text, knows) : new Set<string>();
  const stop = stopwords(lang);
  const english = stopwords('en');
  const keys = new Set<string>();
  // A capitalised word that the same text also writes in lower case is a common word in a
  // title or at a sentence start (`Health Ministry`, `Central Election Commission`), not a name.
  const lowerWords = new Set<string>();
  for (const m of text.matchAll(WORD)) if (/^\p{Ll}/u.test(m[0])) lowerWords.add(m[0]);
  const runs = new Set<string>();
  for (const line of text.split('\n')) {
    const tokens = [...line.matchAll(WORD)];
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
      const before = line.slice(0, m.index).trimEnd();
      const sentenceStart = before.length === 0 || /[.!?:;"“”«»]$/.test(before);
      const next = tokens[i + 1];
      const nextCapitalised =
        next !== undefined &&
        CAPITALISED.test(next[0]) &&
        /^\s*$/.test(line.slice((m.index ?? 0) + word.length, next.index));
      if (sentenceStart && !nextCapitalised) return;
      // A Vietnamese word with native diacritics is a title or common word (`Tổng thống`)
      // unless it is part of a multi-word proper name (`Trung Quốc`).
      if (
        lang === 'vi' &&
        VIETNAMESE_MARKS.test(word) &&
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
        NOUN_CAPITALISING.has(lang) &&
        !nounPack &&
        !/^\p{Lu}+$/u.test(word) &&
        germanNounPosition(tokens, i, line)
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
