/**
 * Traces the clusterer's join decisions on a labelled file: for every article that joins an
 * event, whether the join was right by the gold labels, and the scores behind it. This is how
 * the wrong merges in the closing notes were found.
 *
 *   npm run trace -- ../shared/benchmarks/ntrex-xling.jsonl | grep BAD
 *
 * Each line: same|cross (does the event already hold a report in the article's language),
 * OK|BAD (does it hold one of the article's gold event), the decision score, the surface and
 * concept similarities to the event, the event's size and languages before the join, and the
 * article. Scores are taken just before the article is added (its own term counts are not yet
 * in the IDF), so they can differ from the decision's by a little. The articles go through the
 * same engine as `ingest` (process, then the writer's assign) into an in-memory store.
 */
import path from 'node:path';
import { readGold, streamOrder, CLUSTER_BATCH } from '../src/eval/run.ts';
import { Engine } from '../src/ingest/index.ts';
import { readFile } from '../src/ingest/readers.ts';
import { openStore } from '../src/store/index.ts';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run trace -- LABELLED.jsonl');
  process.exit(1);
}
const goldOf = new Map(readGold(file).map((g) => [g.id, g.event ?? g.id]));
const store = await openStore(':memory:');
const engine = await Engine.open(store);

type Before = { surface: number; concept: number; size: number; languages: number };
let before = new Map<string, Before>();
engine.writer.observer = {
  before(f, clusterer) {
    before = new Map(
      clusterer.candidates(f).map((id) => {
        const e = clusterer.event(id)!;
        return [
          id,
          {
            surface: clusterer.surfaceSimilarity(f, e),
            concept: clusterer.conceptSimilarity(f, e),
            size: e.members.length,
            languages: new Set(e.members.map((m) => m.lang)).size,
          },
        ] as const;
      }),
    );
  },
  after(f, d, clusterer) {
    for (const gone of d.absorbed) console.log(`LINK ${gone} -> ${d.eventId} (after ${f.id})`);
    if (d.isNew) return;
    const others = clusterer.event(d.eventId)!.members.filter((m) => m.id !== f.id);
    const same = others.some((m) => m.lang === f.lang) ? 'same ' : 'cross';
    const ok = others.some((m) => goldOf.get(m.id) === goldOf.get(f.id)) ? 'OK ' : 'BAD';
    const b = before.get(d.eventId);
    console.log(
      `${same} ${ok} ${d.score.toFixed(3)} surface ${b?.surface.toFixed(3)} concept ${b?.concept.toFixed(3)} ` +
        `size ${b?.size} langs ${b?.languages} ${f.lang} ${f.id} ${path.basename(file)}`,
    );
  },
};
await engine.ingest(streamOrder(readFile(file).articles), {
  commitEvery: CLUSTER_BATCH,
  commitMs: Number.POSITIVE_INFINITY,
});
await store.close();
