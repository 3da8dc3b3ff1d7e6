import { findCountries } from '../anchors/countries.ts';
import { nameSkeleton } from '../anchors/translit.ts';
import { anchorKeys } from '../cluster/features.ts';
import { NEWS_AGENCIES } from '../lang/agencies.ts';
import { isSingleSyllable } from '../lang/syllables.ts';
import type { StoredEvent } from '../store/types.ts';
import type { Anchors } from '../types.ts';

/**
 * Storylines: events that continue one another, over days or years, share their key actors
 * and places. Each event is summarised by the names (in every script, through skeletons) and
 * countries its reports carry; two events are linked when the IDF-weighted overlap of those
 * is high enough, and a story is a connected group of linked events. Computed on demand from
 * the store; pure apart from its input.
 */

/** Key kinds that identify actors and places (`p:` names, `s:` skeletons, `c:` countries, `l:` cities). */
const STORY_KEYS = /^(p|s|c|l):/;
/**
 * A story link needs this much weighted overlap: the IDF weight of the shared keys over that
 * of the smaller event's keys (a short report and a long one can continue each other).
 */
export const STORY_THRESHOLD = 0.7;
/**
 * Events in the same country need less: a country's upheavals years apart (Kyrgyzstan 2005,
 * 2010, 2020) share a few key names and places amid much that differs, while a neighbour's
 * crisis that shares one actor is kept apart by MIN_SHARED_NAMES.
 */
export const SAME_COUNTRY_STORY_THRESHOLD = 0.1;

/** Skeletons of country names: a country is a `c:` key, not a name shared by two stories. */
let countrySkeletons: Set<string> | null = null;
function isCountrySkeleton(key: string): boolean {
  if (!countrySkeletons) {
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    countrySkeletons = new Set<string>();
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const name = names.of(String.fromCharCode(a, b));
        const s = name ? nameSkeleton(name) : null;
        if (s) countrySkeletons.add(`s:${s}`);
      }
    }
  }
  return countrySkeletons.has(key);
}
/** And at least this many shared actor/place keys besides countries. */
export const MIN_SHARED_NAMES = 2;

export interface StoryEventInput {
  event: StoredEvent;
  /**
   * The anchors of every report of the event: read only for an event stored before story
   * keys were kept (`event.storyKeys` null).
   */
  anchors: Anchors[];
}

export interface Story {
  id: string;
  title: string;
  eventIds: string[];
  firstDate: string | null;
  lastDate: string | null;
  /** The keys the events share most: names and countries. */
  keys: string[];
}

/**
 * The actor and place keys of an event, from each report's anchor keys (`anchorKeys`): what
 * the event's story is recognised by. Kept with the event (`StoredEvent.storyKeys`), so stories
 * are built from the events alone.
 */
export function storyKeysOf(reports: readonly (readonly string[])[]): string[] {
  const counts = new Map<string, number>();
  for (const keys of reports) {
    // A country named as a word (`Vietnam`) is already a country key; as a name it would
    // count twice and tie every story in that country together.
    const countryWords = keys
      .filter((k) => k.startsWith('p:'))
      .map((k) => k.slice(2))
      .filter((n) => findCountries(n.charAt(0).toUpperCase() + n.slice(1), 'en').length > 0);
    const skip = new Set(countryWords.flatMap((n) => [`p:${n}`, `s:${nameSkeleton(n)}`]));
    for (const k of new Set(keys)) {
      if (STORY_KEYS.test(k) && !skip.has(k) && !isCountrySkeleton(k)) {
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
    }
  }
  // A key one report mentions once is noise for a story; keep those most of the reports share,
  // or any key of a one-report event.
  const min = reports.length > 2 ? 2 : 1;
  // In the order reports first name them: the order `stories` lists shared keys in on ties.
  return [...counts].filter(([, c]) => c >= min).map(([k]) => k);
}

function signature(input: StoryEventInput): Map<string, number> {
  const keys = input.event.storyKeys ?? storyKeysOf(input.anchors.map((a) => anchorKeys(a)));
  return new Map(keys.filter((k) => !weakName(k)).map((k) => [k, 1]));
}

/**
 * Name keys that tell no story apart: a single syllable of a name (`p:dinh`, `p:jong`: the
 * names stage keys Vietnamese, Chinese and Korean names syllable by syllable) and the credit of
 * a news agency. Unrelated Vietnamese events were joined on such keys.
 */
function weakName(key: string): boolean {
  if (!key.startsWith('p:')) return false;
  const name = key.slice(2);
  return NEWS_AGENCIES.has(name) || isSingleSyllable(name);
}

/**
 * A key held by more than this share of the events (and more than MIN_COMMON_EVENTS of them)
 * tells no story apart from another: a common name part (`Nguyễn`), the country every event of
 * a national collection is in. It is left out of the links.
 */
export const COMMON_SHARE = 0.1;
export const MIN_COMMON_EVENTS = 8;
/**
 * Groups of events join by average linkage: the summed link strength between two groups
 * (each link scaled by its threshold; pairs without a link count 0), over the number of
 * pairs, must reach this. One event that shares two names with one member of a long story
 * does not pull it in, and two stories are not chained through one such event.
 */
export const AVERAGE_LINK_SHARE = 0.25;

/** The thresholds above, as one object, so the evaluation can try others. */
export interface StoryParams {
  threshold: number;
  sameCountryThreshold: number;
  minSharedNames: number;
  commonShare: number;
  minCommonEvents: number;
  averageLinkShare: number;
}

export const DEFAULT_STORY_PARAMS: StoryParams = {
  threshold: STORY_THRESHOLD,
  sameCountryThreshold: SAME_COUNTRY_STORY_THRESHOLD,
  minSharedNames: MIN_SHARED_NAMES,
  commonShare: COMMON_SHARE,
  minCommonEvents: MIN_COMMON_EVENTS,
  averageLinkShare: AVERAGE_LINK_SHARE,
};

export function buildStories(
  inputs: readonly StoryEventInput[],
  params: StoryParams = DEFAULT_STORY_PARAMS,
): Story[] {
  const sigs = inputs.map(signature);
  const df = new Map<string, number>();
  for (const s of sigs) for (const k of s.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const common = Math.max(params.minCommonEvents, params.commonShare * inputs.length);
  for (const sig of sigs)
    for (const k of [...sig.keys()]) if ((df.get(k) ?? 0) > common) sig.delete(k);
  const idf = (k: string) => Math.log((inputs.length + 1) / ((df.get(k) ?? 0) + 1)) + 1;
  const mass = sigs.map((s) => [...s.keys()].reduce((acc, k) => acc + idf(k) ** 2, 0) || 1);

  // Candidate pairs through the keys they share, not every pair: a store of many events.
  const holders = new Map<string, number[]>();
  sigs.forEach((sig, i) => {
    for (const k of sig.keys()) holders.set(k, [...(holders.get(k) ?? []), i]);
  });
  const edges: { i: number; j: number; score: number }[] = [];
  for (let i = 0; i < inputs.length; i++) {
    const seen = new Set<number>();
    for (const k of sigs[i].keys()) for (const j of holders.get(k) ?? []) if (j > i) seen.add(j);
    for (const j of seen) {
      let dot = 0;
      let sharedNames = 0;
      let sharedCountry = false;
      for (const k of sigs[i].keys()) {
        if (!sigs[j].has(k)) continue;
        dot += idf(k) ** 2;
        if (k.startsWith('c:')) sharedCountry = true;
        else sharedNames++;
      }
      const overlap = dot / Math.min(mass[i], mass[j]);
      const threshold = sharedCountry ? params.sameCountryThreshold : params.threshold;
      if (sharedNames >= params.minSharedNames && overlap >= threshold) {
        // Scaled by the pair's own threshold, so same-country and other links compare.
        edges.push({ i, j, score: overlap / threshold });
      }
    }
  }
  edges.sort((a, b) => b.score - a.score || a.i - b.i || a.j - b.j);

  const parent = inputs.map((_, i) => i);
  const size = inputs.map(() => 1);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  // Group -> the summed link scores to each other group.
  const links = new Map<number, Map<number, number>>();
  const linkOf = (a: number) => links.get(a) ?? links.set(a, new Map()).get(a)!;
  for (const { i, j, score } of edges) {
    linkOf(i).set(j, (linkOf(i).get(j) ?? 0) + score);
    linkOf(j).set(i, (linkOf(j).get(i) ?? 0) + score);
  }
  for (const { i, j } of edges) {
    const a = find(i);
    const b = find(j);
    if (a === b) continue;
    const mean = (linkOf(a).get(b) ?? 0) / (size[a] * size[b]);
    if (mean < params.averageLinkShare) continue;
    // b goes into a: its links become a's.
    parent[b] = a;
    size[a] += size[b];
    const la = linkOf(a);
    la.delete(b);
    for (const [c, w] of linkOf(b)) {
      if (c === a) continue;
      la.set(c, (la.get(c) ?? 0) + w);
      const lc = linkOf(c);
      lc.delete(b);
      lc.set(a, (lc.get(a) ?? 0) + w);
    }
    links.delete(b);
  }
  const groups = new Map<number, number[]>();
  inputs.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]));
  const stories: Story[] = [];
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const events = members.map((i) => inputs[i].event);
    events.sort((a, b) => (a.firstDate ?? '9999').localeCompare(b.firstDate ?? '9999'));
    const shared = new Map<string, number>();
    for (const i of members)
      for (const k of sigs[i].keys()) shared.set(k, (shared.get(k) ?? 0) + 1);
    const keys = [...shared]
      .filter(([, c]) => c >= 2)
      .sort((a, b) => b[1] * idf(b[0]) - a[1] * idf(a[0]))
      .slice(0, 6)
      .map(([k]) => k);
    const dated = events
      .map((e) => [e.firstDate, e.lastDate])
      .flat()
      .filter((d): d is string => !!d)
      .sort();
    const largest = [...events].sort((a, b) => b.articleCount - a.articleCount)[0];
    stories.push({
      id: `st-${[...events]
        .map((e) => e.id)
        .sort()[0]
        .replace(/^ev-/, '')}`,
      title: largest.title,
      eventIds: events.map((e) => e.id),
      firstDate: dated[0] ?? null,
      lastDate: dated[dated.length - 1] ?? null,
      keys,
    });
  }
  return stories.sort((a, b) => (b.lastDate ?? '').localeCompare(a.lastDate ?? ''));
}
