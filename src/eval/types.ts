import fs from 'node:fs';
import path from 'node:path';
import { DEMO_CORPUS, ROOT } from '../config.ts';
import { classifyEvent, EVENT_TYPES, TYPE_CUE_KEYS, type EventType } from '../facts/types.ts';
import { processArticle } from '../ingest/index.ts';
import { readFile } from '../ingest/readers.ts';
import type { PipelineResources } from '../pipeline.ts';
import { createDefaultPipeline } from '../stages.ts';

/**
 * Event types, measured: a labelled set (examples/types/types.jsonl, written by hand with
 * examples/types/GUIDELINES.md) gives the type of gold events of the development sets and the
 * demo. Each labelled event's reports go through the pipeline (`processArticle`, as ingest runs
 * it); the writer keeps of each report only the concepts that are type cues (TYPE_CUE_KEYS) and
 * types the event on them summed over its reports, so the prediction does the same. The gold
 * events are the unit: the test is of the classifier, not of the clustering.
 */

/** The labelled set that ships with the repository. */
export const TYPES_LABELS = path.join(ROOT, 'examples', 'types', 'types.jsonl');

/** The development sets (not shipped): next to the repository, as in the team's checkout. */
export const BENCHMARKS_DIR = path.resolve(ROOT, '..', 'shared', 'benchmarks');

export type TypeSplit = 'dev' | 'heldout';

export interface TypeLabel {
  set: string;
  event: string;
  type: EventType;
  lang: string[];
  title: string;
  split: TypeSplit;
}

export function readTypeLabels(file: string): TypeLabel[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      const o = JSON.parse(l) as TypeLabel;
      if (!(EVENT_TYPES as readonly string[]).includes(o.type)) {
        throw new Error(`${file}:${i + 1}: unknown type ${JSON.stringify(o.type)}`);
      }
      return { ...o, split: o.split === 'heldout' ? 'heldout' : 'dev' };
    });
}

export interface TypeFigures {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  predicted: number;
  correct: number;
}

export interface TypeScores {
  events: number;
  accuracy: number;
  /** Mean F1 over the types present in the gold. */
  macroF1: number;
  /** The types present in the gold, in EVENT_TYPES order. */
  types: EventType[];
  /** Every type present in the gold or the predictions. */
  perType: Partial<Record<EventType, TypeFigures>>;
  /** confusion[gold][predicted] = events. */
  confusion: Partial<Record<EventType, Partial<Record<EventType, number>>>>;
}

/** Per-type precision, recall and F1, macro-F1, accuracy and the confusion table (pure). */
export function scoreTypes(
  pairs: readonly { gold: EventType; predicted: EventType }[],
): TypeScores {
  const confusion: TypeScores['confusion'] = {};
  const tally = new Map<EventType, { gold: number; predicted: number; correct: number }>();
  const of = (t: EventType) => {
    let x = tally.get(t);
    if (!x) tally.set(t, (x = { gold: 0, predicted: 0, correct: 0 }));
    return x;
  };
  let correct = 0;
  for (const { gold, predicted } of pairs) {
    of(gold).gold++;
    of(predicted).predicted++;
    if (gold === predicted) {
      of(gold).correct++;
      correct++;
    }
    const row = (confusion[gold] ??= {});
    row[predicted] = (row[predicted] ?? 0) + 1;
  }
  const perType: TypeScores['perType'] = {};
  for (const t of EVENT_TYPES) {
    const x = tally.get(t);
    if (!x) continue;
    const precision = x.predicted ? x.correct / x.predicted : 0;
    const recall = x.gold ? x.correct / x.gold : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    perType[t] = { precision, recall, f1, ...x };
  }
  const types = EVENT_TYPES.filter((t) => (tally.get(t)?.gold ?? 0) > 0);
  return {
    events: pairs.length,
    accuracy: pairs.length ? correct / pairs.length : 0,
    macroF1: types.length ? types.reduce((s, t) => s + perType[t]!.f1, 0) / types.length : 0,
    types,
    perType,
    confusion,
  };
}

/** The file a labelled set is read from: the demo is in the repository, the rest in `benchmarks`. */
export function typeSetFile(set: string, benchmarks: string): string {
  return set === 'demo' ? DEMO_CORPUS : path.join(benchmarks, `${set}.jsonl`);
}

export interface TypePrediction extends TypeLabel {
  predicted: EventType;
  cue: string | null;
  score: number;
  reports: number;
}

/**
 * Types every labelled event from its reports, as the writer would: each report through the
 * pipeline, its type-cue concepts kept, summed over the event's reports, `classifyEvent`.
 * Labels whose set file is missing are left out and their sets returned in `missing`.
 */
export async function predictTypes(
  labels: readonly TypeLabel[],
  benchmarks: string,
  options: { resources?: PipelineResources } = {},
): Promise<{ predictions: TypePrediction[]; missing: string[] }> {
  const pipeline = createDefaultPipeline(options.resources);
  await pipeline.init();
  const sets = [...new Set(labels.map((l) => l.set))];
  const missing = sets.filter((s) => !fs.existsSync(typeSetFile(s, benchmarks)));
  const cues = new Map<string, [string, number][]>();
  const reports = new Map<string, number>();
  const key = (set: string, event: string) => `${set}\u0000${event}`;
  const wanted = new Set(labels.map((l) => key(l.set, l.event)));
  for (const set of sets) {
    if (missing.includes(set)) continue;
    const file = typeSetFile(set, benchmarks);
    // Gold events, read for grouping only: the pipeline never sees them.
    const goldEvent = new Map<string, string>();
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as { id: string; event?: string | null };
      if (typeof r.event === 'string') goldEvent.set(String(r.id), r.event);
    }
    for (const input of readFile(file).articles) {
      const event = goldEvent.get(input.id);
      if (event === undefined || !wanted.has(key(set, event))) continue;
      const a = processArticle(pipeline, input);
      const k = key(set, event);
      const list = cues.get(k) ?? [];
      for (const c of a.concepts) if (TYPE_CUE_KEYS.has(c[0])) list.push([c[0], c[1]]);
      cues.set(k, list);
      reports.set(k, (reports.get(k) ?? 0) + 1);
    }
  }
  const predictions: TypePrediction[] = [];
  for (const l of labels) {
    if (missing.includes(l.set)) continue;
    const k = key(l.set, l.event);
    const d = classifyEvent(cues.get(k) ?? []);
    predictions.push({
      ...l,
      predicted: d.type,
      cue: d.cue,
      score: d.score,
      reports: reports.get(k) ?? 0,
    });
  }
  return { predictions, missing };
}

export interface TypesEvaluation {
  labels: string;
  benchmarks: string;
  /** Sets whose file was not found (their events are not scored). */
  missing: string[];
  dev: TypeScores;
  heldout: TypeScores;
  /** The wrongly typed events, for reading. */
  errors: {
    split: TypeSplit;
    set: string;
    event: string;
    gold: EventType;
    predicted: EventType;
    cue: string | null;
    title: string;
  }[];
}

/** Scores the classifier on the labelled events, per split. */
export async function evalTypes(
  labelsFile: string,
  benchmarks: string,
  options: { resources?: PipelineResources } = {},
): Promise<TypesEvaluation> {
  const labels = readTypeLabels(labelsFile);
  const { predictions, missing } = await predictTypes(labels, benchmarks, options);
  const split = (s: TypeSplit) =>
    scoreTypes(
      predictions
        .filter((p) => p.split === s)
        .map((p) => ({ gold: p.type, predicted: p.predicted })),
    );
  return {
    labels: labelsFile,
    benchmarks,
    missing,
    dev: split('dev'),
    heldout: split('heldout'),
    errors: predictions
      .filter((p) => p.type !== p.predicted)
      .map((p) => ({
        split: p.split,
        set: p.set,
        event: p.event,
        gold: p.type,
        predicted: p.predicted,
        cue: p.cue,
        title: p.title,
      })),
  };
}

/** The scores as a table: per-type P/R/F1, macro-F1, accuracy, then the confusion table. */
export function formatTypeScores(name: string, s: TypeScores): string {
  const short: Record<EventType, string> = {
    protest: 'prot',
    riot: 'riot',
    'armed clash': 'clash',
    'violence against civilians': 'vac',
    election: 'elec',
    'coup or seizure of power': 'coup',
    disaster: 'disas',
    diplomacy: 'dipl',
    other: 'other',
  };
  const lines = [
    `${name}: ${s.events} events, macro-F1 ${s.macroF1.toFixed(3)} over ${s.types.length} types, accuracy ${s.accuracy.toFixed(3)}`,
    `  ${'type'.padEnd(28)} ${'gold'.padStart(4)} ${'pred'.padStart(4)}      P      R     F1`,
  ];
  for (const t of EVENT_TYPES) {
    const f = s.perType[t];
    if (!f) continue;
    lines.push(
      `  ${t.padEnd(28)} ${String(f.gold).padStart(4)} ${String(f.predicted).padStart(4)}  ${f.precision.toFixed(3)}  ${f.recall.toFixed(3)}  ${f.f1.toFixed(3)}`,
    );
  }
  const cols = EVENT_TYPES.filter((t) => s.perType[t]);
  lines.push(`  confusion (rows gold, columns predicted):`);
  lines.push(`  ${''.padEnd(28)}${cols.map((c) => short[c].padStart(6)).join('')}`);
  for (const g of cols) {
    const row = s.confusion[g];
    if (!row) continue;
    lines.push(`  ${g.padEnd(28)}${cols.map((c) => String(row[c] ?? 0).padStart(6)).join('')}`);
  }
  return `${lines.join('\n')}\n`;
}
