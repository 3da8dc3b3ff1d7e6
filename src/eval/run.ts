import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ingestor } from '../ingest/index.ts';
import { readFile } from '../ingest/readers.ts';
import type { ClusterParams } from '../cluster/params.ts';
import { SqliteStore } from '../store/sqlite.ts';
import type { Rejection } from '../errors.ts';
import type { ArticleInput } from '../types.ts';
import { score, type GoldDoc, type Scores } from './score.ts';

/** Articles per transaction in batch mode. */
const CHUNK = 500;

/** Dated articles in date order, then undated ones in file order (a stable sort). */
export function streamOrder(articles: readonly ArticleInput[]): ArticleInput[] {
  const dated = articles.filter((a) => a.published !== null);
  const undated = articles.filter((a) => a.published === null);
  dated.sort((a, b) => (a.published! < b.published! ? -1 : a.published! > b.published! ? 1 : 0));
  return [...dated, ...undated];
}

export interface ClusterRun {
  predictions: Map<string, string | null>;
  rejections: Rejection[];
  order: string[];
}

/**
 * Batch mode: clusters the articles of a file online, exactly as `ingest` would, in a fresh
 * temporary store unless one is given. Returns article id -> event id.
 */
export async function clusterArticles(
  articles: readonly ArticleInput[],
  options: { db?: string; params?: ClusterParams; onProgress?: (done: number) => void } = {},
): Promise<ClusterRun> {
  const tmpDir = options.db ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'babelwire-'));
  const store = new SqliteStore(options.db ?? path.join(tmpDir!, 'cluster.db'));
  try {
    const ingestor = await Ingestor.open(store, options.params);
    const predictions = new Map<string, string | null>();
    const rejections: Rejection[] = [];
    let done = 0;
    for (let i = 0; i < articles.length; i += CHUNK) {
      const chunk = articles.slice(i, i + CHUNK);
      const result = ingestor.ingest(chunk, () => options.onProgress?.(++done));
      rejections.push(...result.rejections);
      for (const a of chunk) predictions.set(a.id, result.assignments.get(a.id) ?? null);
    }
    // Event-level linking may have merged an event of an earlier chunk since.
    for (const [id, eventId] of predictions) {
      if (eventId !== null) predictions.set(id, ingestor.resolveEvent(eventId));
    }
    return { predictions, rejections, order: articles.map((a) => a.id) };
  } finally {
    store.close();
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

/** A seeded shuffle (mulberry32), so "order 3" is the same order on every machine. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export interface EvalResult {
  file: string;
  fileOrder: Scores;
  /** Scores for each shuffled order, when asked for. */
  shuffledOrders: Scores[];
}

export async function evaluate(
  goldFile: string,
  options: { orders?: number; params?: ClusterParams } = {},
): Promise<EvalResult> {
  const gold = readGold(goldFile);
  const { articles } = readFile(goldFile);
  const run = await clusterArticles(streamOrder(articles), { params: options.params });
  const shuffledOrders: Scores[] = [];
  for (let k = 1; k <= (options.orders ?? 0); k++) {
    const r = await clusterArticles(shuffled(articles, k), { params: options.params });
    shuffledOrders.push(score(gold, r.predictions));
  }
  return { file: goldFile, fileOrder: score(gold, run.predictions), shuffledOrders };
}
