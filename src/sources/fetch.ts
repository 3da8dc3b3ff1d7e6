import { VERSION } from '../config.ts';
import { BabelwireError } from '../errors.ts';

/**
 * One HTTP GET of a feed or a page with Node's own fetch: conditional (ETag, Last-Modified),
 * bounded in time and size, and decoded by the charset the response declares. Every failure
 * is a BabelwireError naming the address and the reason (E_FETCH, E_HTTP, E_ENCODING).
 */

export const DEFAULT_TIMEOUT_MS = 15_000;
/** No feed or article page is this large; a larger body is refused, not read on. */
export const DEFAULT_MAX_BYTES = 10_000_000;

export const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, application/json;q=0.7, */*;q=0.5';
export const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

export interface FetchOptions {
  /** The whole exchange, headers and body, in milliseconds (default 15 s). */
  timeoutMs?: number;
  /** Largest body read, in bytes (default 10 MB). */
  maxBytes?: number;
  /** Sent back as `If-None-Match` / `If-Modified-Since`. */
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
  /** Default `Babelwire/<version>`. */
  userAgent?: string;
  /** A stand-in for the global `fetch` (tests, proxies). */
  fetch?: typeof globalThis.fetch;
}

interface Validators {
  /** The address answered from, after redirects. */
  url: string;
  etag: string | null;
  lastModified: string | null;
}

export type FetchResult =
  | (Validators & { notModified: true; status: 304 })
  | (Validators & {
      notModified: false;
      status: number;
      body: string;
      contentType: string | null;
      /** The encoding the body was decoded from (WHATWG name: `utf-8`, `windows-1251`). */
      charset: string;
    });

/** `Babelwire/<version>`. */
export function userAgent(): string {
  return `Babelwire/${VERSION}`;
}

export async function fetchText(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new BabelwireError('E_FETCH', url, 'not a URL');
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    throw new BabelwireError(
      'E_FETCH',
      url,
      `only http and https are read, not ${target.protocol}`,
    );
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const headers: Record<string, string> = {
    'user-agent': options.userAgent ?? userAgent(),
    accept: options.accept ?? '*/*',
  };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  const signal = AbortSignal.timeout(timeoutMs);
  let res: Response;
  try {
    res = await (options.fetch ?? globalThis.fetch)(target, {
      headers,
      signal,
      redirect: 'follow',
    });
  } catch (e) {
    throw networkError(url, e, timeoutMs);
  }
  const validators: Validators = {
    url: res.url || target.href,
    etag: res.headers.get('etag'),
    lastModified: res.headers.get('last-modified'),
  };
  if (res.status === 304) {
    await discard(res);
    return { ...validators, notModified: true, status: 304 };
  }
  if (res.status < 200 || res.status > 299) {
    await discard(res);
    throw new BabelwireError(
      'E_HTTP',
      url,
      `${res.status}${res.statusText ? ' ' + res.statusText : ''}`,
    );
  }
  const bytes = await readBody(res, url, maxBytes, timeoutMs);
  const contentType = res.headers.get('content-type');
  const { text, charset } = decodeBody(bytes, contentType, url);
  return {
    ...validators,
    notModified: false,
    status: res.status,
    body: text,
    contentType,
    charset,
  };
}

async function discard(res: Response): Promise<void> {
  try {
    await res.body?.cancel();
  } catch {
    // The connection is going away anyway.
  }
}

function networkError(url: string, e: unknown, timeoutMs: number): BabelwireError {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') {
    return new BabelwireError('E_FETCH', url, `no answer within ${timeoutMs} ms`);
  }
  const cause = err?.cause;
  const reason = cause?.message || cause?.code || err?.message || String(e);
  return new BabelwireError('E_FETCH', url, reason);
}

async function readBody(
  res: Response,
  url: string,
  maxBytes: number,
  timeoutMs: number,
): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await discard(res);
    throw new BabelwireError(
      'E_FETCH',
      url,
      `the body is ${declared} bytes, over the ${maxBytes}-byte limit`,
    );
  }
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new BabelwireError('E_FETCH', url, `the body is over the ${maxBytes}-byte limit`);
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof BabelwireError) throw e;
    throw networkError(url, e, timeoutMs);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * The encoding of a body: a byte-order mark, else the Content-Type charset, else the XML
 * declaration, else an HTML `<meta charset>` (or its http-equiv form), else UTF-8.
 */
export function sniffCharset(bytes: Uint8Array, contentType: string | null): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  const header = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  if (header) return header[1].toLowerCase();
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const xml = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml) return xml[1].toLowerCase();
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (meta) return meta[1].toLowerCase();
  return 'utf-8';
}

/** Decodes a body strictly: an unknown charset or bytes invalid in it is E_ENCODING. */
export function decodeBody(
  bytes: Uint8Array,
  contentType: string | null,
  where: string,
): { text: string; charset: string } {
  const label = sniffCharset(bytes, contentType);
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    throw new BabelwireError('E_ENCODING', where, `unknown charset "${label}"`);
  }
  const charset = decoder.encoding;
  if (!charset.startsWith('utf-16') && bytes.subarray(0, 8192).includes(0)) {
    throw new BabelwireError('E_ENCODING', where, 'binary content, not text');
  }
  try {
    return { text: decoder.decode(bytes), charset };
  } catch {
    throw new BabelwireError(
      'E_ENCODING',
      where,
      `invalid ${charset} bytes at byte ${firstBadByte(bytes, charset)}`,
    );
  }
}

/**
 * The offset where the first character that does not decode starts: the longest prefix that
 * decodes as a stream (a binary search), less the start of a character left unfinished.
 */
function firstBadByte(bytes: Uint8Array, charset: string): number {
  let lo = 0;
  let hi = bytes.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    try {
      // `stream` lets a prefix end inside a character; only a real error throws.
      new TextDecoder(charset, { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  for (let back = 0; back < 4 && lo > 0; back++) {
    try {
      new TextDecoder(charset, { fatal: true }).decode(bytes.subarray(0, lo));
      break;
    } catch {
      lo--;
    }
  }
  return lo;
}
