/**
 * Fits the clustering weights and threshold on the development sets (one set of values for
 * every file) by grid search, and prints the best settings with their per-file BCubed F1.
 *
 *   npm run fit                       # all four sets in ../shared/benchmarks
 *   npm run fit -- path/a.jsonl ...   # other labelled files
 *   FIT_ORDERS=5 npm run fit          # fit the mean over stream order and 5 shuffled orders
 *
 * Articles are analysed once per file with `processArticle`; each grid point then runs the
 * writer's `assign` (what `ingest` runs) into an in-memory store, in stream order. Gold labels are read only
 * to score. Copy the winner into src/cluster/params.ts by hand, and say so in the changelog.
 */
import path from 'node:path';
import { ANCHOR_SHARE } from '../src/cluster/features.ts';
import { DEFAULT_PARAMS, type ClusterParams } from '../src/cluster/params.ts';
import { CLUSTER_BATCH, readGold, shuffled, streamOrder } from '../src/eval/run.ts';
import { score, type GoldDoc } from '../src/eval/score.ts';
import { processArticle, Writer, type AnalysedArticle } from '../src/ingest/index.ts';
import { readFile } from '../src/ingest/readers.ts';
import { createDefaultPipeline } from '../src/stages.ts';
import { openStore } from '../src/store/index.ts';

const BENCH = path.resolve(import.meta.dirname, '..', '..', 'shared', 'benchmarks');
const files =
  process.argv.length > 2
    ? process.argv.slice(2)
    : ['vims-dev', 'mmds-dev', 'ntrex-xling', 'itn-dev'].map((f) => path.join(BENCH, `${f}.jsonl`));

const pipeline = createDefaultPipeline();
await pipeline.init();

interface Prepared {
  name: string;
  gold: GoldDoc[];
  articles: AnalysedArticle[];
}

// The first half of ingest, once per file: the analysis does not depend on the parameters.
const prepared: Prepared[] = files.map((file) => ({
  name: path.basename(file, '.jsonl'),
  gold: readGold(file),
  articles: streamOrder(readFile(file).articles).map((input) => processArticle(pipeline, input)),
}));

/**
 * FIT_ORDERS=N also scores N seeded shuffled orders and fits their mean with the stream order's:
 * a setting that wins in one order only is not a result (`babelwire eval --orders`).
 */
const ORDERS = Number(process.env.FIT_ORDERS ?? 0);

/** The second half, per grid point: the writer's assign into an in-memory store, as ingest does. */
async function clusterOnce(
  articles: readonly AnalysedArticle[],
  params: ClusterParams,
  anchorShare: number,
): Promise<Map<string, string>> {
  const store = await openStore(':memory:');
  try {
    const writer = await Writer.open(store, pipeline.names, params, { anchorShare });
    const assignments = new Map<string, string>();
    for (let i = 0; i < articles.length; i += CLUSTER_BATCH) {
      const result = await writer.assign(articles.slice(i, i + CLUSTER_BATCH));
      for (const [id, event] of result.assignments) assignments.set(id, event);
    }
    for (const [id, event] of assignments) assignments.set(id, writer.resolveEvent(event));
    return assignments;
  } finally {
    await store.close();
  }
}

async function run(p: Prepared, params: ClusterParams, anchorShare: number): Promise<number> {
  const orders = [p.articles];
  for (let k = 1; k <= ORDERS; k++) orders.push(shuffled(p.articles, k));
  let sum = 0;
  for (const articles of orders) {
    sum += score(p.gold, await clusterOnce(articles, params, anchorShare)).bcubed.f1;
  }
  return sum / orders.length;
}

const grid = {
  anchorShare: (process.env.FIT_ANCHOR_SHARE ?? String(ANCHOR_SHARE)).split(',').map(Number),
  conceptWeight: (process.env.FIT_CONCEPT ?? '0,0.5,1').split(',').map(Number),
  conceptAgreement: (process.env.FIT_AGREEMENT ?? String(DEFAULT_PARAMS.conceptAgreement))
    .split(',')
    .map(Number),
  crossConceptWeight: (process.env.FIT_CROSS ?? '0.8,1,1.3,1.6').split(',').map(Number),
  linkThreshold: (process.env.FIT_LINK ?? String(DEFAULT_PARAMS.linkThreshold))
    .split(',')
    .map(Number),
  threshold: (process.env.FIT_THRESHOLD ?? '0.17,0.19,0.21,0.23,0.25').split(',').map(Number),
};

let best: { params: ClusterParams; anchorShare: number; mean: number; perFile: number[] } | null =
  null;
for (const anchorShare of grid.anchorShare)
  for (const conceptAgreement of grid.conceptAgreement)
    for (const conceptWeight of grid.conceptWeight) {
      for (const crossConceptWeight of grid.crossConceptWeight) {
        for (const threshold of grid.threshold)
          for (const linkThreshold of grid.linkThreshold) {
            const params = {
              ...DEFAULT_PARAMS,
              surfaceWeight: 1,
              conceptWeight,
              conceptAgreement,
              crossConceptWeight,
              threshold,
              linkThreshold,
            };
            const perFile: number[] = [];
            for (const p of prepared) perFile.push(await run(p, params, anchorShare));
            const mean = perFile.reduce((a, b) => a + b, 0) / perFile.length;
            const line =
              `mean ${mean.toFixed(4)}  ${prepared.map((p, i) => `${p.name} ${perFile[i].toFixed(3)}`).join('  ')}  ` +
              `share ${anchorShare} agreement ${conceptAgreement} link ${linkThreshold} concept ${conceptWeight} cross ${crossConceptWeight} threshold ${threshold}`;
            if (!best || mean > best.mean) {
              best = { params, anchorShare, mean, perFile };
              console.log(line + '  *');
            } else if (process.env.FIT_VERBOSE) console.log(line);
          }
      }
    }
console.log('\nbest:', JSON.stringify(best, null, 2));
