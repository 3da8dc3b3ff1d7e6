import type { Stage } from '../pipeline.ts';
import { findCountries } from './countries.ts';
import { dateAnchors } from './dates.ts';
import { nameAnchors } from './names.ts';
import { numberAnchors } from './numbers.ts';
import type { Anchors } from '../types.ts';
import { packFor } from '../lexicon/pack.ts';
import { normalizeArabic, stripArabicProclitic } from '../segment/arabic.ts';
import { segmentTerms } from '../segment/index.ts';
import { findCities } from './cities.ts';
import { chineseNameRuns, nameSkeleton } from './translit.ts';

/**
 * Skeletons of the names a text carries, whatever the script: its Latin/Cyrillic name keys,
 * runs of transliteration characters in Chinese, and, in Arabic, words the Arabic pack does
 * not know (names are what a dictionary lacks; without a pack Arabic gets none, as every
 * word would count).
 */
export function nameSkeletons(text: string, lang: string, names: readonly string[]): string[] {
  const out = new Set<string>();
  const push = (s: string | null) => s && out.add(s);
  for (const key of names) push(nameSkeleton(key));
  if (lang === 'zh') for (const run of chineseNameRuns(text)) push(nameSkeleton(run));
  if (lang === 'ar') {
    const pack = packFor('ar');
    if (pack) {
      for (const word of text.match(/\p{Script=Arabic}{4,}/gu) ?? []) {
        const bare = stripArabicProclitic(normalizeArabic(word));
        if (bare.length < 4) continue;
        const [term] = segmentTerms(bare, 'ar');
        if (term && !pack.has(term) && !pack.has(segmentTerms(word, 'ar')[0] ?? ''))
          push(nameSkeleton(bare));
      }
    }
  }
  return [...out];
}

/** The language-independent features of a text: numbers, dates, names and countries. */
export function extractAnchors(title: string, text: string, lang: string): Anchors {
  const all = `${title}\n${text}`;
  const countries = findCountries(all, lang);
  const names = nameAnchors(all, lang);
  return {
    numbers: numberAnchors(all),
    dates: dateAnchors(all, lang),
    names,
    countries,
    skeletons: nameSkeletons(all, lang, names),
    cities: findCities(all, lang),
  };
}

export const anchorsStage: Stage = {
  name: 'anchors@1',
  requires: ['title', 'text', 'lang'],
  assigns: ['anchors'],
  run(article) {
    return {
      ...article,
      anchors: extractAnchors(article.title, article.text, article.lang ?? 'und'),
    };
  },
};
