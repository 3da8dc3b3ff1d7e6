import { languageData } from '../lang/index.ts';
import { STEMMERS } from '../segment/stemmers.ts';
import { stopwords } from '../segment/stopwords.ts';

/**
 * English glosses -> concept keys. A concept is a Snowball-stemmed English content word: the
 * same key an English article's terms already are, so every language meets English (and each
 * other) in one space.
 */

/** How many senses of an entry count, and how many content words of each. */
export const MAX_SENSES = 3;
export const MAX_WORDS_PER_SENSE = 4;

/** Words that describe a dictionary entry instead of translating it (src/lang/en/). */
const GLOSS_NOISE = new Set(languageData('en').glossNoise ?? []);

function stripMarkup(s: string): string {
  return s
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;/g, ' ')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/“[^”]*”/g, ' ');
}

/** The concept keys of one sense's text: `"to seize power"` -> `["seiz", "power"]`. */
export function senseKeys(sense: string): string[] {
  const stop = stopwords('en');
  const words = stripMarkup(sense)
    .toLowerCase()
    .split(/[^a-z-]+/)
    .flatMap((w) => w.split('-'))
    .filter((w) => w.length > 1 && !stop.has(w) && !GLOSS_NOISE.has(w));
  return [...new Set(words.map((w) => STEMMERS.en(w)))].slice(0, MAX_WORDS_PER_SENSE);
}

/** Weighted concept keys of an entry: earlier senses weigh more (1, 1/2, 1/3). */
export function glossConcepts(senses: readonly string[]): [string, number][] {
  const weights = new Map<string, number>();
  let rank = 0;
  for (const sense of senses) {
    const keys = senseKeys(sense);
    if (keys.length === 0) continue;
    rank++;
    for (const k of keys) weights.set(k, Math.max(weights.get(k) ?? 0, 1 / rank / keys.length));
    if (rank >= MAX_SENSES) break;
  }
  return [...weights];
}
