/**
 * Clustering weights and thresholds. Fitted on the development sets by `npm run fit`
 * (scripts/fit.ts); one set of values for every file. The version goes into each event's
 * provenance so a result traces back to the parameters that produced it.
 */
export interface ClusterParams {
  version: string;
  /** Weight of the monolingual TF-IDF cosine (only when the event has a report in the language). */
  surfaceWeight: number;
  /** Weight of the concept cosine (glosses + anchors) in the same-language score. */
  conceptWeight: number;
  /** Weight of the concept cosine when the event has no report in the article's language. */
  crossConceptWeight: number;
  /**
   * In one language, the score is scaled by min(1, concept cosine / this): words in common
   * count in full only when names, numbers and glosses agree as well (0 switches it off).
   */
  conceptAgreement: number;
  /** An article joins the best event whose score reaches this; otherwise it starts a new one. */
  threshold: number;
  /**
   * Two events with no language in common are merged when the cosine of their concept
   * centroids reaches this (0 switches event-level linking off).
   */
  linkThreshold: number;
  /** Days of distance that cost nothing (reports trail an event by a day or two). */
  timeGraceDays: number;
  /** Beyond the grace, the score decays by e^(-days/scale). */
  timeScaleDays: number;
  /** How many candidate events (found through the inverted index) are scored per article. */
  maxCandidates: number;
  /** How many of an article's highest-weighted terms go into the inverted index. */
  indexTerms: number;
}

export const DEFAULT_PARAMS: ClusterParams = {
  version: 'cluster-params@2026-11-22.2',
  // Fitted by `npm run fit` with the development packs (npm run packs:dev) on vims, mmds, ntrex
  // and itn: mean BCubed F1 0.895. Within one language the TF-IDF cosine alone decided best;
  // across languages the concept cosine (glosses and anchors, half each) decides. Event-level
  // links decay with the days between events since 2026-11-22, which let their threshold fall
  // from 0.25 to 0.15 (itn 0.708 -> 0.737 at the same other settings).
  surfaceWeight: 1,
  conceptWeight: 0,
  crossConceptWeight: 1.5,
  // Since 2026-11-22.2 same-language joins need concept agreement. FIT_CONCEPT=0 FIT_CROSS=1.5
  // FIT_LINK=0.15 FIT_THRESHOLD=0.22,0.24,0.26 FIT_AGREEMENT=0,0.25,0.3,0.35 npm run fit: at
  // threshold 0.24, agreement 0.3 takes the mean BCubed F1 from 0.900 to 0.908 (vims 0.963 ->
  // 0.960, mmds 0.926 -> 0.937, ntrex 0.952 -> 0.967, itn 0.759 -> 0.768). Threshold 0.22
  // scored 0.909, within noise, but joined the real samples 000 (2005) and 002 (2010) when
  // ingested undated: the threshold stays at 0.24. Two of the three story merges left in ntrex
  // were same-language joins on shared topic words.
  conceptAgreement: 0.3,
  threshold: 0.24,
  linkThreshold: 0.15,
  timeGraceDays: 3,
  timeScaleDays: 10,
  maxCandidates: 30,
  indexTerms: 40,
};
