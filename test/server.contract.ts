import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../src/server/app.ts';
import { Service } from '../src/service/service.ts';
import { createToken } from '../src/service/tokens.ts';
import type { Store } from '../src/store/index.ts';

/**
 * The API against a real server on an ephemeral port, run on each store (like the store
 * contract): test/server.sqlite.test.ts and test/server.postgres.test.ts.
 */

const REPORTS = [
  {
    id: 'kg-en-1',
    lang: 'en',
    published: '2020-10-06',
    title: 'Protesters storm parliament in Bishkek after disputed election',
    text: 'Thousands of protesters stormed the parliament building in Bishkek, Kyrgyzstan, on Tuesday after a disputed parliamentary election. President Sooronbay Jeenbekov said the vote could be annulled. Police used tear gas; one person died and 590 were injured.',
  },
  {
    id: 'kg-ru-1',
    lang: 'ru',
    published: '2020-10-06',
    title: 'Протестующие захватили парламент в Бишкеке',
    text: 'Тысячи протестующих захватили здание парламента в Бишкеке после спорных парламентских выборов. Президент Сооронбай Жээнбеков заявил, что итоги выборов могут быть отменены. Полиция применила слезоточивый газ; один человек погиб, 590 ранены.',
  },
  {
    id: 'ke-en-1',
    lang: 'en',
    published: '2021-03-09',
    title: 'Police fire tear gas at fuel price protest in Nairobi',
    text: 'Police in Nairobi, Kenya, fired tear gas at thousands of people protesting against a 22 percent rise in fuel prices on Monday. Opposition leader Raila Odinga called for calm.',
  },
  {
    id: 'jp-en-1',
    lang: 'en',
    published: '2021-07-01',
    title: 'Earthquake of magnitude 6.1 shakes northern Japan',
    text: 'An earthquake of magnitude 6.1 struck off the coast of Miyagi in northern Japan on Thursday. No tsunami warning was issued; two people were slightly injured in Sendai.',
  },
];

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- API answers of many shapes
  body: any;
  text: string;
}

export function serverContract(openStore: () => Promise<Store>): void {
  let store: Store;
  let service: Service;
  let app: FastifyInstance;
  let base: string;
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply> => {
    const res = await fetch(base + path, {
      method,
      headers: {
        ...(body !== undefined && typeof body !== 'string'
          ? { 'content-type': 'application/json' }
          : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    return {
      status: res.status,
      headers: Object.fromEntries(res.headers) as never,
      body: parsed,
      text,
    };
  };

  before(async () => {
    store = await openStore();
    service = await Service.open(store, {
      webhooks: { backoffMs: 50, timeoutMs: 1000, attempts: 3 },
    });
    app = await buildServer(service, { rateLimit: 5 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await app.close();
    await service.close();
    await store.close();
  });

  it('takes reports in (JSON array) with an outcome each, and files them into events', async () => {
    const r = await call('POST', '/api/v1/articles', [...REPORTS, { title: 7 }]);
    assert.equal(r.status, 200);
    const results = r.body.results as { id: string; event: string; status: string }[];
    assert.deepEqual(
      results.map((x) => x.status),
      ['added', 'added', 'added', 'added', 'rejected'],
    );
    // The Russian report of the Bishkek protest joins the English one: one event across languages.
    assert.equal(results[0].event, results[1].event);
    assert.notEqual(results[0].event, results[2].event);
    const again = await call('POST', '/api/v1/articles', REPORTS[0]);
    assert.equal(again.body.results[0].status, 'duplicate');
    assert.equal(again.body.results[0].event, results[0].event);
    const rejections = await store.rejections();
    assert.ok(
      rejections.some((x) => x.code === 'E_FIELD'),
      'the bad record is logged',
    );
  });

  it('lists events with filters and pages through them with a cursor', async () => {
    const all = await call('GET', '/api/v1/events?limit=500');
    assert.equal(all.status, 200);
    assert.equal(all.body.events.length, 3);
    for (const key of [
      'id',
      'title',
      'titleLang',
      'languages',
      'articleCount',
      'firstDate',
      'lastDate',
      'type',
      'countries',
      'names',
    ]) {
      assert.ok(key in all.body.events[0], key);
    }
    assert.equal(all.body.next, null);
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Reply = await call(
        'GET',
        `/api/v1/events?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      assert.equal(page.status, 200);
      ids.push(...page.body.events.map((e: { id: string }) => e.id));
      cursor = page.body.next;
    } while (cursor);
    assert.deepEqual(
      ids,
      all.body.events.map((e: { id: string }) => e.id),
    );
    const ru = await call('GET', '/api/v1/events?lang=ru');
    assert.equal(ru.body.events.length, 1);
    assert.deepEqual(ru.body.events[0].languages, ['en', 'ru']);
    const kg = await call('GET', '/api/v1/events?country=KG');
    assert.equal(kg.body.events.length, 1);
    const byName = await call('GET', `/api/v1/events?country=${encodeURIComponent('Kenya')}`);
    assert.deepEqual(
      byName.body.events.map((e: { countryCodes: string[] }) => e.countryCodes[0]),
      ['KE'],
    );
    const since = await call('GET', '/api/v1/events?since=2021-01-01&until=2021-05-01');
    assert.equal(since.body.events.length, 1);
    const q = await call('GET', `/api/v1/events?q=${encodeURIComponent('землетрясение Япония')}`);
    assert.equal(q.status, 200);
  });

  it('answers bad input with a 4xx JSON error and keeps serving', async () => {
    const cases: [string, string, unknown, number, string][] = [
      ['GET', '/api/v1/events?limit=abc', undefined, 400, 'E_VALIDATION'],
      ['GET', '/api/v1/events?cursor=bogus', undefined, 400, 'E_CURSOR'],
      ['GET', '/api/v1/events?since=2020-13-45', undefined, 400, 'E_USAGE'],
      ['GET', '/api/v1/events?lang=xx', undefined, 400, 'E_USAGE'],
      ['GET', '/api/v1/events?type=picnic', undefined, 400, 'E_VALIDATION'],
      ['GET', '/api/v1/events/ev-999999', undefined, 404, 'E_NOT_FOUND'],
      ['GET', '/api/v1/nothing', undefined, 404, 'E_ROUTE'],
      ['PUT', '/api/v1/events', undefined, 404, 'E_ROUTE'],
      ['POST', '/api/v1/articles', '{"title": ', 400, 'E_JSON'],
      ['GET', '/api/v1/search', undefined, 400, 'E_VALIDATION'],
    ];
    for (const [method, path, body, status, code] of cases) {
      const headers: Record<string, string> =
        typeof body === 'string' ? { 'content-type': 'application/json' } : {};
      const r = await call(method, path, body, headers);
      assert.equal(r.status, status, `${method} ${path}: ${r.text}`);
      assert.equal(r.body?.error?.code, code, `${method} ${path}`);
      assert.doesNotMatch(r.text, /at .*\.ts:\d+/, 'no stack trace');
    }
    const big = await call(
      'POST',
      '/api/v1/articles',
      JSON.stringify({ title: 'x', text: 'y'.repeat(11 * 1024 * 1024) }),
      {
        'content-type': 'application/json',
      },
    );
    assert.equal(big.status, 413);
    assert.equal(big.body.error.code, 'E_BODY_TOO_LARGE');
    const wrongType = await call('POST', '/api/v1/articles', 'title', {
      'content-type': 'text/csv',
    });
    assert.equal(wrongType.status, 415);
    const stats = await call('GET', '/api/v1/stats');
    assert.equal(stats.status, 200);
    assert.equal(stats.body.articles, 4, 'nothing stored was lost');
  });

  it('takes NDJSON, a bad line rejected alone', async () => {
    const body = `${JSON.stringify({ id: 'nd-1', title: 'Flood hits Da Nang', text: 'Floods in Da Nang, Vietnam, forced 3000 people from their homes on Sunday.' })}\nnot json\n`;
    const r = await call('POST', '/api/v1/articles', body, {
      'content-type': 'application/x-ndjson',
    });
    assert.equal(r.status, 200);
    assert.deepEqual(
      r.body.results.map((x: { status: string }) => x.status),
      ['added', 'rejected'],
    );
    assert.equal(r.body.results[1].error.code, 'E_JSON');
  });

  it('searches across languages and scripts', async () => {
    const r = await call('GET', `/api/v1/search?q=${encodeURIComponent('Жээнбеков')}`);
    assert.equal(r.status, 200);
    const ids = r.body.results.map((x: { id: string }) => x.id);
    assert.ok(ids.includes('kg-ru-1') && ids.includes('kg-en-1'), JSON.stringify(ids));
    const ev = await call(
      'GET',
      `/api/v1/search?q=${encodeURIComponent('parliament Bishkek')}&type=event`,
    );
    assert.equal(ev.body.results[0].type, 'event');
    assert.equal(ev.body.results[0].id, (await store.articleEventId('kg-en-1'))!);
    for (const x of r.body.results)
      assert.ok(typeof x.snippet === 'string' && typeof x.score === 'number');
  });

  it('shows an event with why each report is in it, and corrects it', async () => {
    const kg = (await store.articleEventId('kg-en-1'))!;
    const view = await call('GET', `/api/v1/events/${kg}`);
    assert.equal(view.status, 200);
    const ru = view.body.reports.find((r: { id: string }) => r.id === 'kg-ru-1');
    assert.ok(ru.why.similarity > 0);
    assert.ok(ru.why.numbers.includes('590'), JSON.stringify(ru.why));
    const moved = await call('POST', '/api/v1/articles/kg-ru-1/move', { event: null });
    assert.equal(moved.status, 200, moved.text);
    const newEvent = moved.body.event as string;
    assert.notEqual(newEvent, kg);
    assert.equal(await store.articleEventId('kg-ru-1'), newEvent);
    // Later clustering does not undo it: a further Russian report joins, the move stands.
    await call('POST', '/api/v1/articles', {
      id: 'kg-ru-2',
      lang: 'ru',
      published: '2020-10-06',
      title: 'В Бишкеке протестующие захватили парламент',
      text: 'Протестующие захватили здание парламента в Бишкеке после выборов. Президент Сооронбай Жээнбеков. 590 ранены, один погиб.',
    });
    assert.equal(await store.articleEventId('kg-ru-1'), newEvent);
    assert.notEqual(await store.articleEventId('kg-en-1'), newEvent);
    const history = (await call('GET', `/api/v1/events/${newEvent}`)).body.history;
    assert.equal(history[0].kind, 'move');
    assert.equal(history[0].by, 'local');
    const merged = await call('POST', `/api/v1/events/${kg}/merge`, { event: newEvent });
    assert.equal(merged.status, 200, merged.text);
    assert.equal(await store.articleEventId('kg-ru-1'), kg);
    assert.equal(await store.getEvent(newEvent), null);
    const bad = await call('POST', `/api/v1/events/${kg}/merge`, { event: 'ev-424242' });
    assert.equal(bad.status, 404);
    assert.equal((await store.check()).problems.length, 0);
  });

  it('streams changes over SSE and replays from Last-Event-ID', async () => {
    const seen: { id: number; kind: string; data: Record<string, unknown> }[] = [];
    const start = await store.lastChangeSeq();
    const ac = new AbortController();
    const res = await fetch(`${base}/api/v1/stream`, {
      headers: { 'last-event-id': String(start) },
      signal: ac.signal,
    });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/event-stream/);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const readUntil = async (n: number) => {
      const deadline = Date.now() + 5000;
      while (seen.length < n && Date.now() < deadline) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let i;
        while ((i = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          const id = /^id: (\d+)$/m.exec(block)?.[1];
          const kind = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (id && kind && data) seen.push({ id: Number(id), kind, data: JSON.parse(data) });
        }
      }
    };
    const sent = Date.now();
    await call('POST', '/api/v1/articles', {
      id: 'eq-2',
      lang: 'en',
      published: '2022-01-05',
      title: 'Volcano erupts near Tonga',
      text: 'An undersea volcano erupted near Tonga on Wednesday, sending ash 20 km into the sky.',
    });
    await readUntil(1);
    assert.ok(Date.now() - sent < 2000);
    const created = seen.find((s) => s.kind === 'event.created');
    assert.ok(created, JSON.stringify(seen));
    assert.equal(created.data.event, await store.articleEventId('eq-2'));
    ac.abort();
    // Reconnecting from before that change replays it.
    const replay = await fetch(`${base}/api/v1/stream?lastEventId=${created.id - 1}`, {
      signal: AbortSignal.timeout(3000),
    }).catch(() => null);
    assert.ok(replay);
    const r2 = replay.body!.getReader();
    let text = '';
    while (!text.includes(`id: ${created.id}\n`)) {
      const { value, done } = await r2.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    assert.match(text, new RegExp(`id: ${created.id}\\nevent: event.created`));
    await r2.cancel();
  });

  it('fires a watch on the stream, in its feed and to its webhook (retried)', async () => {
    const got: unknown[] = [];
    let calls = 0;
    const receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        calls++;
        // The first delivery fails: the queue retries.
        if (calls === 1) {
          res.writeHead(500).end();
          return;
        }
        got.push(JSON.parse(body));
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    try {
      const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
      const w = await call('POST', '/api/v1/watches', { query: 'earthquake Japan', webhook: hook });
      assert.equal(w.status, 201, w.text);
      const id = w.body.watch.id as string;
      const none = await call('POST', '/api/v1/watches', {});
      assert.equal(none.status, 400);
      await call('POST', '/api/v1/articles', {
        id: 'jp-de-1',
        lang: 'de',
        published: '2021-07-01',
        title: 'Erdbeben der Stärke 6,1 erschüttert den Norden Japans',
        text: 'Ein Erdbeben der Stärke 6,1 hat am Donnerstag die Küste von Miyagi im Norden Japans erschüttert. Zwei Menschen wurden in Sendai leicht verletzt.',
      });
      const unrelated = await call('POST', '/api/v1/articles', {
        id: 'x-1',
        lang: 'en',
        title: 'Central bank raises interest rates',
        text: 'The central bank of Brazil raised its key interest rate by half a point on Wednesday.',
      });
      assert.equal(unrelated.status, 200);
      const deadline = Date.now() + 5000;
      while (got.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      assert.equal(got.length, 1, 'delivered once after a retry');
      assert.equal((got[0] as { event: string }).event, await store.articleEventId('jp-de-1'));
      const matches = (await call('GET', `/api/v1/watches/${id}`)).body.matches;
      assert.equal(matches.length, 1);
      const feed = await call('GET', `/feeds/watches/${id}.atom`);
      assert.equal(feed.status, 200);
      assert.match(feed.headers['content-type'] as string, /atom/);
      assert.match(feed.text, /<entry>/);
      assert.equal((await call('DELETE', `/api/v1/watches/${id}`)).status, 200);
      assert.equal((await call('GET', `/api/v1/watches/${id}`)).status, 404);
    } finally {
      receiver.close();
    }
  });

  it('serves feeds, OpenAPI, health and metrics', async () => {
    const feed = await call('GET', '/feeds/events.atom?country=KE');
    assert.equal(feed.status, 200);
    assert.match(feed.text, /Nairobi/);
    assert.doesNotMatch(feed.text, /Bishkek/);
    const doc = await call('GET', '/api/v1/openapi.json');
    assert.equal(doc.body.openapi, '3.0.3');
    assert.ok(doc.body.paths['/api/v1/events'] && doc.body.paths['/api/v1/search']);
    assert.equal((await call('GET', '/api/v1/docs/')).status, 200);
    assert.equal((await call('GET', '/healthz')).body.status, 'ok');
    const metrics = await call('GET', '/metrics');
    assert.match(metrics.text, /babelwire_articles_ingested_total\{status="added"\} \d+/);
    assert.match(metrics.text, /babelwire_decision_seconds_bucket/);
    assert.match(
      metrics.text,
      /babelwire_http_requests_total\{route="\/api\/v1\/events",method="GET",status="200"\}/,
    );
    assert.match(metrics.text, /babelwire_events \d+/);
    assert.ok(feed.headers['x-content-type-options'], 'security headers');
  });

  it('needs tokens once they exist, and limits each token', async () => {
    const { secret: reader } = await createToken(store, 'read', 'reader');
    const { secret: writer } = await createToken(store, 'write', 'writer');
    await new Promise((r) => setTimeout(r, 2100)); // the server re-reads "tokens exist" every 2 s
    const anonymous = await call('POST', '/api/v1/watches', { query: 'x' });
    assert.equal(anonymous.status, 401);
    const weak = await call(
      'POST',
      '/api/v1/watches',
      { query: 'x' },
      { authorization: `Bearer ${reader}` },
    );
    assert.equal(weak.status, 403);
    const bogus = await call('GET', '/api/v1/stats', undefined, { authorization: 'Bearer nope' });
    assert.equal(bogus.status, 401);
    const ok = await call(
      'POST',
      '/api/v1/watches',
      { query: 'x' },
      { authorization: `Bearer ${writer}` },
    );
    assert.equal(ok.status, 201);
    assert.match(ok.body.watch.createdBy, /writer/);
    // rateLimit is 5 a minute in this suite: the writer has used one.
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await call('GET', `/api/v1/stats?token=${writer}`)).status);
    }
    assert.deepEqual(statuses.slice(0, 4), [200, 200, 200, 200]);
    const limited = await call('GET', '/api/v1/stats', undefined, {
      authorization: `Bearer ${writer}`,
    });
    assert.equal(limited.status, 429);
    assert.equal(limited.body.error.code, 'E_RATE_LIMIT');
    assert.ok(limited.headers['retry-after']);
    // Reads from the local user stay open on loopback.
    assert.equal((await call('GET', '/api/v1/stats')).status, 200);
  });
}
