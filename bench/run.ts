/**
 * The scale benchmark (never asserted in tests; test/bench.test.ts only checks that it runs):
 *
 *   npm run bench                                   # 10k articles into SQLite, the development sets
 *   npm run bench -- --sizes 10000,100000,1000000   # the three sizes
 *   npm run bench -- --sizes 100000 --pg            # also into PostgreSQL
 *
 * Each size runs in a process of its own (bench/scale.ts) on a seeded stream resampled from
 * the development sets (bench/generate.ts). Prints a table per size and writes everything to
 * bench/results/<date>.json (`--out FILE` elsewhere). Figures depend on the language packs
 * installed: `npm run packs:dev` first, as the figures in the README were taken.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { config } from '../src/config.ts';
import { clusterArticles, streamOrder } from '../src/eval/run.ts';
import { readFile } from '../src/ingest/readers.ts';
import { listPacks } from '../src/lexicon/pack.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const BENCHMARKS = path.resolve(ROOT, '..', 'shared', 'benchmarks');

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    pg: { type: 'boolean', default: false },
    'dev-sets': { type: 'boolean', default: true },
    'no-dev-sets': { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});
const sizes = values.sizes
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);
if (sizes.length === 0) {
  console.error('--sizes: expected whole numbers above 0, comma-separated (10000,100000)');
  process.exit(1);
}

type ScaleResult = Record<string, unknown> & {
  articles: number;
  backend: string;
  articlesPerSecond: number;
  floorArticlesPerSecond: number;
  floorRatio: number;
  peakRssMB: number;
  reopenAndOneMs: number;
  events: number;
  endToEndSeconds: number;
  stagesMicros: Record<string, number>;
  writerMicros: Record<string, number>;
  decisionLatency: { storedFrom: number; p50Ms: number; p99Ms: number }[];
};

/** Runs one part of bench/scale.ts in a process of its own and returns the JSON it prints last. */
function part<T>(name: 'floor' | 'ingest', articles: number, db?: string): T {
  const args = ['--import', 'tsx', path.join(ROOT, 'bench', 'scale.ts'), '--part', name];
  args.push('--articles', String(articles), '--seed', values.seed);
  if (db) args.push('--db', db);
  const out = execFileSync(process.execPath, args, {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').pop() ?? '') as T;
}

const floors = new Map<
  number,
  { floorArticlesPerSecond: number; stagesMicros: Record<string, number> }
>();

function runSize(articles: number, db?: string): ScaleResult {
  let floor = floors.get(articles);
  if (!floor) {
    floor = part<{ floorArticlesPerSecond: number; stagesMicros: Record<string, number> }>(
      'floor',
      articles,
    );
    floors.set(articles, floor);
  }
  const r = part<ScaleResult>('ingest', articles, db);
  return { ...r, ...floor, floorRatio: r.articlesPerSecond / floor.floorArticlesPerSecond };
}

async function withPostgres<T>(run: (url: string) => T): Promise<T> {
  const admin = process.env.BABELWIRE_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `babelwire_bench_${process.pid}`;
  const query = async (q: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };
  await query(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  try {
    return run(url.toString());
  } finally {
    await query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

const fixed = (n: number, digits = 0) => n.toFixed(digits);

function print(r: ScaleResult): void {
  console.log(
    `\n${r.articles} articles into ${r.backend} (${r.workers} process threads, ${r.cores} cores): ` +
      `${r.events} events`,
  );
  const rows: [string, string][] = [
    ['end to end', `${fixed(r.articlesPerSecond)} articles/s (${fixed(r.endToEndSeconds, 1)} s)`],
    ['floor pass (read + tokenise)', `${fixed(r.floorArticlesPerSecond)} articles/s`],
    ['end to end / floor', fixed(r.floorRatio, 2)],
    ['peak RSS', `${fixed(r.peakRssMB)} MB`],
    [
      'reopen + one article',
      `${fixed(r.reopenAndOneMs)} ms (${r.reopenFromSave ? 'from the saved state' : 'replaying the archive'}, ${r.reopenRowsRead} reports read)`,
    ],
    ['events in memory at the end', `${r.eventsInMemory} (${r.eventsFrozen} frozen)`],
  ];
  for (const [k, v] of rows) console.log(`  ${k.padEnd(30)} ${v}`);
  console.log('  time per article (µs): pipeline stages (one thread, sample), then the writer');
  for (const [k, v] of Object.entries({ ...r.stagesMicros, ...r.writerMicros })) {
    console.log(`    ${k.padEnd(28)} ${fixed(v).padStart(8)}`);
  }
  console.log('  decision latency by store size: stored  p50 ms  p99 ms');
  for (const b of r.decisionLatency) {
    console.log(
      `    ${String(b.storedFrom).padStart(34)}  ${fixed(b.p50Ms, 2).padStart(6)}  ${fixed(b.p99Ms, 2).padStart(6)}`,
    );
  }
}

const packs = [...new Set(listPacks().map((p) => p.lang))].sort();
console.log(
  packs.length
    ? `language packs: ${packs.join(' ')}`
    : 'no language packs installed (npm run packs:dev installs the development set)',
);
const results: ScaleResult[] = [];
for (const n of sizes) {
  const r = runSize(n);
  print(r);
  results.push(r);
  if (values.pg) {
    const p = await withPostgres((url) => runSize(n, url));
    print(p);
    results.push(p);
  }
}

// `babelwire cluster` on each development set: the same engine on real, labelled input.
const devSets: { file: string; articles: number; seconds: number; articlesPerSecond: number }[] =
  [];
if (!values['no-dev-sets']) {
  console.log('\nbabelwire cluster on the development sets');
  for (const name of ['vims-dev', 'mmds-dev', 'ntrex-xling', 'itn-dev', 'ntrex-wide']) {
    const file = path.join(BENCHMARKS, `${name}.jsonl`);
    if (!fs.existsSync(file)) continue;
    const articles = streamOrder(readFile(file).articles);
    const t0 = performance.now();
    await clusterArticles(articles, { workers: config.workers });
    const seconds = (performance.now() - t0) / 1000;
    const row = {
      file: name,
      articles: articles.length,
      seconds,
      articlesPerSecond: articles.length / seconds,
    };
    devSets.push(row);
    console.log(
      `  ${name.padEnd(12)} ${String(row.articles).padStart(5)} articles  ${fixed(seconds, 1).padStart(6)} s  ${fixed(row.articlesPerSecond).padStart(5)} articles/s (with pipeline start)`,
    );
  }
}

const date = new Date().toISOString().slice(0, 10);
const out = values.out ?? path.join(ROOT, 'bench', 'results', `${date}.json`);
fs.mkdirSync(path.dirname(out), { recursive: true });
let commit: string | null = null;
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
    cwd: ROOT,
    encoding: 'utf8',
  }).trim();
} catch {
  // Not a checkout: the figures stand without a commit.
}
fs.writeFileSync(
  out,
  JSON.stringify({ date, commit, packs, sizes: results, devSets }, null, 2) + '\n',
);
console.log(`\nwritten to ${path.relative(process.cwd(), out) || out}`);
