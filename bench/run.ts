/**
 * Speed figures (never asserted in tests): pipeline articles/second per language and per
 * stage, and the online clusterer's throughput, on the bundled demo corpus and, when present,
 * the development sets in ../shared/benchmarks.
 *
 *   npm run bench
 */
import fs from 'node:fs';
import path from 'node:path';
import { toFeatures, type ClusterFeatures } from '../src/cluster/features.ts';
import { OnlineClusterer } from '../src/cluster/index.ts';
import { readFile } from '../src/ingest/readers.ts';
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
const features: ClusterFeatures[] = [];
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
  features.push(toFeatures(a.id, lang, a.terms ?? [], a.anchors!, a.published, a.concepts));
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

let n = 0;
const clusterer = new OnlineClusterer(() => `e${n++}`);
const c0 = performance.now();
for (const f of features) clusterer.add(f);
const cms = performance.now() - c0;
console.log(
  `\nonline clustering: ${features.length} articles in ${cms.toFixed(0)} ms ` +
    `(${((features.length * 1000) / cms).toFixed(0)} articles/s, ${clusterer.eventCount} events)`,
);
console.log(
  `heap used: ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
);
