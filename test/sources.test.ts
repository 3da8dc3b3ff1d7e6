import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { BabelwireError } from '../src/errors.ts';
import {
  backoffSeconds,
  decodeBody,
  formatDuration,
  isoDate,
  itemId,
  newSource,
  parseDuration,
  parseFeedBody,
  pollDue,
  pollSource,
  type PollDeps,
  type PollResult,
  type SourceState,
} from '../src/sources/index.ts';

const NOW = new Date('2024-03-01T12:00:00Z');
const nothingSeen: PollDeps['seen'] = async () => new Set();

function source(id: string, url: string, patch: Partial<SourceState> = {}): SourceState {
  return { ...newSource({ id, url, name: `feed ${id}`, now: NOW }), ...patch };
}

function deps(patch: Partial<PollDeps> = {}): PollDeps {
  return { seen: nothingSeen, now: () => NOW, timeoutMs: 2000, ...patch };
}

function code(e: unknown): string {
  assert.ok(e instanceof BabelwireError, `expected a BabelwireError, got ${String(e)}`);
  return e.code;
}

const RSS = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Вести</title><link>http://example.org/</link><description>news</description>
  <language>ru</language>
  <item>
    <title>Пожар в Бишкеке &amp; в Оше</title>
    <link>/news/2</link>
    <guid isPermaLink="false">vesti-2</guid>
    <description>&lt;p&gt;Кратко: пожар.&lt;/p&gt;</description>
    <content:encoded><![CDATA[<p>В Бишкеке сгорел склад.</p><script>track()</script><p>Погибли <b>3</b> человека.</p>]]></content:encoded>
    <pubDate>Tue, 06 Oct 2020 01:30:00 +0600</pubDate>
    <dc:creator>Анна</dc:creator>
  </item>
  <item>
    <title>Выборы</title>
    <link>http://example.org/news/1</link>
    <guid isPermaLink="false">vesti-1</guid>
    <content:encoded><![CDATA[<p>Выборы прошли 4 октября.</p>]]></content:encoded>
    <pubDate>Mon, 05 Oct 2020 10:00:00 GMT</pubDate>
  </item>
</channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
  <title>Tin</title><id>urn:tin</id><updated>2020-10-05T00:00:00Z</updated>
  <entry>
    <title type="html">Bầu cử &lt;em&gt;Quốc hội&lt;/em&gt;</title>
    <id>urn:tin:1</id>
    <link rel="self" href="/self/1"/>
    <link rel="alternate" href="/bai/1.html"/>
    <published>2020-10-05T23:15:00+07:00</published>
    <updated>2020-10-06T08:00:00+07:00</updated>
    <summary>Tóm tắt</summary>
    <content type="html">&lt;p&gt;Cử tri đi bầu.&lt;/p&gt;&lt;p&gt;Đoạn hai.&lt;/p&gt;</content>
    <author><name>Minh</name></author>
  </entry>
  <entry xml:lang="en">
    <title>Text entry</title><id>urn:tin:2</id>
    <updated>2020-10-04T10:00:00Z</updated>
    <content type="text">Line one
Line two &amp; more</content>
  </entry>
</feed>`;

const JSON_FEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'J',
  language: 'zh',
  authors: [{ name: 'Desk' }],
  items: [
    {
      id: 'j1',
      url: 'https://example.com/j1',
      title: '地震',
      content_html: '<p>四川发生地震。</p><p>3人死亡。</p>',
      summary: '地震',
      date_published: '2020-10-05T08:00:00+08:00',
      authors: [{ name: '记者' }],
    },
    { id: 'j2', content_text: 'Plain first\nPlain second', language: 'en' },
  ],
});

/** Exactly the windows-1251 bytes of a string of ASCII and Russian letters. */
function cp1251(text: string): Buffer {
  return Buffer.from(
    [...text].map((ch) => {
      const c = ch.codePointAt(0)!;
      if (c < 0x80) return c;
      if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
      throw new Error(`no windows-1251 byte for ${ch}`);
    }),
  );
}

describe('feed parsing (pure)', () => {
  it('reads RSS 2.0: guid, resolved link, content:encoded as full text, date in its offset, author, language', () => {
    const feed = parseFeedBody(RSS, { baseUrl: 'http://example.org/rss.xml' });
    assert.equal(feed.format, 'rss');
    assert.equal(feed.lang, 'ru');
    assert.equal(feed.items.length, 2);
    const [fire, vote] = feed.items;
    assert.equal(fire.key, 'vesti-2');
    assert.equal(fire.title, 'Пожар в Бишкеке & в Оше');
    assert.equal(fire.summary, 'Кратко: пожар.');
    assert.match(fire.contentHtml ?? '', /сгорел склад/);
    assert.equal(fire.url, 'http://example.org/news/2');
    assert.equal(fire.published, '2020-10-06T01:30:00+06:00');
    assert.equal(fire.author, 'Анна');
    assert.equal(fire.lang, 'ru');
    assert.equal(vote.key, 'vesti-1');
    assert.equal(vote.summary, '');
    assert.equal(vote.published, '2020-10-05T10:00:00Z');
    assert.equal(vote.author, undefined);
  });

  it('reads Atom: id, alternate link resolved, html title and content, xml:lang per entry', () => {
    const feed = parseFeedBody(ATOM, { baseUrl: 'https://tin.vn/feed.atom' });
    assert.equal(feed.format, 'atom');
    assert.equal(feed.lang, 'vi');
    const [a, b] = feed.items;
    assert.equal(a.key, 'urn:tin:1');
    assert.equal(a.title, 'Bầu cử Quốc hội');
    assert.equal(a.url, 'https://tin.vn/bai/1.html');
    assert.equal(a.summary, 'Tóm tắt');
    assert.equal(a.published, '2020-10-05T23:15:00+07:00', 'published wins over updated');
    assert.equal(a.author, 'Minh');
    assert.equal(a.lang, 'vi');
    assert.equal(b.lang, 'en');
    assert.equal(b.url, null);
    assert.equal(b.published, '2020-10-04T10:00:00Z');
    assert.equal(b.contentHtml, '<p>Line one</p><p>Line two &amp; more</p>');
  });

  it('reads JSON Feed: id, url, content_html or content_text, authors, language', () => {
    const feed = parseFeedBody(JSON_FEED);
    assert.equal(feed.format, 'json');
    assert.equal(feed.lang, 'zh');
    const [a, b] = feed.items;
    assert.deepEqual(
      { key: a.key, title: a.title, url: a.url, published: a.published, author: a.author },
      {
        key: 'j1',
        title: '地震',
        url: 'https://example.com/j1',
        published: '2020-10-05T08:00:00+08:00',
        author: '记者',
      },
    );
    assert.equal(a.contentHtml, '<p>四川发生地震。</p><p>3人死亡。</p>');
    assert.equal(b.key, 'j2');
    assert.equal(b.lang, 'en');
    assert.equal(b.author, 'Desk', "the feed's author when the item names none");
    assert.equal(b.contentHtml, '<p>Plain first</p><p>Plain second</p>');
  });

  it('keys fall back to the link, then to a hash of title and date', () => {
    const rss = (items: string) =>
      `<rss version="2.0"><channel><title>x</title>${items}</channel></rss>`;
    const feed = parseFeedBody(
      rss(
        '<item><title>A</title><link>http://h/a</link></item>' +
          '<item><title>B</title><pubDate>Mon, 05 Oct 2020 10:00:00 GMT</pubDate></item>' +
          '<item><title>B</title><pubDate>Tue, 06 Oct 2020 10:00:00 GMT</pubDate></item>',
      ),
    );
    const [a, b, c] = feed.items;
    assert.equal(a.key, 'http://h/a');
    assert.match(b.key, /^h:[0-9a-f]{32}$/);
    assert.notEqual(b.key, c.key, 'same title, other date: another item');
    const again = parseFeedBody(
      rss('<item><title>B</title><pubDate>Mon, 05 Oct 2020 10:00:00 GMT</pubDate></item>'),
    );
    assert.equal(again.items[0].key, b.key, 'the hash is stable');
  });

  it('broken XML, invalid JSON, an HTML page and an empty body are E_FEED with the reason', () => {
    const cases: [string, RegExp][] = [
      ['<rss version="2.0"><channel><item><title>a</titl></item></channel></rss>', /invalid XML/],
      ['<?xml version="1.0"?><rss version="2.0"><channel><item><link>http://x</li', /invalid XML/],
      ['{"version": "https://jsonfeed.org/version/1", "items": [', /invalid JSON/],
      ['<!doctype html><html><body>Hello</body></html>', /HTML page/],
      ['', /empty/],
    ];
    for (const [body, reason] of cases) {
      assert.throws(
        () => parseFeedBody(body),
        (e: unknown) => code(e) === 'E_FEED' && reason.test((e as Error).message),
        body,
      );
    }
  });

  it("isoDate keeps the publisher's day and offset; zone-less times are UTC", () => {
    assert.equal(isoDate('Mon, 05 Oct 2020 01:00:00 +0700'), '2020-10-05T01:00:00+07:00');
    assert.equal(isoDate('Mon, 05 Oct 2020 10:00:00 EST'), '2020-10-05T10:00:00-05:00');
    assert.equal(isoDate('Mon, 05 Oct 2020 10:00:00'), '2020-10-05T10:00:00Z');
    assert.equal(isoDate('2020-10-05 10:00'), '2020-10-05T10:00:00Z');
    assert.equal(isoDate('2020-10-05'), '2020-10-05');
    assert.equal(isoDate('not a date'), null);
    assert.equal(isoDate(undefined), null);
  });

  it('parseDuration reads s, m, h, d and combinations; anything else is E_USAGE', () => {
    assert.equal(parseDuration('90s'), 90);
    assert.equal(parseDuration('10m'), 600);
    assert.equal(parseDuration('1h'), 3600);
    assert.equal(parseDuration('2d'), 172_800);
    assert.equal(parseDuration(' 1H30m '), 5400);
    for (const bad of ['', '10', '0m', '1.5h', '-5m', '10 minutes', 'm', '30m1h']) {
      assert.throws(
        () => parseDuration(bad),
        (e: unknown) => code(e) === 'E_USAGE',
        bad,
      );
    }
    assert.equal(formatDuration(5400), '1h30m');
    assert.equal(parseDuration(formatDuration(172_890)), 172_890);
  });

  it('decodeBody: charset from the header, the XML declaration or a meta tag; bad bytes named', () => {
    const ru = 'Пожар';
    assert.equal(decodeBody(cp1251(ru), 'text/plain; charset=windows-1251', 'x').text, ru);
    const xml = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="windows-1251"?><t>'),
      cp1251(ru),
      Buffer.from('</t>'),
    ]);
    const fromXml = decodeBody(xml, 'application/xml', 'x');
    assert.equal(fromXml.charset, 'windows-1251');
    assert.match(fromXml.text, /<t>Пожар<\/t>/);
    const html = Buffer.concat([Buffer.from('<meta charset="koi8-r"><p>'), Buffer.from([0xf0])]);
    assert.equal(decodeBody(html, 'text/html', 'x').text, '<meta charset="koi8-r"><p>П');
    assert.throws(
      () => decodeBody(Buffer.concat([Buffer.from('ok '), cp1251(ru)]), 'text/html', 'page'),
      (e: unknown) =>
        code(e) === 'E_ENCODING' &&
        (e as Error).message === 'cannot decode page: invalid utf-8 bytes at byte 3',
    );
    assert.throws(
      () => decodeBody(Buffer.from('x'), 'text/html; charset=x-nonsense', 'page'),
      (e: unknown) => code(e) === 'E_ENCODING' && /unknown charset "x-nonsense"/.test(String(e)),
    );
  });

  it('backoff doubles per failure, never under the schedule, capped at a day', () => {
    assert.equal(backoffSeconds(600, 0), 600);
    assert.equal(backoffSeconds(600, 1), 1200);
    assert.equal(backoffSeconds(600, 3), 4800);
    assert.equal(backoffSeconds(600, 20), 86_400);
    assert.equal(backoffSeconds(2 * 86_400, 1), 2 * 86_400);
    const s = newSource({ id: 'src-9', url: 'https://example.org/feed' });
    assert.equal(s.name, 'example.org');
    assert.equal(s.everySeconds, 600);
    assert.equal(s.nextDue, null);
    assert.throws(() => newSource({ id: 'x', url: 'file:///etc/passwd' }), /http or https/);
  });
});

describe('polling a local HTTP server', () => {
  type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
  const routes = new Map<string, Handler>();
  const requests: { path: string; headers: http.IncomingHttpHeaders }[] = [];
  let server: http.Server;
  let base = '';

  const serve =
    (body: string | Buffer, type: string, headers: Record<string, string> = {}): Handler =>
    (_req, res) => {
      res.writeHead(200, { 'content-type': type, ...headers });
      res.end(body);
    };
  const hang: Handler = () => {
    // Never answers: the poller's timeout must give up.
  };
  const requestsTo = (path: string) => requests.filter((r) => r.path === path);

  before(async () => {
    server = http.createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      requests.push({ path, headers: req.headers });
      const handler = routes.get(path);
      if (handler) return handler(req, res);
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('no such page');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('RSS items become articles: ids, full text, lang, publisher day, url, source, oldest first', async () => {
    routes.set('/rss.xml', serve(RSS, 'application/rss+xml; charset=utf-8'));
    const s = source('src-1', `${base}/rss.xml`);
    const r = await pollSource(s, deps());
    assert.equal(r.status, 'ok', r.source.lastError ?? '');
    assert.deepEqual(r.itemKeys, ['vesti-1', 'vesti-2']);
    assert.deepEqual(
      r.items.map((a) => a.id),
      [itemId('src-1', 'vesti-1'), itemId('src-1', 'vesti-2')],
    );
    assert.match(r.items[0].id, /^src-1:[0-9a-f]{16}$/);
    const fire = r.items[1];
    assert.equal(fire.title, 'Пожар в Бишкеке & в Оше');
    assert.equal(fire.text, 'В Бишкеке сгорел склад.\nПогибли 3 человека.', 'no script text');
    assert.equal(fire.lang, 'ru');
    assert.equal(fire.published, '2020-10-06', "the publisher's day, not UTC's (Oct 5)");
    assert.equal(fire.url, `${base}/news/2`);
    assert.equal(fire.source, 'feed src-1');
    assert.equal(fire.idDerived, false);
    assert.equal(r.source.itemsSeen, 2);
    assert.equal(r.source.itemsStored, 2);
    assert.equal(r.source.lastOk, NOW.toISOString());
    assert.equal(r.source.nextDue, new Date(NOW.getTime() + 600_000).toISOString());
    assert.equal(requestsTo('/news/2').length, 0, 'full content in the feed: no page fetched');
    const ua = requestsTo('/rss.xml')[0].headers['user-agent'];
    const version = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string })
      .version;
    assert.equal(ua, `Babelwire/${version}`);
  });

  it('Atom and JSON Feed over HTTP, each with its own language', async () => {
    routes.set('/atom.xml', serve(ATOM, 'application/atom+xml'));
    routes.set('/feed.json', serve(JSON_FEED, 'application/feed+json'));
    const atom = await pollSource(source('src-2', `${base}/atom.xml`), deps({ fetchPages: false }));
    assert.equal(atom.status, 'ok', atom.source.lastError ?? '');
    assert.deepEqual(
      atom.items.map((a) => [a.title, a.text, a.lang, a.published]),
      [
        ['Text entry', 'Line one\nLine two & more', 'en', '2020-10-04'],
        ['Bầu cử Quốc hội', 'Cử tri đi bầu.\nĐoạn hai.', 'vi', '2020-10-05'],
      ],
    );
    assert.equal(atom.items[1].url, `${base}/bai/1.html`);
    const json = await pollSource(source('src-3', `${base}/feed.json`), deps());
    assert.equal(json.status, 'ok', json.source.lastError ?? '');
    assert.deepEqual(
      json.items.map((a) => [a.id, a.text, a.lang]),
      [
        [itemId('src-3', 'j1'), '四川发生地震。\n3人死亡。', 'zh'],
        [itemId('src-3', 'j2'), 'Plain first\nPlain second', 'en'],
      ],
    );
  });

  it('sends ETag and Last-Modified back; a 304 gives no items and keeps the state', async () => {
    const lastModified = 'Mon, 05 Oct 2020 10:00:00 GMT';
    routes.set('/cond.xml', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' });
        return res.end();
      }
      res.writeHead(200, {
        'content-type': 'application/rss+xml',
        etag: '"v1"',
        'last-modified': lastModified,
      });
      res.end(RSS);
    });
    const first = await pollSource(source('src-4', `${base}/cond.xml`), deps());
    assert.equal(first.status, 'ok');
    assert.equal(first.items.length, 2);
    assert.equal(first.source.etag, '"v1"');
    assert.equal(first.source.lastModified, lastModified);
    assert.equal(requestsTo('/cond.xml')[0].headers['if-none-match'], undefined);

    const later = new Date(NOW.getTime() + 600_000);
    const second = await pollSource(first.source, deps({ now: () => later }));
    const sent = requestsTo('/cond.xml')[1].headers;
    assert.equal(sent['if-none-match'], '"v1"');
    assert.equal(sent['if-modified-since'], lastModified);
    assert.equal(second.status, 'not-modified');
    assert.deepEqual(second.items, []);
    assert.deepEqual(second.itemKeys, []);
    assert.equal(second.source.etag, '"v1"');
    assert.equal(second.source.lastModified, lastModified, 'kept though the 304 omits it');
    assert.equal(second.source.itemsSeen, 2);
    assert.equal(second.source.itemsStored, 2);
    assert.equal(second.source.lastOk, later.toISOString());
    assert.equal(second.source.nextDue, new Date(later.getTime() + 600_000).toISOString());
  });

  it('items already taken in are not taken in again', async () => {
    routes.set('/seen.xml', serve(RSS, 'application/rss+xml'));
    const asked: string[][] = [];
    const r = await pollSource(
      source('src-5', `${base}/seen.xml`),
      deps({
        seen: async (keys) => {
          asked.push([...keys]);
          return new Set(['vesti-2']);
        },
      }),
    );
    assert.deepEqual(asked, [['vesti-2', 'vesti-1']]);
    assert.deepEqual(r.itemKeys, ['vesti-1']);
    assert.deepEqual(
      r.items.map((a) => a.title),
      ['Выборы'],
    );
    assert.equal(r.source.itemsSeen, 1);
  });

  it('a 500 is recorded with its status and the backoff doubles; a success resets it', async () => {
    let fail = true;
    routes.set('/flaky.xml', (_req, res) => {
      if (fail) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        return res.end('boom');
      }
      serve(RSS, 'application/rss+xml')(_req, res);
    });
    const s = source('src-6', `${base}/flaky.xml`);
    const r1 = await pollSource(s, deps());
    assert.equal(r1.status, 'failed');
    assert.equal(r1.errorCode, 'E_HTTP');
    assert.equal(r1.source.lastError, `${base}/flaky.xml answered HTTP 500 Internal Server Error`);
    assert.equal(r1.source.failures, 1);
    assert.equal(r1.source.errors, 1);
    assert.equal(r1.source.lastFetch, NOW.toISOString());
    assert.equal(r1.source.lastOk, null);
    assert.equal(r1.source.nextDue, new Date(NOW.getTime() + 1200_000).toISOString());
    const r2 = await pollSource(r1.source, deps());
    assert.equal(r2.source.failures, 2);
    assert.equal(r2.source.nextDue, new Date(NOW.getTime() + 2400_000).toISOString());
    fail = false;
    const r3 = await pollSource(r2.source, deps());
    assert.equal(r3.status, 'ok');
    assert.equal(r3.source.failures, 0);
    assert.equal(r3.source.errors, 2, 'the error count stays');
    assert.equal(r3.source.lastError, null);
    assert.equal(r3.source.nextDue, new Date(NOW.getTime() + 600_000).toISOString());
    assert.equal(r3.items.length, 2);
  });

  it('a malformed feed fails the poll, and its ETag is not taken', async () => {
    routes.set(
      '/broken.xml',
      serve(
        '<rss version="2.0"><channel><item><title>a</titl></item></channel></rss>',
        'text/xml',
        {
          etag: '"broken"',
        },
      ),
    );
    const r = await pollSource(source('src-7', `${base}/broken.xml`), deps());
    assert.equal(r.status, 'failed');
    assert.equal(r.errorCode, 'E_FEED');
    assert.match(r.source.lastError ?? '', /^malformed feed: invalid XML/);
    assert.equal(r.source.etag, null, 'else the next poll would get a 304 and never retry');
    assert.equal(r.source.failures, 1);
  });

  it('a feed that never answers times out (300 ms) and is recorded', async () => {
    routes.set('/hang.xml', hang);
    const started = Date.now();
    const r = await pollSource(source('src-8', `${base}/hang.xml`), deps({ timeoutMs: 300 }));
    const took = Date.now() - started;
    assert.equal(r.status, 'failed');
    assert.equal(r.errorCode, 'E_FETCH');
    assert.equal(r.source.lastError, `cannot fetch ${base}/hang.xml: no answer within 300 ms`);
    assert.ok(took >= 250 && took < 3000, `took ${took} ms`);
  });

  it('a feed in windows-1251, named by its XML declaration, is decoded', async () => {
    const body = Buffer.concat([
      Buffer.from(
        '<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>x</title>' +
          '<item><guid>w1</guid><title>',
      ),
      cp1251('Новости'),
      Buffer.from('</title><description>'),
      cp1251('Текст новости'),
      Buffer.from('</description></item></channel></rss>'),
    ]);
    routes.set('/cp1251.xml', serve(body, 'application/rss+xml'));
    const r = await pollSource(source('src-9', `${base}/cp1251.xml`), deps());
    assert.equal(r.status, 'ok', r.source.lastError ?? '');
    assert.equal(r.items[0].title, 'Новости');
    assert.equal(r.items[0].text, 'Текст новости', 'no link: the summary is the text');
  });

  it('an item with only a title: its page is fetched and Readability extracts the text', async () => {
    const paragraphs = [
      'Floodwaters rose overnight across the river delta, forcing thousands of residents to leave their homes before dawn on Tuesday.',
      'Rescue teams in boats reached the villages of the lower valley by mid-morning, officials said, and at least 12 people were taken to hospital.',
      'The regional governor declared a state of emergency and asked for army help to reinforce the levees along the eastern bank.',
      'Forecasters expect more rain through the weekend, and schools in three districts will stay closed until the water recedes.',
    ];
    routes.set(
      '/story/flood.html',
      serve(
        `<!doctype html><html lang="en"><head><title>Flood | Daily</title>
        <meta property="article:published_time" content="2024-02-27T06:00:00+01:00"></head><body>
        <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
        <article><h1>Delta flood</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article>
        <footer>Copyright Daily News. All rights reserved. Subscribe now.</footer></body></html>`,
        'text/html; charset=utf-8',
      ),
    );
    const feed = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Daily',
      items: [{ id: 'flood', url: `${base}/story/flood.html`, title: 'Delta flood' }],
    });
    routes.set('/daily.json', serve(feed, 'application/feed+json'));
    const r = await pollSource(source('src-10', `${base}/daily.json`), deps());
    assert.equal(r.status, 'ok', r.source.lastError ?? '');
    assert.deepEqual(r.notes, []);
    assert.equal(requestsTo('/story/flood.html').length, 1);
    const [a] = r.items;
    assert.equal(a.title, 'Delta flood');
    for (const p of paragraphs) assert.ok(a.text.includes(p), `missing: ${p}`);
    assert.ok(!/Subscribe now|Sport/.test(a.text), `boilerplate kept: ${a.text}`);
    assert.equal(a.published, '2024-02-27', "the page's date when the feed has none");
    assert.equal(a.lang, null, 'the feed declares no language');
    assert.equal(
      requestsTo('/story/flood.html')[0].headers['accept']?.startsWith('text/html'),
      true,
    );
  });

  it('an item page in a broken encoding: the summary is stored and the reason noted', async () => {
    routes.set(
      '/story/bad.html',
      serve(
        Buffer.concat([Buffer.from('<html><body><p>'), cp1251('Пожар'), Buffer.from('</p>')]),
        'text/html; charset=utf-8',
      ),
    );
    const rss = `<rss version="2.0"><channel><title>x</title><item><guid>bad</guid>
      <title>Пожар</title><link>${base}/story/bad.html</link>
      <description>Краткое описание пожара.</description></item></channel></rss>`;
    routes.set('/bad-page.xml', serve(rss, 'application/rss+xml'));
    const r = await pollSource(source('src-11', `${base}/bad-page.xml`), deps());
    assert.equal(r.status, 'ok', 'a bad page does not fail the source');
    assert.equal(r.source.failures, 0);
    assert.deepEqual(r.itemKeys, ['bad']);
    assert.equal(r.items[0].text, 'Краткое описание пожара.');
    assert.equal(r.notes.length, 1);
    assert.match(
      r.notes[0],
      /story\/bad\.html: page not read \(cannot decode .*: invalid utf-8 bytes at byte 15\); the feed's summary is stored instead/,
    );
  });

  it('pollDue: a failing and a hanging source do not stop the others; sources not due wait', async () => {
    routes.set('/good.xml', serve(RSS, 'application/rss+xml'));
    routes.set('/gone.xml', (_req, res) => {
      res.writeHead(503);
      res.end();
    });
    routes.set('/slow.xml', hang);
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const before = requests.length;
    const sources = [
      source('src-20', `${base}/slow.xml`),
      source('src-21', `${base}/gone.xml`),
      source('src-22', `${base}/good.xml`),
      source('src-23', `${base}/good.xml`, {
        nextDue: new Date(NOW.getTime() + 60_000).toISOString(),
      }),
      source('src-24', `http://127.0.0.1:${closedPort}/refused.xml`),
    ];
    const finished: string[] = [];
    const results = await pollDue(sources, deps({ timeoutMs: 300 }), {
      concurrency: 2,
      onResult: (r: PollResult) => {
        finished.push(r.source.id);
      },
    });
    assert.deepEqual(
      results.map((r) => [r.source.id, r.status, r.errorCode]),
      [
        ['src-20', 'failed', 'E_FETCH'],
        ['src-21', 'failed', 'E_HTTP'],
        ['src-22', 'ok', null],
        ['src-24', 'failed', 'E_FETCH'],
      ],
    );
    assert.equal(results[2].items.length, 2);
    assert.match(results[3].source.lastError ?? '', /ECONNREFUSED/);
    assert.ok(
      finished.indexOf('src-22') < finished.indexOf('src-20'),
      `the good source waited for the hanging one: ${finished.join(', ')}`,
    );
    assert.equal(
      requests.slice(before).filter((r) => r.path === '/good.xml').length,
      1,
      'the source not due yet was not read',
    );
  });
});
