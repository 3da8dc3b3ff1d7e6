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

/** Cue words per type, with weights (English; stemmed when the table is built). */
const CUES: Record<Exclude<EventType, 'other'>, Record<string, number>> = {
  protest: {
    protest: 2,
    protester: 2,
    demonstration: 2,
    demonstrator: 2,
    rally: 1.5,
    march: 1,
    strike: 1.5,
    picket: 1,
    walkout: 1.5,
  },
  riot: { riot: 2.5, rioter: 2.5, looting: 2, unrest: 1.5, vandalism: 1.5, arson: 1.5, tear: 0.5 },
  'armed clash': {
    battle: 2,
    fighting: 1.5,
    troops: 1.5,
    offensive: 1.5,
    shelling: 2,
    airstrike: 2,
    rebel: 1.5,
    militant: 1.5,
    frontline: 2,
    ceasefire: 1,
  },
  'violence against civilians': {
    massacre: 2.5,
    gunman: 2,
    shooting: 1.5,
    bombing: 2,
    abduction: 2,
    kidnap: 2,
    assassination: 2,
  },
  election: {
    election: 2,
    vote: 1.5,
    ballot: 2,
    poll: 1,
    turnout: 2,
    candidate: 1.5,
    electoral: 2,
    seat: 0.5,
  },
  'coup or seizure of power': {
    coup: 3,
    overthrow: 2.5,
    oust: 2,
    junta: 3,
    seize: 1.5,
    power: 0.5,
    toppled: 2,
  },
  disaster: {
    earthquake: 3,
    flood: 2.5,
    storm: 2,
    typhoon: 3,
    hurricane: 3,
    wildfire: 3,
    fire: 1,
    eruption: 3,
    volcano: 3,
    landslide: 3,
    tsunami: 3,
    drought: 2,
    derail: 2.5,
    crash: 1.5,
    magnitude: 2,
    evacuate: 1,
  },
  diplomacy: {
    summit: 2.5,
    talks: 1,
    agreement: 1.5,
    treaty: 2,
    negotiation: 1.5,
    minister: 0.5,
    sanction: 1.5,
    pact: 2,
    delegation: 1.5,
    diplomatic: 2,
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

/** A type needs at least this much cue weight (summed over the reports) to be assigned. */
export const MIN_TYPE_SCORE = 2;

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
  for (const [type, cues] of STEMMED) {
    let score = 0;
    let cue: string | null = null;
    let cueScore = 0;
    for (const [k, weight] of cues) {
      const w = present.get(k);
      if (!w) continue;
      // Repetition counts, but with diminishing returns: one long report must not drown out the rest.
      const s = weight * Math.log(1 + w);
      score += s;
      if (s > cueScore) {
        cueScore = s;
        cue = k.slice(2);
      }
    }
    if (score > best.score) best = { type, cue, score };
  }
  return best.score >= MIN_TYPE_SCORE ? best : { type: 'other', cue: null, score: best.score };
}
