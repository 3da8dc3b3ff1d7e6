import type { FastifyInstance, FastifyRequest } from 'fastify';
import { BabelwireError } from '../../errors.ts';
import type { Service } from '../../service/service.ts';
import { addSource, removeSource } from '../../service/sources.ts';
import type { WatchInput } from '../../service/watches.ts';
import { parseDuration } from '../../sources/index.ts';
import type { Auth } from '../auth.ts';
import {
  anyObject,
  articleSchema,
  errors,
  idParams,
  mergeBody,
  moveBody,
  sourceBody,
  tokenQuery,
  watchBody,
} from '../schemas.ts';

/** Routes that change the store: articles in, corrections, watches, sources. */

/** Who a correction or watch is recorded as made by. */
function who(request: FastifyRequest): string {
  return request.token ? `${request.token.name} (${request.token.id})` : 'local';
}

export function registerWrite(app: FastifyInstance, service: Service, _auth: Auth): void {
  const store = service.store;

  // NDJSON: one article per line; a line that is not JSON is that item's rejection only.
  app.addContentTypeParser(
    'application/x-ndjson',
    { parseAs: 'string' },
    (_request, body, done) => {
      const lines = String(body)
        .split('\n')
        .filter((l) => l.trim() !== '');
      done(
        null,
        lines.map((line) => {
          try {
            return JSON.parse(line) as unknown;
          } catch (e) {
            return new BabelwireError('E_JSON', (e as Error).message);
          }
        }),
      );
    },
  );

  app.post(
    '/api/v1/articles',
    {
      config: { role: 'write' },
      schema: {
        summary: 'Send reports in: one JSON article, a JSON array, or NDJSON',
        description:
          'Each report is processed, clustered and stored in one commit; each gets its outcome, in order. Fields as a JSON Lines input line: id, title, text, lang, published, url, source.',
        querystring: tokenQuery,
        body: { anyOf: [articleSchema, { type: 'array', items: {}, maxItems: 10_000 }] },
        response: { 200: anyObject, ...errors, 413: errors[400], 415: errors[400] },
      },
    },
    async (request) => {
      const body = request.body;
      const records = Array.isArray(body) ? body : [body];
      if (records.length === 0) throw new BabelwireError('E_USAGE', 'no articles in the body');
      const results = await service.takeInRecords(
        records,
        `POST /api/v1/articles (${who(request)})`,
      );
      return { results };
    },
  );

  app.post(
    '/api/v1/events/:id/merge',
    {
      config: { role: 'write' },
      schema: {
        summary: 'Merge another event into this one (a correction, never undone by clustering)',
        params: idParams,
        querystring: tokenQuery,
        body: mergeBody,
        response: { 200: anyObject, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const { event } = request.body as { event: string };
      const result = await service.merge(event, id, who(request));
      return { event: result.eventId, merged: event };
    },
  );

  app.post(
    '/api/v1/articles/:id/move',
    {
      config: { role: 'write' },
      schema: {
        summary: 'Move a report to another event, or out into a new one (a correction)',
        params: idParams,
        querystring: tokenQuery,
        body: moveBody,
        response: { 200: anyObject, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const { event } = request.body as { event: string | null };
      const result = await service.move(id, event, who(request));
      return {
        article: id,
        event: result.eventId,
        from: result.fromEvent,
        fromRemoved: result.fromGone,
      };
    },
  );

  app.get(
    '/api/v1/watches',
    {
      schema: {
        summary: 'Watches',
        querystring: tokenQuery,
        response: { 200: anyObject, ...errors },
      },
    },
    async () => ({ watches: await store.watches() }),
  );

  app.get(
    '/api/v1/watches/:id',
    {
      schema: {
        summary: 'A watch and its latest matches',
        params: idParams,
        querystring: tokenQuery,
        response: { 200: anyObject, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const watch = await store.getWatch(id);
      if (!watch) throw new BabelwireError('E_NOT_FOUND', 'watch', id);
      return { watch, matches: await store.recentChanges({ watchId: id }, 100) };
    },
  );

  app.post(
    '/api/v1/watches',
    {
      config: { role: 'write' },
      schema: {
        summary: 'Create a watch: new and updated events that match are announced',
        description:
          'Any of query, entity, country, type, language (all given must hold). Matches appear on /api/v1/stream, in /feeds/watches/{id}.atom and, with a webhook, as a JSON POST to it (retried with backoff).',
        querystring: tokenQuery,
        body: watchBody,
        response: { 201: anyObject, ...errors },
      },
    },
    async (request, reply) => {
      const watch = await service.addWatch(request.body as WatchInput, who(request));
      return reply.status(201).send({ watch });
    },
  );

  app.delete(
    '/api/v1/watches/:id',
    {
      config: { role: 'write' },
      schema: {
        summary: 'Remove a watch',
        params: idParams,
        querystring: tokenQuery,
        response: { 200: anyObject, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      await service.removeWatch(id);
      return { removed: id };
    },
  );

  app.post(
    '/api/v1/sources',
    {
      config: { role: 'admin' },
      schema: {
        summary: 'Add a news source (RSS 2.0, Atom or JSON Feed) polled on its schedule',
        querystring: tokenQuery,
        body: sourceBody,
        response: { 201: anyObject, ...errors },
      },
    },
    async (request, reply) => {
      const body = request.body as { url: string; name?: string; every?: string };
      const source = await addSource(store, body.url, {
        name: body.name,
        everySeconds: body.every ? parseDuration(body.every) : undefined,
      });
      return reply.status(201).send({ source });
    },
  );

  app.delete(
    '/api/v1/sources/:id',
    {
      config: { role: 'admin' },
      schema: {
        summary: 'Remove a news source',
        params: idParams,
        querystring: tokenQuery,
        response: { 200: anyObject, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      await removeSource(store, id);
      return { removed: id };
    },
  );
}
