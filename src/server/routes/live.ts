import type { FastifyInstance, FastifyRequest } from 'fastify';
import { generateAtomFeed } from 'feedsmith';
import { BabelwireError } from '../../errors.ts';
import type { EventFilterInput } from '../../query/filters.ts';
import type { Service } from '../../service/service.ts';
import type { Change, ChangeKind } from '../../store/index.ts';
import { errors, feedQuery, idParams, streamQuery, tokenQuery } from '../schemas.ts';
import { filteredEvents } from './read.ts';

/** What a client follows: the live stream (Server-Sent Events) and the Atom feeds. */

const KINDS: readonly ChangeKind[] = ['event.created', 'event.updated', 'watch.matched'];
const HEARTBEAT_MS = 15_000;
/** Entries replayed per read when a client resumes from far back. */
const REPLAY_PAGE = 500;
const FEED_ENTRIES = 50;

function sse(c: Change): string {
  const data = JSON.stringify({ event: c.eventId, watch: c.watchId, at: c.at, ...c.data });
  return `id: ${c.seq}\nevent: ${c.kind}\ndata: ${data}\n\n`;
}

function base(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

export function registerLive(app: FastifyInstance, service: Service): void {
  const store = service.store;

  app.get(
    '/api/v1/stream',
    {
      schema: {
        summary: 'Live changes as Server-Sent Events: event.created, event.updated, watch.matched',
        description:
          'Each message has the change-log sequence number as its id; reconnecting with Last-Event-ID (or ?lastEventId=) replays what was missed. Without either, the stream starts now.',
        querystring: streamQuery,
        response: errors,
      },
    },
    async (request, reply) => {
      const q = request.query as { lastEventId?: number; kinds?: string };
      const kinds = new Set(q.kinds ? q.kinds.split(',').map((k) => k.trim()) : KINDS);
      for (const k of kinds) {
        if (!(KINDS as readonly string[]).includes(k)) {
          throw new BabelwireError('E_CHOICE', 'kind', k, KINDS.join(', '));
        }
      }
      const header = request.headers['last-event-id'];
      const resume = header !== undefined ? Number(header) : q.lastEventId;
      if (resume !== undefined && (!Number.isSafeInteger(resume) || resume < 0)) {
        throw new BabelwireError('E_USAGE', 'Last-Event-ID must be a change number');
      }
      // Listening before replaying, so nothing committed in between is missed; what arrives
      // while the replay runs is sent after it, without repeats.
      let last = resume ?? (await store.lastChangeSeq());
      let replaying = true;
      const queued: Change[] = [];
      const raw = reply.raw;
      const send = (c: Change) => {
        if (c.seq <= last || raw.destroyed || raw.writableEnded) return;
        last = c.seq;
        if (kinds.has(c.kind)) raw.write(sse(c));
      };
      const off = service.onChange((c) => (replaying ? queued.push(c) : send(c)));
      reply.hijack();
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      raw.write(': babelwire stream\n\n');
      // A client that goes away mid-write is no error of ours.
      raw.on('error', () => undefined);
      const heartbeat = setInterval(() => {
        if (!raw.destroyed) raw.write(': keep-alive\n\n');
      }, HEARTBEAT_MS);
      const stop = () => {
        clearInterval(heartbeat);
        off();
      };
      request.raw.on('close', stop);
      try {
        for (;;) {
          const page = await store.changesAfter(last, REPLAY_PAGE);
          for (const c of page) send(c);
          if (page.length < REPLAY_PAGE) break;
        }
      } finally {
        replaying = false;
        for (const c of queued.splice(0)) send(c);
      }
    },
  );

  app.get(
    '/feeds/events.atom',
    {
      schema: {
        summary: 'The latest events as an Atom feed (the filters of /api/v1/events)',
        querystring: feedQuery,
        response: errors,
      },
    },
    async (request, reply) => {
      const q = request.query as EventFilterInput & { q?: string };
      const events = await filteredEvents(service, q, { limit: FEED_ENTRIES, sort: 'recent' });
      const root = base(request);
      const updated =
        events
          .map((e) => e.updatedAt)
          .sort()
          .pop() ?? new Date(0).toISOString();
      const xml = generateAtomFeed({
        id: `${root}/feeds/events.atom`,
        title: { value: 'Babelwire: latest events' },
        updated: new Date(updated),
        links: [{ href: `${root}${request.url}`, rel: 'self' }],
        entries: events.map((e) => ({
          id: `${root}/events/${e.id}`,
          title: { value: e.title, type: 'text' },
          updated: new Date(e.updatedAt),
          published: new Date(e.firstSeen),
          links: [{ href: `${root}/events/${e.id}` }],
          summary: {
            value: `${e.articleCount} report(s) in ${e.languages.join(', ')}; ${e.firstDate ?? 'undated'}${e.lastDate && e.lastDate !== e.firstDate ? ` – ${e.lastDate}` : ''}${e.countries.length ? `; ${e.countries.join(', ')}` : ''}`,
            type: 'text',
          },
          categories: e.eventType ? [{ term: e.eventType }] : undefined,
        })),
      });
      return reply.type('application/atom+xml; charset=utf-8').send(xml);
    },
  );

  app.get(
    '/feeds/watches/:id.atom',
    {
      schema: {
        summary: "A watch's matches as an Atom feed",
        params: idParams,
        querystring: tokenQuery,
        response: errors,
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const watch = await store.getWatch(id);
      if (!watch) throw new BabelwireError('E_NOT_FOUND', 'watch', id);
      const matches = await store.recentChanges({ watchId: id }, FEED_ENTRIES);
      const root = base(request);
      const xml = generateAtomFeed({
        id: `${root}/feeds/watches/${id}.atom`,
        title: { value: `Babelwire watch ${watch.name ?? watch.query ?? watch.entity ?? id}` },
        updated: new Date(matches[0]?.at ?? watch.createdAt),
        links: [{ href: `${root}${request.url}`, rel: 'self' }],
        entries: matches.map((m) => ({
          id: `${root}/feeds/watches/${id}.atom#${m.seq}`,
          title: { value: String(m.data.title ?? m.eventId), type: 'text' },
          updated: new Date(m.at),
          links: [{ href: `${root}/events/${m.eventId}` }],
          summary: {
            value: `${String(m.data.articleCount ?? '?')} report(s) in ${((m.data.languages as string[] | undefined) ?? []).join(', ')}`,
            type: 'text',
          },
        })),
      });
      return reply.type('application/atom+xml; charset=utf-8').send(xml);
    },
  );
}
