/**
 * Speed figures (never asserted in tests): pipeline articles/second per language and per
 * stage (the `process` half of ingest), and the writer's assign + commit into SQLite and
 * PostgreSQL (the other half), on the bundled demo corpus and, when present,
 * the development sets in ../shared/benchmarks.
 *
 *   npm run bench
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DEFAULT_COMMIT_EVERY } from '../src/config.ts';
import { processArticle, Writer } from '../src/ingest/index.ts';
import { readFile } from '../src/ingest/readers.ts';
import { openStore } from '../src/store/index.ts';
import { listPacks, packFor, packsDir } from '../src/lexicon/pack.ts';
import { AliasTable } from '../src/anchors/aliases.ts';
import { createDefaultPipeline } from '../src/stages.ts';
import type { ArticleInput } from '../src/types.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const BENCH = path.resolve(ROOT, '..', 'shared', 'benchmarks');
const files = [
  path.join(ROOT, 'examples', 'demo', 'corpus.jsonl'),
  ...['vims-dev', 'mmds-dev', 'ntrex-xling', 'itn-dev'].map((f) => path.join(BENCH, `${f}.jsonl`)),
].filter((f) => fs.existsSync(f));

// Language packs: load time and memory of each installed language (they load lazily, per language).
const installed = [...new Set(listPacks().map((p) => p.lang))];
if (installed.length === 0) {
  console.log(
    `no language packs in ${packsDir()} (npm run packs:dev installs the development set)`,
  );
} else {
  console.log('pack  load ms  heap MB (cumulative)');
  const heap0 = process.memoryUsage().heapUsed;
  for (const lang of installed) {
    const t = performance.now();
    const table = packFor(lang);
    const ms = performance.now() - t;
    const mb = (process.memoryUsage().heapUsed - heap0) / 1e6;
    console.log(
      `${lang.padEnd(5)} ${ms.toFixed(0).padStart(7)}  ${mb.toFixed(0).padStart(7)}   (${table?.size ?? 0} terms)`,
    );
  }
}

const pipeline = createDefaultPipeline();
const t0 = performance.now();
await pipeline.init();
console.log(`pipeline init (models, dictionaries): ${(performance.now() - t0).toFixed(0)} ms`);

const articles: ArticleInput[] = files.flatMap((f) => readFile(f).articles);
const stageTimes = new Map<string, number>();
const perLang = new Map<string, { n: number; ms: number; chars: number }>();
for (const input of articles) {
  const start = performance.now();
  const a = pipeline.runTimed({ ...input }, { aliases: new AliasTable() }, stageTimes);
  const ms = performance.now() - start;
  const lang = a.lang ?? 'und';
  const entry = perLang.get(lang) ?? { n: 0, ms: 0, chars: 0 };
  entry.n++;
  entry.ms += ms;
  entry.chars += a.text.length;
  perLang.set(lang, entry);
}

console.log(`\npipeline over ${articles.length} articles from ${files.length} files`);
console.log('stage            total ms   µs/article');
for (const [name, ms] of stageTimes) {
  console.log(
    `${name.padEnd(16)} ${ms.toFixed(0).padStart(8)}   ${((ms * 1000) / articles.length).toFixed(0).padStart(9)}`,
  );
}
console.log('\nlanguage  articles  articles/s  chars/article');
for (const [lang, e] of [...perLang].sort((a, b) => b[1].n - a[1].n).filter(([, e]) => e.n >= 20)) {
  console.log(
    `${lang.padEnd(9)} ${String(e.n).padStart(8)}  ${((e.n * 1000) / e.ms).toFixed(0).padStart(10)}  ${(e.chars / e.n).toFixed(0).padStart(13)}`,
  );
}

// The second half of ingest: the writer's assign and commit, per back end, on the same
// analysed articles (the first half's cost is the stage table above).
const analysed = articles.map((input) => processArticle(pipeline, input));
const targets: {
  name: string;
  location: () => Promise<{ url: string; drop: () => Promise<void> }>;
}[] = [
  {
    name: 'SQLite',
    location: async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'babelwire-bench-'));
      return {
        url: path.join(dir, 'bench.db'),
        drop: async () => fs.rmSync(dir, { recursive: true }),
      };
    },
  },
  {
    name: 'PostgreSQL',
    location: async () => {
      const admin = process.env.BABELWIRE_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
      const name = `babelwire_bench_${process.pid}`;
      const run = async (q: string) => {
        const c = new pg.Client({ connectionString: admin });
        await c.connect();
        try {
          await c.query(q);
        } finally {
          await c.end();
        }
      };
      await run(`CREATE DATABASE ${name}`);
      const url = new URL(admin);
      url.pathname = `/${name}`;
      return {
        url: url.toString(),
        drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      };
    },
  },
];
for (const target of targets) {
  let where;
  try {
    where = await target.location();
  } catch (e) {
    console.log(`\nassign into ${target.name}: skipped (${(e as Error).message})`);
    continue;
  }
  try {
    const store = await openStore(where.url);
    const writer = await Writer.open(store, pipeline.names);
    const c0 = performance.now();
    for (let i = 0; i < analysed.length; i += DEFAULT_COMMIT_EVERY) {
      await writer.assign(analysed.slice(i, i + DEFAULT_COMMIT_EVERY));
    }
    const cms = performance.now() - c0;
    const r0 = performance.now();
    await Writer.open(store, pipeline.names);
    const rms = performance.now() - r0;
    console.log(
      `\nassign + commit into ${target.name}: ${analysed.length} articles in ${cms.toFixed(0)} ms ` +
        `(${((analysed.length * 1000) / cms).toFixed(0)} articles/s, ${writer.clusterer.eventCount} events, ` +
        `batches of ${DEFAULT_COMMIT_EVERY}); reopening the store: ${rms.toFixed(0)} ms`,
    );
    await store.close();
  } finally {
    await where.drop();
  }
}
console.log(
  `heap used: ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
);
