import { STEMMERS } from '../segment/stemmers.ts';

/**
 * Event types: a small taxonomy aligned with the top levels of ACLED and CAMEO. An event is
 * typed from its concept vector (English-pivot glosses, so any language with a pack is typed
 * the same way); the cue that weighed most is kept, so the decision can be checked.
 */
export const EVENT_TYPES = [
  'protest',
  'riot',
  'armed clash',
  'violence against civilians',
  'election',
  'coup or seizure of power',
  'disaster',
  'diplomacy',
  'other',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * Cue words per type, with weights (English; stemmed when the table is built). A word that
 * often stands for something else in news (a football "battle", a market "crash", "power",
 * "seat", "minister", "March") weighs little or is left out: glosses carry every sense of the
 * word they translate, so a long report that is about none of these still meets many of them.
 */
const CUES: Record<Exclude<EventType, 'other'>, Record<string, number>> = {
  protest: {
    protest: 2.5,
    protester: 2.5,
    protestor: 2.5,
    counterprotest: 2,
    demonstration: 1,
    demonstrator: 1,
    remonstrate: 1.5,
    rally: 1,
    strike: 1,
    picket: 2,
    walkout: 2.5,
    stoppage: 1.5,
    boycott: 1,
  },
  riot: {
    riot: 3,
    rioter: 3,
    looting: 1.5,
    looter: 1.5,
    unrest: 1.5,
    vandalism: 1.5,
    arson: 1,
  },
  'armed clash': {
    battle: 0.5,
    fighting: 0.5,
    troops: 1.5,
    offensive: 1,
    counteroffensive: 3,
    shelling: 2,
    airstrike: 2.5,
    artillery: 2,
    rebel: 1.5,
    insurgent: 2,
    militia: 1.5,
    militant: 1,
    frontline: 1.5,
    ceasefire: 1.5,
    recapture: 2,
    gunfight: 2,
    warplane: 1.5,
  },
  'violence against civilians': {
    massacre: 3,
    slaughter: 1.5,
    gunman: 2.5,
    gunmen: 2.5,
    shooting: 1,
    bombing: 1.5,
    terrorist: 2.5,
    terror: 1.5,
    suicide: 1,
    hostage: 1,
    abduction: 2,
    kidnap: 2,
    assassination: 1,
  },
  election: {
    election: 2,
    vote: 1,
    voter: 2,
    ballot: 2,
    poll: 1,
    turnout: 2,
    candidate: 1.5,
    electoral: 2,
    referendum: 3,
    plebiscite: 3,
    runoff: 2.5,
    midterm: 2,
    incumbent: 1,
  },
  'coup or seizure of power': {
    coup: 3,
    putsch: 3,
    junta: 3,
    mutiny: 2,
    overthrow: 2.5,
    oust: 1.5,
    toppled: 1.5,
  },
  disaster: {
    earthquake: 3,
    quake: 2.5,
    tremor: 2,
    seismic: 2.5,
    aftershock: 2.5,
    magnitude: 1.5,
    tsunami: 3,
    eruption: 3,
    volcano: 3,
    volcanic: 3,
    flood: 2.5,
    inundation: 2,
    landslide: 3,
    storm: 1.5,
    typhoon: 3,
    hurricane: 3,
    cyclone: 3,
    tornado: 3,
    thunderstorm: 0.5,
    lightning: 1.5,
    drought: 1,
    heatwave: 2,
    wildfire: 3,
    blaze: 2,
    conflagration: 2.5,
    fire: 1,
    explosion: 1.5,
    collapse: 1,
    derail: 3,
    crash: 1.5,
    collision: 1,
    accident: 1,
    wreck: 1.5,
    shipwreck: 2.5,
    stampede: 3,
    trample: 1.5,
    evacuate: 1.5,
    rescue: 1,
    disaster: 1.5,
    catastrophe: 1,
  },
  diplomacy: {
    summit: 2.5,
    talks: 0.5,
    agreement: 1,
    treaty: 2,
    pact: 2,
    negotiation: 1,
    sanction: 1.5,
    tariff: 1.5,
    delegation: 1,
    diplomatic: 2.5,
    diplomacy: 2.5,
    bilateral: 2.5,
    ambassador: 1.5,
    envoy: 1.5,
    mediation: 1.5,
    alliance: 1,
  },
};

const STEMMED: [Exclude<EventType, 'other'>, Map<string, number>][] = Object.entries(CUES).map(
  ([type, cues]) => [
    type as Exclude<EventType, 'other'>,
    new Map(Object.entries(cues).map(([w, weight]) => [`g:${STEMMERS.en(w)}`, weight] as const)),
  ],
);

/** Every concept key a type cue is (only these decide `classifyEvent`). */
export const TYPE_CUE_KEYS: ReadonlySet<string> = new Set(
  STEMMED.flatMap(([, cues]) => [...cues.keys()]),
);

/** A type needs at least this much cue weight (summed over the reports) to be assigned… */
export const MIN_TYPE_SCORE = 2;

/**
 * …and at least this share of the cue weight of all the types together. A report about one
 * of these things is mostly about it; a long report that meets a few cues of every type in
 * passing (or through the glosses of words that mean something else) is about none of them.
 */
export const MIN_TYPE_SHARE = 0.6;

/** A type's second and further cue words count this much: one happening, told in several words. */
const FURTHER_CUES = 0.5;

export interface TypeDecision {
  type: EventType;
  /** The English cue stem that weighed most, or null for `other`. */
  cue: string | null;
  score: number;
}

/** Types a bag of concepts (article or event: sum the members' concepts). */
export function classifyEvent(concepts: Iterable<readonly [string, number]>): TypeDecision {
  const present = new Map<string, number>();
  for (const [k, w] of concepts) if (k.startsWith('g:')) present.set(k, (present.get(k) ?? 0) + w);
  let best: TypeDecision = { type: 'other', cue: null, score: 0 };
  let total = 0;
  for (const [type, cues] of STEMMED) {
    const parts: [number, string][] = [];
    for (const [k, weight] of cues) {
      const w = present.get(k);
      // Repetition counts, but with diminishing returns: one long report must not drown out the rest.
      if (w) parts.push([weight * Math.log(1 + w), k]);
    }
    if (parts.length === 0) continue;
    parts.sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? -1 : 1));
    const score = parts.reduce((s, [x], i) => s + (i === 0 ? x : FURTHER_CUES * x), 0);
    total += score;
    if (score > best.score) best = { type, cue: parts[0][1].slice(2), score };
  }
  return best.score >= MIN_TYPE_SCORE && best.score >= MIN_TYPE_SHARE * total
    ? best
    : { type: 'other', cue: null, score: best.score };
}
