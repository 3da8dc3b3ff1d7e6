import type { Stage } from '../pipeline.ts';
import { findCountries } from './countries.ts';
import { dateAnchors } from './dates.ts';
import { nameAnchors } from './names.ts';
import { numberAnchors } from './numbers.ts';
import type { Anchors } from '../types.ts';

/** The language-independent features of a text: numbers, dates, names and countries. */
export function extractAnchors(title: string, text: string, lang: string): Anchors {
  const all = `${title}\n${text}`;
  const countries = findCountries(all, lang);
  return {
    numbers: numberAnchors(all),
    dates: dateAnchors(all, lang),
    names: nameAnchors(all, lang),
    countries,
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
