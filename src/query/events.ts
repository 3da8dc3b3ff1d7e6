import { BabelwireError } from '../errors.ts';
import { eventEntities } from '../facts/entities.ts';
import { eventFacts } from '../facts/index.ts';
import type { StoredEvent, StoreReader } from '../store/index.ts';
import { explainReports } from './explain.ts';
import type { EventListItem, EventQuery, EventRow, EventView } from './types.ts';

/**
 * Story keys are how stories are built, not something a reader of an event needs: they stay
 * out of every view, so the output is what it was before they were stored.
 */
export function eventRow(event: StoredEvent): EventRow {
  const { storyKeys: _storyKeys, ...row } = event;
  return row;
}

/**
 * The events matching `query`, newest first, each with its article ids.
 *
 * @example
 * const latest = await listEventsView(store, { lang: 'vi', limit: 10 });
 */
export async function listEventsView(
  store: StoreReader,
  query: EventQuery = {},
): Promise<EventListItem[]> {
  const events = await store.listEvents(query);
  const items: EventListItem[] = [];
  // One event at a time: a PostgreSQL pool is not flooded by a long list.
  for (const event of events) {
    items.push({ ...eventRow(event), articles: await store.eventArticleIds(event.id) });
  }
  return items;
}

/**
 * One event with what its reports state: title and summary (in `lang` when a report in it
 * exists), entities, type, figures, and every report. Throws E_NOT_FOUND for an unknown id.
 */
export async function eventView(
  store: StoreReader,
  id: string,
  options: { lang?: string } = {},
): Promise<EventView> {
  const event = await store.getEvent(id);
  if (!event) throw new BabelwireError('E_NOT_FOUND', 'event', id);
  const articles = await store.eventArticles(id);
  const facts = eventFacts(articles, options.lang);
  const why = explainReports(articles);
  const corrections = await store.corrections(id);
  const moved = new Set(
    corrections.filter((c) => c.kind === 'move' && c.toEvent === id).map((c) => c.articleId),
  );
  return {
    ...eventRow(event),
    title: facts.title.title,
    titleLang: facts.title.lang,
    summary: facts.summary,
    entities: facts.entities,
    type: facts.type,
    figures: facts.figures,
    articles: articles.map((a) => a.id),
    reports: articles.map((article) => {
      const { terms: _terms, fingerprint: _fingerprint, ...report } = article;
      const because = why.get(article.id)!;
      // Per report, more entities than the event lists: a reader checks one report's names.
      return {
        ...report,
        entities: eventEntities([article], 50),
        why: moved.has(article.id) ? { ...because, corrected: true } : because,
      };
    }),
    history: corrections,
  };
}
