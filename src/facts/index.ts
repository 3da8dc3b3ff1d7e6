import { represent } from '../represent/index.ts';
import type { StoredArticle } from '../types.ts';
import { extractFigures, figureRanges, type FigureRange } from './figures.ts';
import { classifyEvent, type TypeDecision } from './types.ts';
import { eventEntities, type Entity } from './entities.ts';
import { eventTitle, rankReports, summarize, type SummarySentence, type Title } from './summary.ts';

/** What an event's reports state, computed from the stored reports (nothing is cached). */
export interface EventFacts {
  type: TypeDecision;
  figures: FigureRange[];
  /** In the wanted language when a report in it exists. */
  title: Title;
  summary: SummarySentence[];
  entities: Entity[];
}

export function eventFacts(all: readonly StoredArticle[], lang?: string): EventFacts {
  // A copy (src/dedup/) states what its first copy states: counted once, figures included.
  const independent = all.filter((a) => !a.duplicateOf);
  const articles = independent.length > 0 ? independent : all;
  // One representation per report serves both the ranking and the type.
  const perReport = articles.map((a) => represent(a.lang, a.terms, a.anchors).concepts);
  const ranked = rankReports(articles, perReport);
  return {
    type: classifyEvent(perReport.flat()),
    title: eventTitle(ranked, lang),
    summary: summarize(ranked, lang),
    entities: eventEntities(articles),
    figures: figureRanges(
      articles.map((a) => ({
        articleId: a.id,
        figures: extractFigures(`${a.title}\n${a.text}`, a.lang),
      })),
    ),
  };
}
