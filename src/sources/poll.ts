import { createHash } from 'node:crypto';
import { BabelwireError, type ErrorCode } from '../errors.ts';
import { articleFromRecord } from '../ingest/readers.ts';
import type { ArticleInput } from '../types.ts';
import { htmlToText, parseFeedBody, type FeedItem } from './feed.ts';
import { FEED_ACCEPT, PAGE_ACCEPT, fetchText, type FetchOptions } from './fetch.ts';
import { extractPage } from './page.ts';
import type { SourceState } from './types.ts';

/**
 * Polling: read a source's feed (conditionally), find the items not taken in before, fetch the
 * page of each that the feed gives only a title or summary for, and hand back article inputs
 * with the source's updated state. Nothing here touches the store: the caller says which item
 * keys it already has (`deps.seen`) and stores what comes back.
 */

/** A source is read every 10 minutes unless told otherwise. */
export const DEFAULT_EVERY_SECONDS = 600;
/** A failing source is retried at most this far apart. */
export const MAX_BACKOFF_SECONDS = 86_400;
/** New items taken in per poll; the rest wait for the next round, oldest first. */
export const DEFAULT_MAX_NEW_ITEMS = 100;

export interface PollDeps {
  /** Which of these item keys of the source were already taken in. */
  seen(keys: readonly string[]): Promise<Set<string>>;
  /** The clock (tests). */
  now?: () => Date;
  /** Per request, feed and each page (default 15 s). */
  timeoutMs?: number;
  /** Per body (default 10 MB). */
  maxBytes?: number;
  userAgent?: string;
  fetch?: FetchOptions['fetch'];
  /** Fetch item pages when the feed has no full text (default true). */
  fetchPages?: boolean;
  /** Item pages fetched at once per source (default 4). */
  pageConcurrency?: number;
  /** New items taken in per poll (default 100). */
  maxNewItems?: number;
}

export interface PollResult {
  /** The updated copy of the source (the input is not changed). */
  source: SourceState;
  /** New articles, oldest first, `source` = the source's name. */
  items: ArticleInput[];
  /**
   * The keys of every new item handled this round: those in `items` and those that gave no
   * article (noted in `notes`). Record them all as taken in; an item beyond `maxNewItems`
   * is not listed and comes back next round.
   */
  itemKeys: string[];
  status: 'ok' | 'not-modified' | 'failed';
  /** The failure's code when `status` is `failed` (null for an unexpected error). */
  errorCode: ErrorCode | null;
  /** Item-level problems that did not fail the poll (a page not read, an item left out). */
  notes: string[];
}

/** The article id of a source's item: `src-3:` and a hash of the item's key. */
export function itemId(sourceId: string, key: string): string {
  return `${sourceId}:${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
}

/** Seconds until the next try after `failures` failures in a row (never below the schedule). */
export function backoffSeconds(everySeconds: number, failures: number): number {
  if (failures <= 0) return everySeconds;
  return Math.max(everySeconds, Math.min(everySeconds * 2 ** failures, MAX_BACKOFF_SECONDS));
}

export function isDue(source: SourceState, now: Date = new Date()): boolean {
  return source.nextDue === null || Date.parse(source.nextDue) <= now.getTime();
}

/** Seconds since the source was last read successfully (null if never). */
export function lagSeconds(source: SourceState, now: Date = new Date()): number | null {
  return source.lastOk === null
    ? null
    : Math.max(0, Math.round((now.getTime() - Date.parse(source.lastOk)) / 1000));
}

/** A new source, due at once. The URL must be http(s) (E_USAGE); the name defaults to its host. */
export function newSource(init: {
  id: string;
  url: string;
  name?: string;
  everySeconds?: number;
  now?: Date;
}): SourceState {
  let url: URL;
  try {
    url = new URL(init.url);
  } catch {
    throw new BabelwireError('E_USAGE', `not a URL: ${init.url}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new BabelwireError('E_USAGE', `a source must be an http or https URL: ${init.url}`);
  }
  const every = init.everySeconds ?? DEFAULT_EVERY_SECONDS;
  if (!Number.isSafeInteger(every) || every <= 0) {
    throw new BabelwireError(
      'E_USAGE',
      `the polling interval must be a positive number of seconds`,
    );
  }
  return {
    id: init.id,
    url: url.href,
    name: init.name?.trim() || url.host,
    everySeconds: every,
    etag: null,
    lastModified: null,
    lastFetch: null,
    lastOk: null,
    nextDue: null,
    failures: 0,
    lastError: null,
    itemsSeen: 0,
    itemsStored: 0,
    errors: 0,
    createdAt: (init.now ?? new Date()).toISOString(),
  };
}

/** Reads one source. Never throws: a failure comes back in the state, with its reason. */
export async function pollSource(source: SourceState, deps: PollDeps): Promise<PollResult> {
  const now = (deps.now ?? (() => new Date()))();
  const at = now.toISOString();
  const fetchOptions: FetchOptions = {
    timeoutMs: deps.timeoutMs,
    maxBytes: deps.maxBytes,
    userAgent: deps.userAgent,
    fetch: deps.fetch,
  };
  const notes: string[] = [];
  try {
    const res = await fetchText(source.url, {
      ...fetchOptions,
      accept: FEED_ACCEPT,
      etag: source.etag,
      lastModified: source.lastModified,
    });
    const ok = (patch: Partial<SourceState>): SourceState => ({
      ...source,
      lastFetch: at,
      lastOk: at,
      nextDue: new Date(now.getTime() + source.everySeconds * 1000).toISOString(),
      failures: 0,
      lastError: null,
      ...patch,
    });
    if (res.notModified) {
      return {
        source: ok({
          etag: res.etag ?? source.etag,
          lastModified: res.lastModified ?? source.lastModified,
        }),
        items: [],
        itemKeys: [],
        status: 'not-modified',
        errorCode: null,
        notes,
      };
    }
    const feed = parseFeedBody(res.body, { baseUrl: res.url });
    const positions = new Map<string, number>();
    const unique: FeedItem[] = [];
    feed.items.forEach((item, i) => {
      if (positions.has(item.key)) return;
      positions.set(item.key, i + 1);
      unique.push(item);
    });
    const seen = unique.length ? await deps.seen(unique.map((i) => i.key)) : new Set<string>();
    const fresh = oldestFirst(unique.filter((i) => !seen.has(i.key))).slice(
      0,
      deps.maxNewItems ?? DEFAULT_MAX_NEW_ITEMS,
    );
    const built = await mapPool(fresh, deps.pageConcurrency ?? 4, (item) =>
      toArticle(source, item, positions.get(item.key) ?? 0, deps, fetchOptions, notes),
    );
    const items = built.filter((a): a is ArticleInput => a !== null);
    return {
      source: ok({
        etag: res.etag,
        lastModified: res.lastModified,
        itemsSeen: source.itemsSeen + fresh.length,
        itemsStored: source.itemsStored + items.length,
      }),
      items,
      itemKeys: fresh.map((i) => i.key),
      status: 'ok',
      errorCode: null,
      notes,
    };
  } catch (e) {
    const failures = source.failures + 1;
    return {
      source: {
        ...source,
        lastFetch: at,
        failures,
        errors: source.errors + 1,
        lastError: e instanceof BabelwireError ? e.message : `unexpected error: ${String(e)}`,
        nextDue: new Date(
          now.getTime() + backoffSeconds(source.everySeconds, failures) * 1000,
        ).toISOString(),
      },
      items: [],
      itemKeys: [],
      status: 'failed',
      errorCode: e instanceof BabelwireError ? e.code : null,
      notes,
    };
  }
}

export interface PollDueOptions {
  /** Sources read at once (default 4). */
  concurrency?: number;
  /** Called as each source finishes, so one slow source never holds back the others' items. */
  onResult?: (result: PollResult) => void | Promise<void>;
}

/**
 * Polls the sources that are due, `concurrency` at a time; results in the order of `sources`.
 * A source that fails or hangs (up to its timeout) holds up only its own slot. An error thrown
 * by `onResult` is rethrown once every source has been read.
 */
export async function pollDue(
  sources: readonly SourceState[],
  deps: PollDeps,
  options: PollDueOptions = {},
): Promise<PollResult[]> {
  const now = (deps.now ?? (() => new Date()))();
  const due = sources.filter((s) => isDue(s, now));
  let callbackError: unknown = null;
  const results = await mapPool(due, options.concurrency ?? 4, async (source) => {
    const result = await pollSource(source, deps);
    if (options.onResult) {
      try {
        await options.onResult(result);
      } catch (e) {
        callbackError ??= e;
      }
    }
    return result;
  });
  if (callbackError !== null) throw callbackError;
  return results;
}

/** Dated items by time, then undated ones; feeds list newest first, so those are reversed. */
function oldestFirst(items: FeedItem[]): FeedItem[] {
  const time = (i: FeedItem) => (i.published ? Date.parse(i.published) : Infinity);
  return [...items].reverse().sort((a, b) => {
    const d = time(a) - time(b);
    return Number.isNaN(d) ? 0 : d;
  });
}

async function toArticle(
  source: SourceState,
  item: FeedItem,
  position: number,
  deps: PollDeps,
  fetchOptions: FetchOptions,
  notes: string[],
): Promise<ArticleInput | null> {
  const content = item.contentHtml ? htmlToText(item.contentHtml) : '';
  let text = content;
  let title = item.title;
  let published = item.published;
  // A feed's `content` that only repeats the summary is no full text either.
  if (!content || content === item.summary) {
    text = item.summary || content;
    if (item.url && deps.fetchPages !== false) {
      const fallback = item.summary
        ? "the feed's summary is stored instead"
        : 'stored without text';
      try {
        const res = await fetchText(item.url, { ...fetchOptions, accept: PAGE_ACCEPT });
        if (res.notModified) throw new BabelwireError('E_HTTP', item.url, '304');
        if (res.contentType && !/html|xml/i.test(res.contentType)) {
          throw new BabelwireError('E_FETCH', item.url, `not an HTML page (${res.contentType})`);
        }
        const page = extractPage(res.body);
        if (!page.text) throw new BabelwireError('E_HTML');
        if (page.text.length >= text.length) text = page.text;
        else notes.push(`${item.url}: the page's text is shorter than the summary; ${fallback}`);
        title ||= page.title;
        published ??= page.published;
      } catch (e) {
        const reason = e instanceof BabelwireError ? e.message : String(e);
        notes.push(`${item.url}: page not read (${reason}); ${fallback}`);
      }
    }
  }
  try {
    return articleFromRecord(
      {
        id: itemId(source.id, item.key),
        title,
        text,
        lang: item.lang,
        published,
        url: item.url,
        source: source.name,
      },
      source.url,
      position,
    );
  } catch (e) {
    if (!(e instanceof BabelwireError)) throw e;
    notes.push(`${item.url ?? item.key}: left out (${e.message})`);
    return null;
  }
}

/** `fn` over `items`, at most `limit` at a time; results in input order. */
async function mapPool<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  return out;
}
