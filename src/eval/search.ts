import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Engine } from '../ingest/index.ts';
import { readFile, streamOrder } from '../ingest/readers.ts';
import { Searcher } from '../search/index.ts';
import { openStore } from '../store/index.ts';

/**
 * Search across languages, measured: every labelled article is stored, then its title is the
 * query; the relevant results are the other reports of its gold event in other languages.
 * Recall@k per query language, and how often the article itself ranks first.
 */

export interface SearchScores {
  queries: number;
  /** Mean over queries of (relevant reports in the top k) / (relevant reports). */
  recall: number;
  /** Share of queries whose own article ranks first. */
  selfFirst: number;
  k: number;
  byLang: Record<string, { queries: number; recall: number; selfFirst: number }>;
}

interface Labelled {
  id: string;
  lang: string;
  title: string;
  event: string;
}

function gold(file: string): Labelled[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Labelled)
    .filter((r) => typeof r.event === 'string' && typeof r.title === 'string' && r.title !== '');
}

export async function evalSearch(
  file: string,
  options: { k?: number } = {},
): Promise<SearchScores> {
  const k = options.k ?? 20;
  const labelled = gold(file);
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'babelwire-search-'));
  const store = await openStore(path.join(tmpDir, 'search.db'));
  try {
    const engine = await Engine.open(store);
    await engine.ingest(streamOrder(readFile(file).articles), {
      commitEvery: 500,
      commitMs: Number.POSITIVE_INFINITY,
    });
    const searcher = await Searcher.open(store);
    const byEvent = new Map<string, Labelled[]>();
    for (const r of labelled) byEvent.set(r.event, [...(byEvent.get(r.event) ?? []), r]);
    const perLang = new Map<string, { queries: number; recall: number; selfFirst: number }>();
    let recall = 0;
    let selfFirst = 0;
    let queries = 0;
    for (const r of labelled) {
      const relevant = (byEvent.get(r.event) ?? []).filter((o) => o.lang !== r.lang);
      if (relevant.length === 0) continue;
      const results = await searcher.search(r.title, { limit: k });
      const ids = new Set(results.map((x) => x.id));
      const found = relevant.filter((o) => ids.has(o.id)).length / relevant.length;
      const first = results[0]?.id === r.id ? 1 : 0;
      queries++;
      recall += found;
      selfFirst += first;
      const l = perLang.get(r.lang) ?? { queries: 0, recall: 0, selfFirst: 0 };
      l.queries++;
      l.recall += found;
      l.selfFirst += first;
      perLang.set(r.lang, l);
    }
    const byLang: SearchScores['byLang'] = {};
    for (const [lang, l] of [...perLang].sort(([a], [b]) => a.localeCompare(b))) {
      byLang[lang] = {
        queries: l.queries,
        recall: l.recall / l.queries,
        selfFirst: l.selfFirst / l.queries,
      };
    }
    return {
      queries,
      recall: queries ? recall / queries : 0,
      selfFirst: queries ? selfFirst / queries : 0,
      k,
      byLang,
    };
  } finally {
    await store.close();
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
}
