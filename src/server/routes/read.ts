import type { FastifyInstance } from 'fastify';
import { BabelwireError } from '../../errors.ts';
import { eventEntities } from '../../facts/entities.ts';
import { eventView, storiesView, statsView, timelineView } from '../../query/index.ts';
import { eventFilters, type EventFilterInput } from '../../query/filters.ts';
import type { Service } from '../../service/service.ts';
import { lagSeconds } from '../../service/sources.ts';
import type { EventQuery, ListedEvent, StoreReader } from '../../store/index.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import {
  anyObject,
  entitiesQuery,
  errors,
  eventsQuery,
  idParams,
  langQuery,
  searchQuery,
  tokenQuery,
} from '../schemas.ts';

/** Read routes: events, articles, stories, entities, search, stats, sources. */

/** An event as lists show it (the API's and the feeds'). */
export function eventItem(e: ListedEvent) {
  return {
    id: e.id,
    title: e.title,
    titleLang: e.titleLang,
    languages: e.languages,
    articleCount: e.articleCount,
    copyCount: e.copyCount ?? 0,
    firstDate: e.firstDate,
    lastDate: e.lastDate,
    type: e.eventType ?? null,
    countries: e.countries,
    countryCodes: e.countryCodes ?? [],
    names: e.names,
    firstSeen: e.firstSeen,
    updatedAt: e.updatedAt,
    growth: e.growth,
  };
}

/** Events matching the list filters, `q` included (a search over events, then the filters). */
export async function filteredEvents(
  service: Service,
  input: EventFilterInput & { q?: string },
  extra: Partial<EventQuery> = {},
): Promise<ListedEvent[]> {
  const query: EventQuery = {
    ...eventFilters(input, (t) => service.searcher.queryDoc(t)),
    ...extra,
  };
  if (input.q !== undefined) {
    const found = await service.searcher.search(input.q, { type: 'event', limit: 500 });
    query.ids = found.map((r) => r.id);
  }
  return service.store.listEvents(query);
}

async function articleView(store: StoreReader, id: string) {
  const a = await store.getArticle(id);
  if (!a) throw new BabelwireError('E_NOT_FOUND', 'article', id);
  const { terms: _terms, ...rest } = a;
  return rest;
}

export function registerRead(app: FastifyInstance, service: Service): void {
  const store = service.store;

  app.get(
    '/api/v1/events',
    {
      schema: {
        summary: 'Events, latest or fastest-growing first, a page at a time',
        description:
          'Filters combine. `q` searches in any language. Pass `next` back as `cursor` for the next page; there is no cap on how far a client may page.',
        querystring: eventsQuery,
        response: { 200: anyObject, ...errors },
      },
    },
    async (request) => {
      const q = request.query as EventFilterInput & {
        q?: string;
        sort: 'recent' | 'growing';
        cursor?: string;
        limit: number;
      };
      const after = q.cursor ? decodeCursor(q.cursor, q.sort) : undefined;
      const events = await filteredEvents(service, q, {
        sort: q.sort,
        after,
        limit: q.limit + 1,
      });
      const page = events.slice(0, q.limit);
      const last = page[page.length - 1];
      const next =
        events.length > q.limit && last
          ? encodeCursor(
              {
                key: q.sort === 'growing' ? last.growth : (last.lastDate ?? '0000'),
                seq: last.seq,
              },
              q.sort,
            )
          : null;
      return { events: page.map(eventItem), next };
    },
  );

  app.get(
    '/api/v1/events/:id',
    {
      schema: {
        summary: 'One event: summary, type, figures, entities, every report and why it is there',
        params: idParams,
        querystring: langQuery,
        response: { 200: anyObject, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const { lang } = request.query as { lang?: string };
      return eventView(store, id, { lang });
    },
  );

  app.get(
    '/api/v1/events/:id/articles',
    {
      schema: {
        summary: "An event's reports",
        params: idParams,
        querystring: tokenQuery,
        response: { 200: anyObject, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      if (!(await store.getEvent(id))) throw new BabelwireError('E_NOT_FOUND', 'event', id);
      const articles = await store.eventArticles(id);
      return {
        articles: articles.map(({ terms: _terms, ...a }) => a),
      };
    },
  );

  app.get(
    '/api/v1/articles/:id',
    {
      schema: {
        summary: 'One report as stored',
        params: idParams,
        querystring: tokenQuery,
        response: { 200: anyObject, ...errors },
      },
    },
    async (request) => articleView(store, (request.params as { id: string }).id),
  );

  app.get(
    '/api/v1/stories',
    {
      schema: {
        summary: 'Storylines: events that continue one another',
        querystring: tokenQuery,
        response: { 200: anyObject, ...errors },
      },
    },
    async () => ({ stories: await storiesView(store) }),
  );

  app.get(
    '/api/v1/stories/:id',
    {
      schema: {
        summary: "A story's timeline: its events in date order with type and figures",
        params: idParams,
        querystring: tokenQuery,
        response: { 200: anyObject, ...errors },
      },
    },
    async (request) => timelineView(store, (request.params as { id: string }).id),
  );

  app.get(
    '/api/v1/search',
    {
      schema: {
        summary: 'Search reports or events in every language',
        description:
          'A query in one language finds reports in the others (through concepts, names and the events reports were clustered into). Ranked, best first.',
        querystring: searchQuery,
        response: { 200: anyObject, ...errors },
      },
    },
    async (request) => {
      const q = request.query as {
        q: string;
        type: 'article' | 'event';
        lang?: string;
        since?: string;
        until?: string;
        limit: number;
      };
      const filters = eventFilters({ lang: q.lang, since: q.since, until: q.until }, (t) =>
        service.searcher.queryDoc(t),
      );
      return {
        results: await service.searcher.search(q.q, {
          type: q.type,
          lang: filters.lang,
          since: filters.since,
          until: filters.until,
          limit: q.limit,
        }),
      };
    },
  );

  app.get(
    '/api/v1/entities',
    {
      schema: {
        summary: 'People, places and organisations matching a name, with their forms and events',
        querystring: entitiesQuery,
        response: { 200: anyObject, ...errors },
      },
    },
    async (request) => {
      const q = request.query as { q: string; limit: number };
      return { entities: await entities(service, q.q, q.limit) };
    },
  );

  app.get(
    '/api/v1/stats',
    {
      schema: {
        summary: 'Counts of articles, events, languages, rejected inputs',
        querystring: tokenQuery,
        response: { 200: anyObject, ...errors },
      },
    },
    async () => statsView(store),
  );

  app.get(
    '/api/v1/sources',
    {
      schema: {
        summary: 'News sources polled in, with their state',
        querystring: tokenQuery,
        response: { 200: anyObject, ...errors },
      },
    },
    async () => ({
      sources: (await store.sources()).map((s) => ({ ...s, lagSeconds: lagSeconds(s) })),
    }),
  );
}

/**
 * Entities whose name matches the query, gathered over the events the query finds: one entry
 * per entity id, with every form it was written in (learned aliases in other scripts too) and
 * the events it is in.
 */
async function entities(service: Service, q: string, limit: number) {
  const store = service.store;
  const wanted = new Set(
    service.searcher.queryDoc(q).keys.filter((k) => /^[psc]:/.test(k) || k.startsWith('l:')),
  );
  const lower = q.toLowerCase();
  const found = await service.searcher.search(q, { type: 'event', limit: 30 });
  const aliasForms = new Map<string, Set<string>>();
  for (const row of await store.aliasRows()) {
    const set = aliasForms.get(row.canonical) ?? new Set<string>();
    set.add(row.form);
    aliasForms.set(row.canonical, set);
  }
  const byId = new Map<
    string,
    {
      id: string;
      kind: string;
      name: string;
      forms: Set<string>;
      events: string[];
      reports: number;
      languages: Set<string>;
    }
  >();
  for (const hit of found) {
    const articles = await store.eventArticles(hit.id);
    for (const e of eventEntities(articles, 30)) {
      const keys = service.searcher.queryDoc(e.name).keys;
      const matches = e.name.toLowerCase().includes(lower) || keys.some((k) => wanted.has(k));
      if (!matches) continue;
      const entry = byId.get(e.id) ?? {
        id: e.id,
        kind: e.kind,
        name: e.name,
        forms: new Set<string>([e.name]),
        events: [],
        reports: 0,
        languages: new Set<string>(),
      };
      entry.events.push(hit.id);
      entry.reports += e.reports;
      for (const l of e.languages) entry.languages.add(l);
      for (const k of keys) {
        if (k.startsWith('p:'))
          for (const f of aliasForms.get(k.slice(2)) ?? []) entry.forms.add(f);
      }
      byId.set(e.id, entry);
    }
  }
  return [...byId.values()]
    .sort((a, b) => b.reports - a.reports || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((e) => ({
      ...e,
      forms: [...e.forms],
      languages: [...e.languages].sort(),
    }));
}
