import { createHash } from 'node:crypto';
import { DetectError, MalformedError, parseFeed, type AnyFeed } from 'feedsmith';
import { parseHTML } from 'linkedom';
import { BabelwireError } from '../errors.ts';
import { blockText } from '../ingest/readers.ts';

/**
 * Feeds as data: a fetched body (RSS 2.0, RSS 1.0/RDF, Atom or JSON Feed, told apart by
 * feedsmith's universal parser) becomes a list of items. Pure: no network, no store, no clock.
 */

export interface FeedItem {
  /** Stable within the feed: guid / id, else the link, else a hash of title and date. */
  key: string;
  /** Plain text (markup in an HTML title is dropped); '' when the item has none. */
  title: string;
  /** The feed's description or summary as plain text; '' when there is none. */
  summary: string;
  /** The full content the feed carries (content:encoded, Atom content, JSON content_*). */
  contentHtml: string | null;
  /** The item's page, absolute (resolved against the feed's address). */
  url: string | null;
  /** ISO 8601 in the publisher's own offset (`2020-10-05T01:00:00+07:00`), or a day. */
  published: string | null;
  author?: string;
  /** The item's language, else the feed's, as declared; null when neither says. */
  lang: string | null;
}

export interface ParsedFeed {
  format: AnyFeed['format'];
  title: string;
  lang: string | null;
  items: FeedItem[];
}

export interface ParseOptions {
  /** The address the body came from: relative links are resolved against it. */
  baseUrl?: string;
}

/** Parses a feed body. Anything that is not a readable feed is a BabelwireError E_FEED. */
export function parseFeedBody(body: string, options: ParseOptions = {}): ParsedFeed {
  const text = body.replace(/^\uFEFF/, '');
  let parsed: AnyFeed;
  try {
    parsed = parseFeed(text);
  } catch (e) {
    throw new BabelwireError('E_FEED', feedFailure(text, e));
  }
  const base = options.baseUrl ?? null;
  switch (parsed.format) {
    case 'rss': {
      const feed = parsed.feed;
      const lang = clean(feed.language) || first(feed.dc?.languages) || null;
      const items = (feed.items ?? []).map((item) => {
        const guid = clean(item.guid?.value);
        const link =
          resolve(clean(item.link), base) ??
          (guid && item.guid?.isPermaLink !== false ? httpUrl(guid, base) : null);
        return finish({
          id: guid,
          title: titleText(item.title),
          summary: htmlToText(item.description ?? ''),
          contentHtml: nonEmpty(item.content?.encoded),
          url: link,
          date: item.pubDate ?? first(item.dc?.dates) ?? null,
          author: clean(item.authors?.[0]?.name) || first(item.dc?.creators),
          lang: first(item.dc?.languages) || lang,
        });
      });
      return { format: 'rss', title: titleText(feed.title), lang, items };
    }
    case 'rdf': {
      const feed = parsed.feed;
      const lang = first(feed.dc?.languages) || null;
      const items = (feed.items ?? []).map((item) =>
        finish({
          id: clean(item.rdf?.about),
          title: titleText(item.title),
          summary: htmlToText(item.description ?? ''),
          contentHtml: nonEmpty(item.content?.encoded),
          url: resolve(clean(item.link), base),
          date: first(item.dc?.dates) ?? null,
          author: first(item.dc?.creators),
          lang: first(item.dc?.languages) || lang,
        }),
      );
      return { format: 'rdf', title: titleText(feed.title), lang, items };
    }
    case 'atom': {
      const feed = parsed.feed;
      const lang = clean(feed.xml?.lang) || null;
      const feedBase = resolve(clean(feed.xml?.base), base) ?? base;
      const items = (feed.entries ?? []).map((entry) => {
        const entryBase = resolve(clean(entry.xml?.base), feedBase) ?? feedBase;
        const links = entry.links ?? [];
        const alternate =
          links.find((l) => (l.rel ?? 'alternate') === 'alternate' && l.href) ?? links[0];
        const content = entry.content;
        return finish({
          id: clean(entry.id),
          title: atomText(entry.title),
          summary: atomText(entry.summary),
          contentHtml:
            content?.src || !content?.value
              ? null
              : /html/i.test(content.type ?? '')
                ? nonEmpty(content.value)
                : textToHtml(content.value),
          url: resolve(clean(alternate?.href), entryBase),
          date: entry.published ?? entry.updated ?? null,
          author: clean(entry.authors?.[0]?.name) || first(entry.dc?.creators),
          lang: clean(entry.xml?.lang) || lang,
        });
      });
      return { format: 'atom', title: atomText(feed.title), lang, items };
    }
    case 'json': {
      const feed = parsed.feed;
      const lang = clean(feed.language) || null;
      const items = (feed.items ?? []).map((item) =>
        finish({
          id: clean(item.id),
          title: titleText(item.title),
          summary: htmlToText(item.summary ?? ''),
          contentHtml:
            nonEmpty(item.content_html) ??
            (item.content_text ? textToHtml(item.content_text) : null),
          url: resolve(clean(item.url), base) ?? resolve(clean(item.external_url), base),
          date: item.date_published ?? item.date_modified ?? null,
          author: clean(item.authors?.[0]?.name) || clean(feed.authors?.[0]?.name),
          lang: clean(item.language) || lang,
        }),
      );
      return { format: 'json', title: titleText(feed.title), lang, items };
    }
  }
}

function feedFailure(text: string, e: unknown): string {
  if (e instanceof MalformedError) {
    const cause = e.cause instanceof Error ? e.cause.message : '';
    return cause ? `invalid XML (${cause})` : 'invalid XML';
  }
  if (e instanceof DetectError) {
    const start = text.trimStart();
    if (start === '') return 'the body is empty';
    if (start.startsWith('{') || start.startsWith('[')) {
      try {
        JSON.parse(start);
      } catch (err) {
        return `invalid JSON (${(err as Error).message})`;
      }
      return 'JSON, but not a JSON Feed (no version and items)';
    }
    if (/^(<!doctype html|<html)/i.test(start)) return 'an HTML page, not a feed';
    return 'not RSS, Atom or JSON Feed';
  }
  return (e as Error)?.message ?? String(e);
}

interface RawItem {
  id: string;
  title: string;
  summary: string;
  contentHtml: string | null;
  url: string | null;
  date: string | null;
  author: string | undefined;
  lang: string | null;
}

function finish(raw: RawItem): FeedItem {
  const published = isoDate(raw.date);
  const key =
    raw.id ||
    raw.url ||
    'h:' +
      createHash('sha256')
        .update(`${raw.title}\n${published ?? raw.date ?? ''}`)
        .digest('hex')
        .slice(0, 32);
  const item: FeedItem = {
    key,
    title: raw.title,
    summary: raw.summary,
    contentHtml: raw.contentHtml,
    url: raw.url,
    published,
    lang: raw.lang,
  };
  if (raw.author) item.author = raw.author;
  return item;
}

function clean(value: string | number | undefined | null): string {
  return value === undefined || value === null ? '' : String(value).trim();
}

function first(values: readonly (string | undefined)[] | undefined): string | undefined {
  for (const v of values ?? []) if (clean(v)) return clean(v);
  return undefined;
}

function nonEmpty(html: string | undefined): string | null {
  return html && html.trim() ? html : null;
}

/** An absolute http(s) URL, or null (a `javascript:` or `mailto:` link is no page). */
function resolve(href: string, base: string | null): string | null {
  if (!href) return null;
  try {
    const url = base ? new URL(href, base) : new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function httpUrl(value: string, base: string | null): string | null {
  return /^https?:\/\//i.test(value) ? resolve(value, base) : null;
}

function atomText(text: { value?: string; type?: string } | undefined): string {
  if (!text?.value) return '';
  return /html/i.test(text.type ?? '') ? oneLine(htmlToText(text.value)) : titleText(text.value);
}

/** A title as one line of plain text; markup some feeds put in titles is dropped. */
function titleText(value: string | undefined): string {
  const v = value ?? '';
  return oneLine(/<\/?[a-z][^>]*>|&[a-z#0-9]+;/i.test(v) ? htmlToText(v) : v);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const NOT_TEXT = 'script, style, noscript, template, iframe, object, embed, svg, form';

/** HTML to plain text with its line structure: one line per block, blank lines dropped. */
export function htmlToText(html: string): string {
  if (!html.trim()) return '';
  if (!/[<&]/.test(html)) return tidyLines(html);
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const el of [...document.querySelectorAll(NOT_TEXT)]) el.remove();
  return tidyLines(blockText(document.body?.innerHTML ?? ''));
}

function tidyLines(text: string): string {
  return text
    .split(/\r?\n|\r/)
    .map((l) => l.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

function textToHtml(text: string): string | null {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const lines = escaped.split(/\r?\n/).filter((l) => l.trim());
  return lines.length ? lines.map((l) => `<p>${l}</p>`).join('') : null;
}

/** Offsets of the time zone names feeds use instead of numbers, in minutes. */
const ZONES: Record<string, number> = {
  Z: 0,
  UT: 0,
  UTC: 0,
  GMT: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  BST: 60,
  CET: 60,
  CEST: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  ICT: 420,
  WIB: 420,
  HKT: 480,
  JST: 540,
  KST: 540,
  AEST: 600,
  AEDT: 660,
};

const ISO =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * A feed's date (RFC 822 in RSS, RFC 3339 in Atom and JSON Feed, and what feeds write
 * instead) as ISO 8601 in the offset it was written in, so its first ten characters are the
 * publisher's day: `Mon, 05 Oct 2020 01:00:00 +0700` → `2020-10-05T01:00:00+07:00`. A day
 * alone stays a day; a time without a zone is taken as UTC; what cannot be read is null.
 */
export function isoDate(raw: string | null | undefined): string | null {
  const text = clean(raw);
  if (!text) return null;
  const iso = ISO.exec(text);
  if (iso) {
    const [, day, time, zone] = iso;
    if (!time) return Number.isNaN(Date.parse(day)) ? null : day;
    const offset = zone ? zoneMinutes(zone) : 0;
    const ms = Date.parse(`${day}T${time.replace(',', '.')}Z`) - offset * 60_000;
    return Number.isNaN(ms) ? null : withOffset(ms, offset);
  }
  // RFC 822 and its relatives: find the zone ourselves, so that a zone-less date is UTC on
  // every machine and a named zone Date.parse does not know still counts.
  const m = /\s([+-]\d{4}|[+-]\d{2}:\d{2}|[A-Z]{1,5})$/i.exec(text);
  let offset = 0;
  let rest = text;
  if (m) {
    const token = m[1];
    const known = /^[+-]/.test(token) ? zoneMinutes(token) : ZONES[token.toUpperCase()];
    if (known !== undefined || !/^(AM|PM)$/i.test(token)) {
      offset = known ?? 0;
      rest = text.slice(0, m.index);
    }
  }
  const ms = Date.parse(`${rest} GMT`) - offset * 60_000;
  return Number.isNaN(ms) ? null : withOffset(ms, offset);
}

function zoneMinutes(zone: string): number {
  if (/^z$/i.test(zone)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

function withOffset(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().replace(/\.000Z$/, 'Z');
  if (offsetMinutes === 0) return local;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local.slice(0, -1)}${sign}${hh}:${mm}`;
}
