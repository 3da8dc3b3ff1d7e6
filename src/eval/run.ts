import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Engine } from '../ingest/index.ts';
import { readFile, streamOrder } from '../ingest/readers.ts';
import type { ClusterParams } from '../cluster/params.ts';
import type { PipelineResources } from '../pipeline.ts';
import { openStore } from '../store/index.ts';
import type { Rejection } from '../errors.ts';
import type { ArticleInput } from '../types.ts';
import { score, type GoldDoc, type Scores } from './score.ts';
import { eventDate } from '../facts/dates.ts';
import { normalizeLangTag } from '../language/index.ts';
import { normalizeText } from '../normalize/index.ts';

export { streamOrder };

/** Articles per commit in batch mode: the figures in the README are measured with it. */
export const CLUSTER_BATCH = 500;

export interface ClusterRun {
  predictions: Map<string, string | null>;
  rejections: Rejection[];
  order: string[];
}

/**
 * Batch mode: clusters the articles of a file online, exactly as `ingest` would (the same
 * engine, `process` then `assign`), in a fresh temporary SQLite store unless one is given
 * (a file or a postgres:// URL). Returns article id -> event id.
 */
export async function clusterArticles(
  articles: readonly ArticleInput[],
  options: {
    db?: string;
    params?: ClusterParams;
    resources?: PipelineResources;
    /** Worker threads for `process` (the same decisions with any number). */
    workers?: number;
    onProgress?: (done: number) => void;
  } = {},
): Promise<ClusterRun> {
  const tmpDir = options.db ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'babelwire-'));
  const store = await openStore(options.db ?? path.join(tmpDir!, 'cluster.db'));
  try {
    const engine = await Engine.open(store, {
      params: options.params,
      resources: options.resources,
      workers: options.workers,
    });
    const summary = await engine
      .ingest(articles, {
        commitEvery: CLUSTER_BATCH,
        commitMs: Number.POSITIVE_INFINITY,
        keepAssignments: true,
        onCommit: (p) => options.onProgress?.(p.read),
      })
      .finally(() => engine.close());
    const predictions = new Map<string, string | null>();
    for (const a of articles) predictions.set(a.id, summary.assignments.get(a.id) || null);
    return { predictions, rejections: summary.rejections, order: articles.map((a) => a.id) };
  } finally {
    await store.close();
    if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
  }
}

/** Reads gold labels for scoring only; the clustering never sees them. */
export function readGold(file: string): GoldDoc[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const o = JSON.parse(l) as { id: string; lang?: string | null; event?: string | null };
      return { id: String(o.id), lang: o.lang ?? null, event: o.event ?? null };
    });
}

/** A seeded random number generator (mulberry32): the same numbers on every machine. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded shuffle, so "order 3" is the same order on every machine. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const rand = seededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Event dates against the gold publication dates: for each gold event with dated reports, the
 * date of the predicted event holding most of its reports (median of its reports' event dates)
 * must fall within ±3 days of the gold event's median publication date.
 */
export interface DateCheck {
  events: number;
  withinThreeDays: number;
  share: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

export function checkEventDates(
  gold: readonly GoldDoc[],
  articles: readonly ArticleInput[],
  predictions: ReadonlyMap<string, string | null>,
): DateCheck {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const day = (d: string) => Math.floor(Date.parse(`${d}T00:00:00Z`) / 86_400_000);
  const predictedDays = new Map<string, number[]>();
  for (const a of articles) {
    const event = predictions.get(a.id);
    if (!event) continue;
    const d = eventDate(normalizeText(a.text).text, normalizeLangTag(a.lang) ?? 'und', a.published);
    if (d === null) continue;
    const list = predictedDays.get(event) ?? [];
    list.push(day(d));
    predictedDays.set(event, list);
  }
  const goldEvents = new Map<string, GoldDoc[]>();
  for (const g of gold) {
    if (g.event === null) continue;
    goldEvents.set(g.event, [...(goldEvents.get(g.event) ?? []), g]);
  }
  let events = 0;
  let within = 0;
  for (const docs of goldEvents.values()) {
    const published = docs.map((d) => byId.get(d.id)?.published).filter((p): p is string => !!p);
    if (published.length === 0) continue;
    events++;
    const votes = new Map<string, number>();
    for (const d of docs) {
      const p = predictions.get(d.id);
      if (p) votes.set(p, (votes.get(p) ?? 0) + 1);
    }
    const top = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
    const days = top ? predictedDays.get(top) : undefined;
    if (days && Math.abs(median(days) - median(published.map(day))) <= 3) within++;
  }
  return { events, withinThreeDays: within, share: events ? within / events : 1 };
}

export interface EvalResult {
  file: string;
  dates: DateCheck;
  fileOrder: Scores;
  /** Scores for each shuffled order, when asked for. */
  shuffledOrders: Scores[];
}

export async function evaluate(
  goldFile: string,
  options: { orders?: number; params?: ClusterParams; workers?: number } = {},
): Promise<EvalResult> {
  const gold = readGold(goldFile);
  const { articles } = readFile(goldFile);
  const run = await clusterArticles(streamOrder(articles), options);
  const shuffledOrders: Scores[] = [];
  for (let k = 1; k <= (options.orders ?? 0); k++) {
    const r = await clusterArticles(shuffled(articles, k), options);
    shuffledOrders.push(score(gold, r.predictions));
  }
  return {
    file: goldFile,
    dates: checkEventDates(gold, articles, run.predictions),
    fileOrder: score(gold, run.predictions),
    shuffledOrders,
  };
}
