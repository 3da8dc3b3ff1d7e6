import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Engine } from '../ingest/index.ts';
import { readFile, streamOrder } from '../ingest/readers.ts';
import { storiesView } from '../query/index.ts';
import { openStore } from '../store/index.ts';
import { score } from './score.ts';

/**
 * Storylines, measured: a labelled set (examples/stories/stories.jsonl, written by hand with
 * examples/stories/GUIDELINES.md) groups the gold events of the development sets into
 * stories. A set is clustered and its stories built as `stories` would; each gold event is
 * given the story of the predicted event that holds most of its reports (or that event alone),
 * and BCubed compares the two groupings over gold events. Also: the share of the predicted
 * events the largest story holds (stories must not collapse into one).
 */

export interface StoryScores {
  events: number;
  precision: number;
  recall: number;
  f1: number;
  /** Pairs of gold events in one story: found / right (singletons do not count here). */
  pairPrecision: number;
  pairRecall: number;
  /** Predicted events in the largest story, over all predicted events. */
  largestShare: number;
  stories: number;
}

interface Labelled {
  set: string;
  event: string;
  story: string;
}

export function readStoryLabels(file: string): Labelled[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Labelled);
}

export async function evalStories(
  file: string,
  labels: readonly Labelled[],
  set = path.basename(file, '.jsonl'),
): Promise<StoryScores> {
  const goldStory = new Map(labels.filter((l) => l.set === set).map((l) => [l.event, l.story]));
  const articles = readFile(file).articles;
  const goldEvent = new Map<string, string>();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { id: string; event?: string | null };
    if (typeof r.event === 'string') goldEvent.set(r.id, r.event);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'babelwire-stories-'));
  const store = await openStore(path.join(tmp, 'stories.db'));
  try {
    const engine = await Engine.open(store);
    const run = await engine.ingest(streamOrder(articles), {
      commitEvery: 500,
      commitMs: Number.POSITIVE_INFINITY,
      keepAssignments: true,
    });
    const stories = await storiesView(store);
    const storyOf = new Map<string, string>();
    for (const s of stories) for (const e of s.eventIds) storyOf.set(e, s.id);
    // Gold event -> its reports' predicted events, by count.
    const votes = new Map<string, Map<string, number>>();
    for (const [articleId, predicted] of run.assignments) {
      const g = goldEvent.get(articleId);
      if (!g || !goldStory.has(g) || !predicted) continue;
      const m = votes.get(g) ?? new Map<string, number>();
      m.set(predicted, (m.get(predicted) ?? 0) + 1);
      votes.set(g, m);
    }
    const gold = [...votes.keys()].map((g) => ({ id: g, lang: null, event: goldStory.get(g)! }));
    const predicted = new Map<string, string>();
    for (const [g, m] of votes) {
      const event = [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
      predicted.set(g, storyOf.get(event) ?? event);
    }
    const s = score(gold, predicted);
    const events = (await store.stats()).events;
    const largest = Math.max(0, ...stories.map((x) => x.eventIds.length));
    return {
      events: gold.length,
      precision: s.bcubed.precision,
      recall: s.bcubed.recall,
      f1: s.bcubed.f1,
      pairPrecision: s.pairwise.precision,
      pairRecall: s.pairwise.recall,
      largestShare: events ? largest / events : 0,
      stories: stories.length,
    };
  } finally {
    await store.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
