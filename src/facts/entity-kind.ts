import { countryOfWord } from '../anchors/countries.ts';
import { commonPhraseStarts, nameKey } from '../anchors/names.ts';
import { cuePhrases, languageData, PLACE_WORDS, type EntityCues } from '../lang/index.ts';
import { isSingleSyllable } from '../lang/syllables.ts';
import { nameSkeleton } from '../anchors/translit.ts';
import { chineseNameCandidates } from '../segment/index.ts';
import { normalizeArabic, stripArabicProclitic } from '../segment/arabic.ts';
import { stopwords } from '../segment/stopwords.ts';
import { STEMMERS } from '../segment/stemmers.ts';
import { packFor } from '../lexicon/pack.ts';

/**
 * People, organisations or places: what the words around a name say it is. A title before it
 * (`President`, `Tổng thống`, `总统`, `الرئيس`, `президент`) makes a person; an institution word
 * in or beside it (`Party`, `Đảng`, `党`, `حزب`, `партия`) or an acronym (`NATO`, `ОДКБ`) makes an
 * organisation; a place word (`the town of`, `Halbinsel`, `города`, `X River`) makes a place that
 * is no city GeoNames lists. A name with no cue stays unclassified rather than guessed.
 *
 * Reads a report's text and language; gives one mention per name occurrence, with the id the
 * entity list uses (`name:SKELETON` for a single name word, `org:KEY` for a multi-word
 * organisation or an acronym) and the kind that mention's context votes for.
 */
export type NameKind = 'person' | 'organisation' | 'place';

export interface NameMention {
  surface: string;
  id: string;
  kind: NameKind | null;
  /** How sure the cue is: 1 for a title or institution word, 0.5 for a first-name pattern. */
  weight: number;
  /** On each word of a person's name of several words: the whole name (`Serik Abenov`). */
  fullName?: string;
}

/** Whether a mention is a word of a title (`title:` ids), which names no entity. */
export const isTitleMention = (m: NameMention) => m.id.startsWith('title:');

const phraseSet = cuePhrases;

/** Words that make a capitalised run a place (`Han River`, `Lac Kivu`), not a person. */
export const isPlaceWord = (w: string) => PLACE_WORDS.has(w.toLowerCase());

/**
 * Words that are cues, not names, when a text capitalises them (`Minister`, `Chairman`,
 * `Menteri`): the one-word titles and institution words of the language and of English.
 */
export function isCueWord(word: string, lang: string): boolean {
  const lower = word.toLowerCase();
  return cueWords(lang).has(lower) || cueWords('en').has(lower) || TITLE_PARTS.has(lower);
}

const cueWordCache = new Map<string, Set<string>>();
function cueWords(lang: string): Set<string> {
  let words = cueWordCache.get(lang);
  if (!words) {
    const c = languageData(lang).entityCues;
    words = c ? new Set([...phraseSet(c.person), ...phraseSet(c.org)]) : new Set();
    cueWordCache.set(lang, words);
  }
  return words;
}

/** Parts of titles that are no title alone (`Prime` Minister, `Vice` President). */
const TITLE_PARTS: ReadonlySet<string> = new Set(languageData('en').titleParts ?? []);

const CAPITALISED = /^\p{Lu}/u;
const ACRONYM = /^[\p{Lu}]{2,6}$/u;
/**
 * Capitals that name no actor of the event: Roman numerals, times and zones, currencies and
 * the photo agencies that captions credit (`Ảnh: AFP`).
 */
const NOT_ACRONYM =
  /^(?:[IVXLC]+|AM|PM|OK|TV|GMT|UTC|AFP|AP|EPA|USD|EUR|GBP|JPY|CNY|RMB|VND|RUB|INR|KZT|KGS|MYR|SGD|IDR|THB|PHP|AUD|CAD|CHF|HKD|KRW|TWD)$/;

/** Capitals that are units, codes or credits (`USD`, `GMT`, `AFP`), not an actor's name. */
export const isCodeWord = (word: string) => NOT_ACRONYM.test(word.toUpperCase());

/** True when `words` (lower case, in order) end with one of `phrases`. */
function endsWithCue(words: readonly string[], phrases: ReadonlySet<string>): boolean {
  for (let n = 1; n <= Math.min(3, words.length); n++)
    if (phrases.has(words.slice(words.length - n).join(' '))) return true;
  return false;
}

/** A word of a title (`Transport` of `Transport Minister`): a mention of no one. */
function titleMention(word: string): NameMention {
  return { surface: word, id: `title:${nameKey(word)}`, kind: null, weight: 0 };
}

/**
 * The position of the last word of `run` but its final one that is a one-word title of the
 * language, as written or inflected (`Präsidenten`), or -1.
 */
function lastTitleWord(run: readonly string[], person: ReadonlySet<string>, lang: string): number {
  const stem = STEMMERS[lang] as ((word: string) => string) | undefined;
  let stems = titleStems.get(lang);
  if (!stems) {
    stems = new Set([...person].filter((p) => !p.includes(' ')).map((p) => stem?.(p) ?? p));
    titleStems.set(lang, stems);
  }
  for (let k = run.length - 2; k >= 0; k--) {
    const lower = run[k].toLowerCase();
    if (person.has(lower) || stems.has(stem?.(lower) ?? lower)) return k;
  }
  return -1;
}
const titleStems = new Map<string, Set<string>>();

/** How many leading `words` form one of `phrases` (0 if none). */
function leadingCue(words: readonly string[], phrases: ReadonlySet<string>): number {
  for (let n = Math.min(3, words.length); n >= 1; n--)
    if (phrases.has(words.slice(0, n).join(' ').toLowerCase())) return n;
  return 0;
}

function casedMentions(text: string, lang: string): NameMention[] {
  // A language without cues of its own is read with English ones (news writes them everywhere).
  const data = languageData(lang);
  const cues: EntityCues = data.entityCues ?? languageData('en').entityCues!;
  const person = phraseSet(cues.person);
  const org = phraseSet(cues.org);
  const placeBefore = phraseSet(cues.place);
  const stop = new Set([...stopwords(lang), ...stopwords('en')]);
  const syllablePack = data.segmenter === 'syllables' ? packFor(lang) : null;
  const mentions: NameMention[] = [];
  for (const line of text.replace(/_/g, ' ').split('\n')) {
    const tokens = [...line.matchAll(/[\p{L}\p{M}][\p{L}\p{M}'’-]*/gu)];
    // French and Italian elide articles onto the name (`l'OTSC`, `d'Ata-Jourt`).
    const words = tokens.map((m) => m[0].replace(/^[ldLD]['’](?=\p{Lu})/u, ''));
    const gap = (k: number) =>
      k <= 0
        ? ''
        : line.slice((tokens[k - 1].index ?? 0) + tokens[k - 1][0].length, tokens[k].index);
    // The words before position k in the same clause (a title's full stop, `Mr.`, is no break).
    const clauseBefore = (k: number) => {
      const out: string[] = [];
      for (let b = k - 1; b >= 0 && out.length < 3; b--) {
        const g = gap(b + 1);
        const lower = words[b].toLowerCase();
        if (!/^\s*$/.test(g) && !(/^\.\s*$/.test(g) && person.has(lower))) break;
        out.unshift(lower);
      }
      return out;
    };
    const common = syllablePack ? commonPhraseStarts(line, tokens, syllablePack, lang) : null;
    for (let i = 0; i < words.length;) {
      if (!CAPITALISED.test(words[i])) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < words.length && CAPITALISED.test(words[j]) && /^\s*$/.test(gap(j))) j++;
      const runStart = i;
      let run = words.slice(i, j);
      const before = clauseBefore(i);
      const after = words
        .slice(j, j + 2)
        .filter((_, k) => /^\s*$/.test(gap(j + k)))
        .map((w) => w.toLowerCase());
      let sentenceStart = i === 0 || /[.!?:"“”«»]\s*$/.test(gap(i));
      i = j;
      // An institution's or office's name in syllables (`Sở Tài nguyên`): no one's name.
      if (common?.has(runStart)) continue;
      // Articles and other function words capitalised at a sentence start are not the name.
      while (run.length > 1 && stop.has(run[0].toLowerCase())) {
        run = run.slice(1);
        sentenceStart = false;
      }
      let personCue = endsWithCue(before, person);
      let placeCue = endsWithCue(before, placeBefore);
      // `the Ata Meken opposition party`: one modifier may stand between name and institution word.
      let orgCue =
        endsWithCue(before, org) ||
        leadingCue(after, org) > 0 ||
        leadingCue(after.slice(1), org) > 0;
      // Titles written in capitals (`Prime Minister Boronov`, `Tổng thống`) are cues, not names.
      let titled = false;
      for (let n = leadingCue(run, person); n > 0 && n < run.length; n = leadingCue(run, person)) {
        personCue = true;
        titled = true;
        run = run.slice(n);
        sentenceStart = false;
      }
      // A title ends inside the run (`Transport Minister Rudi Hartono`, `Vice Chairman Tran
      // Van Minh`, `Präsidenten Emmanuel Macron`): the words up to its last title word go.
      const title = lastTitleWord(run, person, lang);
      if (title >= 0) {
        personCue = true;
        titled = true;
        for (const w of run.slice(0, title + 1)) mentions.push(titleMention(w));
        run = run.slice(title + 1);
        sentenceStart = false;
      }
      // After a title, words the dictionary knows are the rest of it (`Menteri Pengangkutan Rudi
      // Hartono`, the transport minister), while two words are left for the name.
      if (titled) {
        const pack = packFor(lang);
        const stem = STEMMERS[lang] as ((word: string) => string) | undefined;
        const known = (w: string) => pack !== null && (pack.has(w) || pack.has(stem?.(w) ?? w));
        while (run.length > 2 && known(run[0].toLowerCase())) {
          mentions.push(titleMention(run[0]));
          run = run.slice(1);
        }
      }
      // So are place words (`Halbinsel Reykjanes`, `Lake Kivu`).
      while (run.length > 1 && (placeBefore.has(run[0].toLowerCase()) || isPlaceWord(run[0]))) {
        placeCue = true;
        run = run.slice(1);
        sentenceStart = false;
      }
      for (const w of run) {
        if (!ACRONYM.test(w) || NOT_ACRONYM.test(w)) continue;
        mentions.push({
          surface: w,
          id: `org:${nameKey(w).toUpperCase()}`,
          kind: 'organisation',
          weight: 1,
        });
      }
      run = run.filter((w) => !ACRONYM.test(w) || NOT_ACRONYM.test(w));
      if (run.length === 0) continue;
      if (run.some((w, k) => leadingCue(run.slice(k), org) > 0)) orgCue = true;
      if (orgCue && run.length > 1) {
        const key = run.map(nameKey).join(' ');
        mentions.push({
          surface: run.join(' '),
          id: `org:${key}`,
          kind: 'organisation',
          weight: 1,
        });
      }
      const place =
        placeCue || run.some(isPlaceWord) || (after.length > 0 && PLACE_WORDS.has(after[0]));
      const kind: NameKind | null = orgCue
        ? 'organisation'
        : place
          ? 'place'
          : personCue
            ? 'person'
            : null;
      // A sentence's first word is capitalised anyway: it neither names nor counts as a given name.
      // Country names are places, in one word (`Nga`) or two (`Trung Quốc`, China).
      const countryWords = new Set<number>();
      run.forEach((w, k) => {
        if (countryOfWord(w, lang)) countryWords.add(k);
        if (k > 0 && countryOfWord(`${run[k - 1]} ${w}`, lang)) countryWords.add(k - 1).add(k);
      });
      const names = (sentenceStart && !kind && run.length > 1 ? run.slice(1) : run).filter(
        (w) => !countryWords.has(run.indexOf(w)),
      );
      // Two or more plain name words in a row read as given name and family name.
      // A one-letter word is no given name (`Trung Á`, Central Asia).
      const weak = !kind && names.filter((w) => [...w].length >= 2).length >= 2;
      const parts = names.filter((w) => !org.has(w.toLowerCase()) && !isPlaceWord(w));
      // A native word (Vietnamese diacritics) beside a foreign name is no part of it (`Nhà
      // Trắng Jen Psaki`, the White House's Jen Psaki), though a Vietnamese name is all native words.
      const native = data.nativeWordLetters;
      // A syllable the language could write without marks (`Minh` of `Trần Văn Minh`) is no
      // foreign word.
      const foreign = native
        ? parts.filter((w) => !native.test(w) && !isSingleSyllable(nameKey(w)))
        : [];
      const nameParts = foreign.length > 0 ? foreign : parts;
      // A person's words in a row are one name (`Serik Abenov`), not two entities.
      const fullName =
        (kind === 'person' || (!kind && weak)) && nameParts.length > 1
          ? nameParts.join(' ')
          : undefined;
      for (const w of nameParts) {
        const s = nameSkeleton(w);
        mentions.push({
          surface: w,
          id: `name:${s ?? nameKey(w)}`,
          kind: kind ?? (weak ? 'person' : null),
          weight: kind ? 1 : 0.5,
          ...(fullName && { fullName }),
        });
      }
    }
  }
  return mentions;
}

function chineseMentions(text: string, cues: EntityCues): NameMention[] {
  const personCues = [...phraseSet(cues.person)];
  const orgCues = [...phraseSet(cues.org)];
  const compact = text.replace(/\s+/g, '');
  const mentions: NameMention[] = [];
  for (const run of new Set(chineseNameCandidates(compact))) {
    const s = nameSkeleton(run);
    if (!s) continue;
    for (let at = compact.indexOf(run); at >= 0; at = compact.indexOf(run, at + run.length)) {
      const before = compact.slice(Math.max(0, at - 4), at);
      const after = compact.slice(at + run.length, at + run.length + 3);
      const org = orgCues.some((c) => after.startsWith(c));
      const person = personCues.some(
        (c) => before.endsWith(c) || before.slice(0, -1).endsWith(c) || after.startsWith(c),
      );
      mentions.push({
        surface: run,
        id: `name:${s}`,
        kind: org ? 'organisation' : person ? 'person' : null,
        weight: 1,
      });
    }
  }
  return mentions;
}

function arabicMentions(
  text: string,
  nameForms: ReadonlySet<string>,
  cues: EntityCues,
): NameMention[] {
  const [person, org, placeCues] = [cues.person, cues.org, cues.place].map((list) =>
    [...phraseSet(list)].map(normalizeArabic),
  );
  const words = (text.match(/\p{Script=Arabic}+/gu) ?? []).map(normalizeArabic);
  const mentions: NameMention[] = [];
  words.forEach((w, i) => {
    const bare = stripArabicProclitic(w);
    if (!nameForms.has(bare)) return;
    const s = nameSkeleton(bare);
    if (!s) return;
    const before = words.slice(Math.max(0, i - 2), i).map(stripArabicProclitic);
    const near = (cues: string[]) =>
      before.some((b) => cues.some((c) => b === c || b === stripArabicProclitic(c)));
    const isOrg = near(org);
    const place = near(placeCues);
    const isPerson = near(person);
    mentions.push({
      surface: bare,
      id: `name:${s}`,
      kind: isOrg ? 'organisation' : place ? 'place' : isPerson ? 'person' : null,
      weight: 1,
    });
  });
  return mentions;
}

/**
 * Name mentions of one text with the kind their context votes for. `nameForms` are the
 * Arabic name forms the anchors stage found (Arabic names are the words a dictionary lacks).
 */
export function nameMentions(
  text: string,
  lang: string,
  nameForms: readonly string[] = [],
): NameMention[] {
  const data = languageData(lang);
  // Japanese and Persian read with the Chinese and Arabic cues.
  if (data.mentions === 'han-runs')
    return chineseMentions(text, (data.entityCues ?? languageData('zh').entityCues)!);
  if (data.mentions === 'arabic-forms')
    return arabicMentions(
      text,
      new Set(nameForms),
      (data.entityCues ?? languageData('ar').entityCues)!,
    );
  return casedMentions(text, lang);
}

export type KindVotes = Record<NameKind, number>;

export const noVotes = (): KindVotes => ({ person: 0, organisation: 0, place: 0 });

/** The kind most of an entity's mentions vote for, or null when they do not say or tie. */
export function voteKind(votes: KindVotes): NameKind | null {
  const ranked = (Object.entries(votes) as [NameKind, number][]).sort((a, b) => b[1] - a[1]);
  if (ranked[0][1] === 0 || ranked[0][1] === ranked[1][1]) return null;
  return ranked[0][0];
}
