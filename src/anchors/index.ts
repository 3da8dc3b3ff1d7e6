import type { Stage } from '../pipeline.ts';
import { findCountries } from './countries.ts';
import { dateAnchors } from './dates.ts';
import { nameAnchorsAndRuns, nameKey } from './names.ts';
import { numberAnchors } from './numbers.ts';
import type { Anchors } from '../types.ts';
import { packFor } from '../lexicon/pack.ts';
import { normalizeArabic, stripArabicProclitic } from '../segment/arabic.ts';
import { segmentTerms } from '../segment/index.ts';
import { plainChineseSegmenter, type ChineseSegmenter } from '../segment/chinese.ts';
import { NO_ALIASES, type AliasLookup } from './aliases.ts';
import { scanCities } from './cities.ts';
import { languageData } from '../lang/index.ts';
import { nameSkeleton } from './translit.ts';

/**
 * Name forms in scripts without case: runs of transliteration characters in Chinese and, in
 * Arabic, Korean, Japanese katakana, Hebrew and Hindi, words the language's pack does not know
 * (names are what a dictionary lacks; without a pack a language gets none, as every word would
 * count).
 */
export function foreignNameForms(
  text: string,
  lang: string,
  chinese: ChineseSegmenter = plainChineseSegmenter(),
): string[] {
  const data = languageData(lang);
  if (data.nameForms === 'translit-runs') return [...new Set(chinese.nameCandidates(text))];
  if (data.nameForms === 'unknown-words') return unknownWordForms(text, lang);
  return [];
}

/** Words of a text its language's pack (the installed one unless given) does not know. */
export function unknownWordForms(
  text: string,
  lang: string,
  pack: { has(term: string): boolean } | null = packFor(lang),
): string[] {
  const data = languageData(lang);
  const words = data.nameWords;
  if (!pack || !words) return [];
  const arabic = data.segmenter === 'arabic';
  // A stop word gives no term: it is known too.
  const known = (w: string) => segmentTerms(w, lang).every((t) => pack.has(t));
  const long = (w: string) => [...w].length >= words.minLength;
  const out = new Set<string>();
  for (const word of text.match(words.pattern) ?? []) {
    const bare = arabic
      ? stripArabicProclitic(normalizeArabic(word))
      : word.replace(data.nameParticles ?? /$^/u, '');
    if (!long(bare) || known(bare) || (word !== bare && known(word))) continue;
    if (arabic && isArabicInflection(bare, known)) continue;
    out.add(bare);
    for (const p of words.proclitics ?? []) {
      if (bare.startsWith(p) && long(bare.slice(p.length))) out.add(bare.slice(p.length));
    }
  }
  return [...out];
}

/**
 * Inflections the Arabic stemmer leaves: a feminine plural (`مواجهات`, of `مواجهة`) and a future
 * verb (`ستضع`, will put) are words, not names.
 */
function isArabicInflection(bare: string, known: (w: string) => boolean): boolean {
  if (/ات$/.test(bare) && (known(bare.slice(0, -2)) || known(bare.slice(0, -2) + 'ه'))) return true;
  return /^س[يتنا]/.test(bare) && known(bare.slice(2));
}

/** Skeletons of the names a text carries, whatever the script. */
export function nameSkeletons(names: readonly string[], forms: readonly string[]): string[] {
  const out = new Set<string>();
  for (const n of [...names, ...forms]) {
    const s = nameSkeleton(n);
    if (s) out.add(s);
  }
  return [...out];
}

/** What anchor extraction reads besides the text: learned aliases and the Chinese segmenter. */
export interface AnchorTools {
  aliases?: AliasLookup;
  chinese?: ChineseSegmenter;
}

/** The language-independent features of a text: numbers, dates, names and countries. */
export function extractAnchors(
  title: string,
  text: string,
  lang: string,
  tools: AnchorTools = {},
): Anchors {
  const all = `${title}\n${text}`;
  const aliases = tools.aliases ?? NO_ALIASES;
  const chinese = tools.chinese ?? plainChineseSegmenter();
  const unknown = foreignNameForms(all, lang, chinese);
  // Chinese country and city names are matched on words, with the text's names kept whole.
  const cutChinese = (t: string) => chinese.words(t, unknown);
  const countries = findCountries(all, lang, cutChinese);
  const cities = scanCities(all, lang, countries, cutChinese);
  const forms = [...new Set([...unknown, ...cities.respelled])];
  const latin = nameAnchorsAndRuns(all, lang);
  // A city in a case ending is the city (`l:`), not a name: `Улан-Баторе` keys as `batore`,
  // which no other language writes.
  const inflected = new Set(cities.inflected.flatMap((w) => w.split('-').map(nameKey)));
  // Learned aliases give a foreign form its Latin name (src/anchors/aliases.ts).
  const names = [
    ...new Set([
      ...latin.keys.filter((k) => !inflected.has(k)),
      ...forms.map((f) => aliases.lookup(f, lang)).filter((n): n is string => n !== null),
    ]),
  ];
  return {
    numbers: numberAnchors(all),
    dates: dateAnchors(all, lang),
    names,
    countries,
    skeletons: nameSkeletons(names, forms),
    nameForms: forms,
    cities: [...cities.counts.keys()].sort(),
    fullNames: latin.runs,
  };
}

export function createAnchorsStage(chinese: () => ChineseSegmenter): Stage {
  return {
    name: 'anchors@3',
    requires: ['title', 'text', 'lang'],
    assigns: ['anchors'],
    run(article, ctx) {
      return {
        ...article,
        anchors: extractAnchors(article.title, article.text, article.lang ?? 'und', {
          aliases: ctx.aliases,
          chinese: chinese(),
        }),
      };
    },
  };
}
