import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ingestPaths } from '../src/cli/commands/ingest.ts';
import { DEMO_CORPUS } from '../src/config.ts';
import { buildServer } from '../src/server/app.ts';
import { Service } from '../src/service/service.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { ROOT, tempDir } from './helpers.ts';

/**
 * The web UI end to end: Debian's chromium (never a downloaded browser), driven by
 * playwright-core, against the real server on an ephemeral port over a SQLite store holding the
 * demo corpus. Screenshots go to test-results/ (git-ignored).
 */

// The page's globals, as the functions run in the page use them (the tests compile without the
// DOM library).
declare const document: {
  querySelectorAll(selector: string): { length: number };
  documentElement: { scrollWidth: number };
};
declare const window: Record<string, unknown>;
declare function getComputedStyle(element: unknown): { direction: string };

const UI_DIR = path.join(ROOT, 'ui', 'dist');
const SHOTS = path.join(ROOT, 'test-results');
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

interface Item {
  id: string;
  title: string;
  titleLang: string;
  languages: string[];
  articleCount: number;
}
interface Report {
  id: string;
  lang: string;
  title: string;
}

describe('web UI in chromium', { timeout: 180_000 }, () => {
  let store: Store;
  let service: Service;
  let app: FastifyInstance;
  let browser: Browser;
  let base = '';

  const get = async <T>(url: string): Promise<T> => {
    const res = await fetch(`${base}/api/v1${url}`);
    assert.equal(res.status, 200, `${url}: ${res.status}`);
    return (await res.json()) as T;
  };
  const post = async <T>(url: string, body: unknown): Promise<T> => {
    const res = await fetch(`${base}/api/v1${url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    assert.equal(res.status, 200, `${url}: ${res.status}`);
    return (await res.json()) as T;
  };
  const allEvents = async (lang?: string) =>
    (await get<{ events: Item[] }>(`/events?limit=500${lang ? `&lang=${lang}` : ''}`)).events;

  const open = async (url: string, width = 1280): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => assert.fail(`page error on ${url}: ${e.message}`));
    await page.goto(`${base}${url}`);
    return page;
  };
  /** Milliseconds from the start of the page's navigation to now (a render just waited for). */
  const sinceNavigation = (page: Page) => page.evaluate(() => Math.round(performance.now()));
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(SHOTS, `ui-${name}.png`), fullPage: true });

  before(async () => {
    if (!fs.existsSync(path.join(UI_DIR, 'index.html'))) {
      const r = spawnSync('npm', ['run', 'build:ui'], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
    }
    fs.mkdirSync(SHOTS, { recursive: true });
    const dir = tempDir();
    const file = path.join(dir, 'ui.db');
    store = await openStore(file);
    await ingestPaths(store, [DEMO_CORPUS], { db: file, quiet: true });
    service = await Service.open(store);
    app = await buildServer(service, { uiDir: UI_DIR });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    assert.ok(address && typeof address === 'object');
    base = `http://127.0.0.1:${address.port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  });

  after(async () => {
    await browser?.close();
    await app?.close();
    await service?.close();
    await store?.close();
  });

  it('the list shows every event with its language badges and report count', async (t) => {
    const events = await allEvents();
    assert.ok(events.length >= 10);
    const page = await open('/');
    await page.locator('.event-row').first().waitFor();
    t.diagnostic(
      `list rendered ${await sinceNavigation(page)} ms after navigation (${events.length} events)`,
    );
    assert.equal(await page.locator('.event-row').count(), events.length);
    const first = page.locator(`.event-row[data-id="${events[0].id}"]`);
    assert.deepEqual(await first.locator('.badge').allTextContents(), events[0].languages);
    assert.match(
      (await first.locator('.count').textContent()) ?? '',
      new RegExp(`^${events[0].articleCount} reports?$`),
    );
    await shot(page, 'list');
    await page.close();
  });

  it('filtering by language narrows the list to events with a report in it', async () => {
    const all = await allEvents();
    const arabic = await allEvents('ar');
    assert.ok(arabic.length > 0 && arabic.length < all.length);
    const page = await open('/');
    await page.locator('.event-row').first().waitFor();
    await page.getByLabel('Language', { exact: true }).selectOption('ar');
    await page.waitForURL(/[?&]lang=ar/);
    await page.waitForFunction(
      (n) => document.querySelectorAll('.event-row').length === n,
      arabic.length,
    );
    const ids = await page
      .locator('.event-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
    assert.deepEqual(
      ids,
      arabic.map((e) => e.id),
    );
    for (const badges of await page.locator('.event-row .badges').allTextContents()) {
      assert.match(badges, /ar/);
    }
    await page.close();
  });

  it('an event page puts the reports side by side by language, Arabic right to left, with a map', async (t) => {
    const event = (await allEvents('ar')).find((e) => e.languages.length >= 3)!;
    assert.ok(event, 'an event in Arabic and two more languages');
    const view = await get<{ reports: Report[] }>(`/events/${event.id}`);
    const page = await open(`/events/${event.id}`);
    await page.locator('.lang-group').first().waitFor();
    t.diagnostic(`event page rendered ${await sinceNavigation(page)} ms after navigation`);
    const groups = await page
      .locator('.lang-group')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-lang')));
    assert.deepEqual([...groups].sort(), [...event.languages].sort());
    // Side by side at 1280 px: the first two columns start at the same height.
    const [a, b] = [
      await page.locator('.lang-group').nth(0).boundingBox(),
      await page.locator('.lang-group').nth(1).boundingBox(),
    ];
    assert.ok(a && b && Math.abs(a.y - b.y) < 2 && b.x > a.x + a.width - 1);
    for (const r of view.reports) {
      assert.equal(
        await page.locator(`.lang-group[data-lang="${r.lang}"] #report-${r.id}`).count(),
        1,
      );
    }
    const direction = (lang: string) =>
      page
        .locator(`.lang-group[data-lang="${lang}"] .report-text`)
        .first()
        .evaluate((el) => getComputedStyle(el).direction);
    assert.equal(await direction('ar'), 'rtl');
    assert.equal(await direction(event.languages.find((l) => l !== 'ar')!), 'ltr');
    assert.equal(
      await page
        .locator('.lang-group[data-lang="ar"] .report-title')
        .first()
        .evaluate((el) => getComputedStyle(el).direction),
      'rtl',
    );
    await page.locator('svg.map path.land').first().waitFor();
    assert.ok((await page.locator('svg.map path.land').count()) > 100, 'the world outline');
    assert.ok(
      (await page.locator('svg.map .shaded, svg.map .city').count()) > 0,
      "the event's places are marked",
    );
    await shot(page, 'event');
    await page.close();
  });

  it('at 390 px an event page fits the width, its language columns stacked', async () => {
    const event = (await allEvents('ar')).find((e) => e.languages.length >= 3)!;
    const page = await open(`/events/${event.id}`, 390);
    await page.locator('.lang-group').nth(1).waitFor();
    await page.locator('svg.map path.land').first().waitFor();
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 390);
    const [a, b] = [
      await page.locator('.lang-group').nth(0).boundingBox(),
      await page.locator('.lang-group').nth(1).boundingBox(),
    ];
    assert.ok(a && b && b.y >= a.y + a.height - 1, 'the second language below the first');
    await shot(page, 'event-390');
    await page.close();
  });

  it('a pasted /events/{id} address opens that event, and so does a reload', async () => {
    const event = (await allEvents())[3];
    const page = await open(`/events/${event.id}`);
    await page.locator('h1').first().waitFor();
    await page.locator('.event-head h1').waitFor();
    assert.equal(await page.locator('.event-head h1').textContent(), event.title);
    await page.reload();
    await page.locator('.event-head h1').waitFor();
    assert.equal(await page.locator('.event-head h1').textContent(), event.title);
    assert.equal(await page.locator('.report').count(), event.articleCount);
    await page.close();
  });

  it('a search in one language shows reports in others', async () => {
    const event = (await allEvents('ar')).find((e) => e.languages.includes('en'))!;
    const view = await get<{ reports: Report[] }>(`/events/${event.id}`);
    const english = view.reports.find((r) => r.lang === 'en')!;
    const page = await open('/');
    const box = page.getByLabel('Search reports in any language');
    await box.fill(english.title);
    await box.press('Enter');
    await page.waitForURL(/\/search\?q=/);
    await page.locator('.result').first().waitFor();
    const langs = await page
      .locator('.result')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-lang')));
    assert.ok(langs.includes('en'));
    const others = langs.filter((l) => l !== 'en');
    assert.ok(others.length > 0, `only English results: ${langs.join(' ')}`);
    // A result in another language of the same event links to it.
    const other = view.reports.find((r) => r.lang !== 'en')!;
    const link = page.locator(`.result[data-id="${other.id}"] a`);
    assert.equal(await link.getAttribute('href'), `/events/${event.id}#report-${other.id}`);
    await shot(page, 'search');
    await page.close();
  });

  it('a newly posted article appears in the open list without a reload, marked new', async () => {
    const page = await open('/');
    await page.locator('.event-row').first().waitFor();
    await page.evaluate(() => (window.marker = 1));
    const before = new Set((await allEvents()).map((e) => e.id));
    // Give the stream a moment to connect before the article arrives.
    await page.waitForTimeout(300);
    const { results } = await post<{ results: { event: string; status: string }[] }>('/articles', {
      id: 'ui-live-1',
      title: 'Glacier collapse blocks valley road near El Chaltén in Patagonia',
      text: 'A section of the Viedma glacier collapsed on Tuesday and blocked the only road into the valley near El Chaltén, Argentina, park rangers said. No one was hurt.',
      lang: 'en',
      published: '2026-12-01',
      source: 'ui-test',
    });
    assert.equal(results[0].status, 'added');
    const id = results[0].event;
    assert.ok(!before.has(id), 'the article makes an event of its own');
    const row = page.locator(`.event-row[data-id="${id}"]`);
    await row.waitFor({ timeout: 5000 });
    assert.match((await row.getAttribute('class')) ?? '', /\bnew\b/);
    assert.equal(await row.locator('.new-tag').textContent(), 'new');
    assert.equal(await page.evaluate(() => window.marker), 1);
    await shot(page, 'live');
    await page.close();
  });

  it('a hostile title and text show as characters and run nothing', async () => {
    const { results } = await post<{ results: { event: string }[] }>('/articles', {
      id: 'ui-hostile-1',
      title: '<img src=x onerror="window.pwned=1"> Harbour crane topples in Valparaíso',
      text: 'A crane toppled onto the pier at the port of Valparaíso, Chile, on Sunday. <script>window.pwned=2</script> Nobody was injured, the port authority said.',
      lang: 'en',
      published: '2026-12-01',
    });
    const page = await open(`/events/${results[0].event}`);
    const res = await page.request.get(`${base}/events/${results[0].event}`);
    assert.match(res.headers()['content-security-policy'] ?? '', /script-src 'self'/);
    await page.locator('.report-text').first().waitFor();
    assert.match(
      (await page.locator('.event-head h1').textContent()) ?? '',
      /^<img src=x onerror=/,
    );
    assert.match((await page.locator('.report-text').first().textContent()) ?? '', /<script>/);
    assert.equal(await page.locator('main img, main script').count(), 0);
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    await page.close();
  });

  it('the move-out button moves a report into an event of its own', async () => {
    const event = (await allEvents()).find((e) => e.articleCount >= 3)!;
    const view = await get<{ reports: Report[] }>(`/events/${event.id}`);
    const moved = view.reports[view.reports.length - 1];
    const page = await open(`/events/${event.id}`);
    const card = page.locator(`#report-${moved.id}`);
    await card.getByRole('button', { name: 'Move out' }).click();
    await card.getByRole('button', { name: 'Confirm move' }).click();
    await page.locator('.notice').waitFor();
    await page.waitForFunction(
      (n) => document.querySelectorAll('.report').length === n,
      event.articleCount - 1,
    );
    assert.equal(await page.locator(`#report-${moved.id}`).count(), 0);
    const article = await get<{ eventId: string }>(`/articles/${moved.id}`);
    assert.notEqual(article.eventId, event.id);
    assert.equal(
      await page.locator('.notice a').getAttribute('href'),
      `/events/${article.eventId}`,
    );
    const after = await get<{ articleCount: number; history: { kind: string }[] }>(
      `/events/${event.id}`,
    );
    assert.equal(after.articleCount, event.articleCount - 1);
    await page.locator('.history li').first().waitFor();
    assert.match((await page.locator('.history').textContent()) ?? '', /moved report/);
    await shot(page, 'moved');
    await page.close();
  });

  it('a republished report is marked as a copy of the first, and counted apart', async () => {
    const [line] = fs.readFileSync(DEMO_CORPUS, 'utf8').split('\n');
    const original = JSON.parse(line) as { id: string; title: string; text: string; lang?: string };
    const res = await post<{ results: { id: string; event: string; status: string }[] }>(
      '/articles',
      {
        ...original,
        id: 'republished-copy',
        // A site's own line, in no boilerplate list (those come off before fingerprinting).
        text: `${original.text}\nOur correspondents contributed to this report.`,
      },
    );
    const [result] = res.results;
    assert.equal(result.status, 'added');
    const view = await get<{
      copyCount: number;
      reports: (Report & { duplicateOf: string | null })[];
    }>(`/events/${result.event}`);
    assert.equal(view.copyCount, 1);
    assert.equal(view.reports.find((r) => r.id === 'republished-copy')?.duplicateOf, original.id);
    const page = await open(`/events/${result.event}`);
    const card = page.locator('#report-republished-copy');
    await card.waitFor();
    assert.equal(await card.locator('.copy-of').textContent(), `copy of ${original.id}`);
    assert.match((await page.locator('.event-head .count').textContent()) ?? '', /1 copy/);
    await page.close();
  });
});
