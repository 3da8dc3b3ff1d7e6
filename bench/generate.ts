/**
 * A seeded synthetic news stream for the server benchmark (bench/server.ts), resampled from
 * the development sets in ../shared/benchmarks: every article is a perturbed copy of a real
 * report (sentences shuffled or dropped after the lead, figures changed, sometimes a new
 * headline figure), in the sets' languages, dated over a 60-day window (at random, or in
 * publication order give or take two days, as the scale benchmark asks). The same seed and
 * size give the same articles, so a stored corpus is reused across runs.
 *
 *   node --import tsx bench/generate.ts --articles 100000 [--seed 1]   # build the cached store
 *
 * `buildStore` ingests through the engine directly (Engine.ingest, batches of 500, not HTTP)
 * into bench/.cache/store-<size>-s<seed>-g<GENERATOR_VERSION>.db (not committed); a `.json`
 * beside it, written when the build finished, records what it holds. An interrupted build
 * resumes: stored ids are skipped. 100k took 102 minutes on a shared 2-core machine (16/s).
 */
import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Engine } from '../src/ingest/index.ts';
import { articleFromRecord } from '../src/ingest/readers.ts';
import { openStore } from '../src/store/index.ts';
import type { ArticleInput } from '../src/types.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const BENCHMARKS = path.resolve(ROOT, '..', 'shared', 'benchmarks');
export const CACHE_DIR = path.join(ROOT, 'bench', '.cache');

/** Bump when the generator changes what it produces, so older caches are not reused. */
export const GENERATOR_VERSION = 1;

/**
 * Share of the stream drawn from each development set. The 100k store (seed 1) holds 29%
 * Vietnamese, 19% English, 10% Chinese, 6% Russian, 4–5% each French, Arabic, German, Malay
 * and Spanish, 2% Indonesian and 13% in 34 further languages (itn-dev's short Wikipedia "in
 * the news" items). Its 3.3k source reports make few and large events: 2147 for 100k articles,
 * 11 reports at the median, 105 at p90, 977 at most.
 */
const SOURCES: readonly { file: string; weight: number }[] = [
  { file: 'vims-dev', weight: 0.25 },
  { file: 'mmds-dev', weight: 0.2 },
  { file: 'ntrex-xling', weight: 0.3 },
  { file: 'itn-dev', weight: 0.25 },
];

/** Days the published dates are spread over, ending at START + DAYS - 1. */
export const DAYS = 60;
export const START = '2025-03-01';

export interface GeneratedRecord {
  id: string;
  title: string;
  text: string;
  lang: string | null;
  published: string;
  source: string;
}

interface SourceRecord {
  title: string;
  text: string;
  lang: string | null;
  /** The day (0 to DAYS - 1) its story breaks in a chronological stream (see byDay). */
  breaks: number;
}

/** Days a story keeps being reported in a chronological stream. */
const STORY_DAYS = 4;

/** A stable hash of a string (FNV-1a), to spread stories over the days. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** mulberry32: small, fast and good enough to resample with. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let loaded: SourceRecord[][] | null = null;

/** The development sets, one array per entry of SOURCES. */
export function sourceRecords(): SourceRecord[][] {
  if (loaded) return loaded;
  loaded = SOURCES.map(({ file }) => {
    const full = path.join(BENCHMARKS, `${file}.jsonl`);
    if (!fs.existsSync(full)) throw new Error(`bench: ${full} is missing (../shared/ checkout)`);
    return fs
      .readFileSync(full, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l, i) => {
        const o = JSON.parse(l) as {
          title?: string;
          text?: string;
          lang?: string | null;
          event?: string | null;
        };
        // The reports of one labelled event (its translations) break on the same day; this
        // only spreads the stream over time, and the clustering never sees it.
        const story = o.event ? `${file}:${o.event}` : `${file}#${i}`;
        return {
          title: o.title ?? '',
          text: o.text ?? '',
          lang: o.lang ?? null,
          breaks: hash(story) % DAYS,
        };
      })
      .filter((r) => r.text.trim() !== '');
  });
  return loaded;
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)];
}

let days: SourceRecord[][][] | null = null;

/**
 * Per set and day, the records whose story is still being reported that day (it broke at most
 * STORY_DAYS - 1 days before): in a chronological stream a story lives a few days, as news
 * does, instead of every story running the whole 60 days.
 */
function byDay(): SourceRecord[][][] {
  if (days) return days;
  days = sourceRecords().map((set) =>
    Array.from({ length: DAYS }, (_, d) => {
      const live = set.filter((r) => r.breaks <= d && r.breaks > d - STORY_DAYS);
      return live.length > 0 ? live : set;
    }),
  );
  return days;
}

/** Figures changed by up to ±25% (years are left alone), each with probability `p`. */
function changeNumbers(rand: () => number, s: string, p: number): string {
  return s.replace(/\d+/g, (m) => {
    const n = Number(m);
    if (rand() >= p || (n >= 1900 && n <= 2100) || m.length > 7) return m;
    const changed = Math.max(1, Math.round(n * (0.75 + rand() * 0.5)));
    return String(changed === n ? n + 1 : changed);
  });
}

const SENTENCE = /(?<=[.!?。！？؟])\s*|\n+/u;

/** The lead kept; later sentences sometimes shuffled, some dropped; figures changed. */
function perturbText(rand: () => number, text: string): string {
  const sentences = text
    .split(SENTENCE)
    .map((s) => s.trim())
    .filter(Boolean);
  if (sentences.length === 0) return text;
  const [lead, ...rest] = sentences;
  let body = rest.filter(() => rand() >= 0.2);
  if (rand() < 0.5) {
    for (let i = body.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [body[i], body[j]] = [body[j], body[i]];
    }
  }
  if (body.length > 12) body = body.slice(0, 6 + Math.floor(rand() * 7));
  const joiner = /[\u3000-\u9fff]/u.test(lead) ? '' : ' ';
  const out = [lead, ...body].map((s) => changeNumbers(rand, s, 0.5));
  // Paragraphs of two or three sentences, as articles come.
  const paras: string[] = [];
  for (let i = 0; i < out.length;) {
    const size = 2 + Math.floor(rand() * 2);
    paras.push(out.slice(i, i + size).join(joiner));
    i += size;
  }
  return paras.join('\n');
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * `count` articles from position `from` of the stream `seed`. Position i always gives the same
 * article, whatever `from` was, so a stream can be read in pieces. `prefix` names the ids
 * (the benchmark's live ingest draws from another prefix, so it never repeats the store).
 */
export function* generate(
  seed: number,
  from: number,
  count: number,
  prefix = `b${seed}`,
  options: { chronological?: number } = {},
): Generator<GeneratedRecord> {
  const sets = sourceRecords();
  const weights = SOURCES.map((s) => s.weight);
  const total = weights.reduce((a, b) => a + b, 0);
  for (let i = from; i < from + count; i++) {
    // One generator per position: random access, and no drift when the rules change for one.
    const rand = rng((seed * 0x9e3779b1 + i * 0x85ebca77) >>> 0);
    let r = rand() * total;
    let set = 0;
    while (set < weights.length - 1 && r >= weights[set]) r -= weights[set++];
    const length = options.chronological;
    // A live stream comes roughly in publication order: with `chronological` (the stream's
    // length), position i is published on its share of the 60 days, and reports a story
    // of those days.
    const today = length ? Math.floor((Math.min(i, length - 1) / length) * DAYS) : 0;
    const src = pick(rand, length ? byDay()[set][today] : sets[set]);
    const drawn = Math.floor(rand() * DAYS);
    const day = addDays(START, length ? today : drawn);
    let text = perturbText(rand, src.text);
    const title = src.title ? changeNumbers(rand, src.title, rand() < 0.5 ? 0.6 : 0) : '';
    // Short single-sentence items have few variants: a wire-style time stamp keeps the copies
    // apart (the store would take an exact repeat as a duplicate).
    if (rand() < 0.5 || text.length < 400) {
      const hh = String(Math.floor(rand() * 24)).padStart(2, '0');
      const mm = String(Math.floor(rand() * 60)).padStart(2, '0');
      const ss = String(Math.floor(rand() * 60)).padStart(2, '0');
      text += ` (${hh}:${mm}:${ss} GMT)`;
    }
    yield {
      id: `${prefix}-${i}`,
      title,
      text,
      lang: src.lang,
      published: day,
      source: `bench-${SOURCES[set].file}`,
    };
  }
}

export function toInput(r: GeneratedRecord, line: number): ArticleInput {
  return articleFromRecord(r, 'bench', line);
}

export interface StoreMeta {
  articles: number;
  seed: number;
  generatorVersion: number;
  stored: number;
  /** Stream positions read to store `articles` (the rest were duplicates or rejected). */
  positions: number;
  duplicates: number;
  rejected: number;
  events: number;
  languages: Record<string, number>;
  buildSeconds: number;
  commit: string | null;
  builtAt: string;
}

export function storePaths(articles: number, seed: number): { db: string; meta: string } {
  const base = path.join(CACHE_DIR, `store-${articles}-s${seed}-g${GENERATOR_VERSION}`);
  return { db: `${base}.db`, meta: `${base}.json` };
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' })
      .trim()
      .concat(
        execFileSync('git', ['status', '--porcelain', 'src'], { cwd: ROOT, encoding: 'utf8' })
          ? '+dirty'
          : '',
      );
  } catch {
    return null;
  }
}

/**
 * The cached store of `articles` generated articles (built when missing; resumed when a build
 * was interrupted). Returns its path and what it holds.
 */
export async function buildStore(
  articles: number,
  seed: number,
  log: (line: string) => void = (l) => console.error(l),
): Promise<{ db: string; meta: StoreMeta }> {
  const { db, meta } = storePaths(articles, seed);
  if (fs.existsSync(meta) && fs.existsSync(db)) {
    return { db, meta: JSON.parse(fs.readFileSync(meta, 'utf8')) as StoreMeta };
  }
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  // The cache is never committed.
  fs.writeFileSync(path.join(CACHE_DIR, '.gitignore'), '*\n');
  const t0 = performance.now();
  const store = await openStore(db);
  try {
    // As in scale.ts: the stream's articles are copies by construction.
    const engine = await Engine.open(store, { copies: false });
    let last = t0;
    let line = 0;
    // Positions are read until `articles` are stored: a few perturbed copies come out the same
    // as another (the store takes them as duplicates), and the stream goes on past them.
    let position = 0;
    let duplicates = 0;
    let rejected = 0;
    let stats = await store.stats();
    const resumedFrom = stats.articles;
    while (stats.articles < articles) {
      const want = articles - stats.articles;
      const from = position;
      const inputs = (function* () {
        for (const r of generate(seed, from, want)) yield toInput(r, ++line);
      })();
      position += want;
      const summary = await engine.ingest(inputs, {
        commitEvery: 500,
        commitMs: Infinity,
        onCommit: (p) => {
          const now = performance.now();
          if (now - last < 10_000) return;
          last = now;
          const done = stats.articles + p.added - resumedFrom;
          const rate = done / ((now - t0) / 1000);
          log(
            `bench: building ${path.basename(db)}: ${stats.articles + p.added}/${articles} stored, ` +
              `${rate.toFixed(0)} articles/s, ~${((articles - stats.articles - p.added) / rate / 60).toFixed(1)} min left`,
          );
        },
      });
      duplicates += summary.duplicates;
      rejected += summary.rejected;
      stats = await store.stats();
      if (position > articles * 3) throw new Error(`bench: only ${stats.articles} articles stored`);
    }
    const info: StoreMeta = {
      articles,
      seed,
      generatorVersion: GENERATOR_VERSION,
      stored: stats.articles,
      positions: position,
      duplicates,
      rejected,
      events: stats.events,
      languages: stats.languages,
      buildSeconds: Math.round((performance.now() - t0) / 1000),
      commit: gitCommit(),
      builtAt: new Date().toISOString(),
    };
    await store.close();
    fs.writeFileSync(meta, JSON.stringify(info, null, 2) + '\n');
    log(
      `bench: built ${path.basename(db)}: ${info.stored} articles, ${info.events} events in ${info.buildSeconds} s`,
    );
    return { db, meta: info };
  } catch (e) {
    await store.close();
    throw e;
  }
}

/**
 * A built store was ingested in minutes, so every report in it arrived "today", which no
 * running service's store looks like (and which makes "growing", the reports of the last 24
 * hours, cover everything). On a working copy: each report's arrival time is moved back to the
 * day after its publication day, as if the 60 days had been followed live up to now: the last
 * day's reports (about 1/60) are then the last 24 hours'. Only `articles.ingested_at` changes.
 */
export function ageStore(db: string): number {
  const last = addDays(START, DAYS - 1);
  const sqlite = new Database(db);
  try {
    const { changes } = sqlite
      .prepare(
        `UPDATE articles SET ingested_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now',
           '-' || CAST(julianday(?) - julianday(COALESCE(substr(published, 1, 10), ?)) AS INTEGER) || ' days',
           '-' || ((seq * 7919) % 86400) || ' seconds')`,
      )
      .run(last, last);
    return changes;
  } finally {
    sqlite.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '1' },
      sample: { type: 'string' },
    },
  });
  if (values.sample) {
    for (const r of generate(Number(values.seed), 0, Number(values.sample))) {
      console.log(JSON.stringify(r));
    }
  } else {
    const { db, meta } = await buildStore(Number(values.articles), Number(values.seed));
    console.log(db);
    console.log(JSON.stringify(meta, null, 2));
  }
}
