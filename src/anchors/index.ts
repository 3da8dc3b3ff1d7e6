import type { Stage } from '../pipeline.ts';
import { findCountries } from './countries.ts';
import { dateAnchors } from './dates.ts';
import { nameAnchorsAndRuns } from './names.ts';
import { numberAnchors } from './numbers.ts';
import type { Anchors } from '../types.ts';
import { packFor } from '../lexicon/pack.ts';
import { normalizeArabic, stripArabicProclitic } from '../segment/arabic.ts';
import { chineseNameCandidates, segmentTerms } from '../segment/index.ts';
import { aliases } from './aliases.ts';
import { findCities } from './cities.ts';
import { nameSkeleton } from './translit.ts';

/**
 * Name forms in scripts without case: runs of transliteration characters in Chinese and, in
 * Arabic, words the Arabic pack does not know (names are what a dictionary lacks; without a
 * pack Arabic gets none, as every word would count).
 */
export function foreignNameForms(text: string, lang: string): string[] {
  const out = new Set<string>();
  if (lang === 'zh') for (const run of chineseNameCandidates(text)) out.add(run);
  if (lang === 'ar') {
    const pack = packFor('ar');
    if (pack) {
      for (const word of text.match(/\p{Script=Arabic}{4,}/gu) ?? []) {
        const bare = stripArabicProclitic(normalizeArabic(word));
        if (bare.length < 4) continue;
        // A stop word gives no term: it is known too.
        const known = (w: string) => {
          const [t] = segmentTerms(w, 'ar');
          return t === undefined || pack.has(t);
        };
        if (known(bare) || known(word)) continue;
        // Inflections the stemmer leaves: a feminine plural (`مواجهات`, of `مواجهة`) and a
        // future verb (`ستضع`, will put) are words, not names.
        if (/ات$/.test(bare) && (known(bare.slice(0, -2)) || known(bare.slice(0, -2) + 'ه')))
          continue;
        if (/^س[يتنا]/.test(bare) && known(bare.slice(2))) continue;
        out.add(bare);
      }
    }
  }
  return [...out];
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

/** The language-independent features of a text: numbers, dates, names and countries. */
export function extractAnchors(title: string, text: string, lang: string): Anchors {
  const all = `${title}\n${text}`;
  const countries = findCountries(all, lang);
  const forms = foreignNameForms(all, lang);
  const latin = nameAnchorsAndRuns(all, lang);
  // Learned aliases give a foreign form its Latin name (src/anchors/aliases.ts).
  const names = [
    ...new Set([
      ...latin.keys,
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
    cities: findCities(all, lang, countries),
    fullNames: latin.runs,
  };
}

export const anchorsStage: Stage = {
  name: 'anchors@3',
  requires: ['title', 'text', 'lang'],
  assigns: ['anchors'],
  run(article) {
    return {
      ...article,
      anchors: extractAnchors(article.title, article.text, article.lang ?? 'und'),
    };
  },
};
