import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { BabelwireError, rejection, type Rejection } from '../errors.ts';
import { isDateOnlyLine } from '../normalize/index.ts';
import type { ArticleInput } from '../types.ts';

/**
 * Readers turn files into article inputs: JSON Lines (one article per line), JSON arrays,
 * plain text (one article per file) and HTML (main text by Mozilla Readability). Each bad
 * record becomes a Rejection naming file, line (the item, in a JSON array) and reason; the
 * rest of the file goes on. A file with nothing in it is one rejection, whatever its format.
 */

/** No news article is this long; anything larger is a mistake (a dump, a binary, a log). */
export const MAX_ARTICLE_BYTES = 2_000_000;
const SUPPORTED = new Set(['.jsonl', '.ndjson', '.json', '.txt', '.html', '.htm']);

/**
 * An article over MAX_ARTICLE_BYTES, its size in MB to one decimal, or as many more as it takes
 * not to read as the limit itself (`2.004 MB, over the 2 MB limit`).
 */
function tooLarge(bytes: number): BabelwireError {
  const limit = MAX_ARTICLE_BYTES / 1e6;
  let digits = 1;
  while (digits < 6 && Number((bytes / 1e6).toFixed(digits)) <= limit) digits++;
  return new BabelwireError('E_TOO_LARGE', (bytes / 1e6).toFixed(digits), limit);
}

/** A file that holds no article at all: blank, or an empty JSON array. */
function emptyFile(file: string, what = 'the file is empty'): Rejection {
  return rejection(file, 0, new BabelwireError('E_EMPTY_FILE', what));
}

export interface FileBatch {
  file: string;
  articles: ArticleInput[];
  rejections: Rejection[];
}

/** Expands files and folders (recursively, in name order) into the files to read. */
export function expandPaths(paths: readonly string[]): {
  files: string[];
  rejections: Rejection[];
} {
  const files: string[] = [];
  const rejections: Rejection[] = [];
  const visit = (p: string, explicit: boolean) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (e) {
      rejections.push(rejection(p, 0, new BabelwireError('E_READ', (e as Error).message)));
      return;
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) {
        if (!name.startsWith('.')) visit(path.join(p, name), false);
      }
    } else if (SUPPORTED.has(path.extname(p).toLowerCase())) {
      files.push(p);
    } else if (explicit) {
      rejections.push(rejection(p, 0, new BabelwireError('E_FORMAT', path.extname(p) || p)));
    }
  };
  for (const p of paths) visit(p, true);
  return { files, rejections };
}

export function deriveId(title: string, text: string): string {
  return 'bw-' + createHash('sha256').update(`${title}\n${text}`).digest('hex').slice(0, 16);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decode(bytes: Uint8Array): string {
  if (bytes.subarray(0, 8192).includes(0)) throw new BabelwireError('E_BINARY');
  try {
    return utf8.decode(bytes);
  } catch {
    // Find the first offending byte so the message can point at it.
    let lo = 0;
    let hi = bytes.length;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      try {
        // A decoder of its own: `stream` leaves a partial character behind in the decoder,
        // which the shared one would carry into the next line (and reject a good line).
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
        lo = mid;
      } catch {
        hi = mid;
      }
    }
    throw new BabelwireError('E_UTF8', lo);
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

function optionalString(obj: Record<string, unknown>, key: string): string | null {
  const v = obj[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw new BabelwireError('E_FIELD', key, 'a string or null');
  return v;
}

/**
 * Validates one JSON record into an article input. Unknown fields (even `event`) are ignored.
 * `line` is where it came from: the line, or the item of a JSON array (see `rejectionPlace`).
 */
export function articleFromRecord(value: unknown, file: string, line: number): ArticleInput {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BabelwireError('E_NOT_OBJECT');
  }
  const obj = value as Record<string, unknown>;
  const title = optionalString(obj, 'title') ?? '';
  const text = optionalString(obj, 'text') ?? '';
  if (title.trim() === '' && text.trim() === '') throw new BabelwireError('E_EMPTY');
  const size = Buffer.byteLength(title) + Buffer.byteLength(text);
  if (size > MAX_ARTICLE_BYTES) throw tooLarge(size);
  let id: string | null = null;
  if (typeof obj.id === 'string' && obj.id.trim() !== '') id = obj.id.trim();
  else if (typeof obj.id === 'number' && Number.isFinite(obj.id)) id = String(obj.id);
  else if (obj.id !== undefined && obj.id !== null && obj.id !== '') {
    throw new BabelwireError('E_FIELD', 'id', 'a string or number');
  }
  const published = optionalString(obj, 'published');
  if (published !== null && (!DATE.test(published.trim()) || Number.isNaN(Date.parse(published)))) {
    throw new BabelwireError('E_FIELD', 'published', 'a date like 2020-10-05');
  }
  return {
    id: id ?? deriveId(title, text),
    idDerived: id === null,
    title,
    text,
    lang: optionalString(obj, 'lang'),
    published: published ? published.trim().slice(0, 10) : null,
    url: optionalString(obj, 'url'),
    source: optionalString(obj, 'source'),
    origin: { file, line },
  };
}

function readJsonLines(file: string, bytes: Buffer, batch: FileBatch): void {
  let start = 0;
  let line = 0;
  let blank = true;
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    line++;
    const chunk = bytes.subarray(start, end);
    start = end + 1;
    try {
      const text = decode(chunk).trim();
      if (text === '') continue;
      blank = false;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (e) {
        throw new BabelwireError('E_JSON', (e as Error).message);
      }
      batch.articles.push(articleFromRecord(value, file, line));
    } catch (e) {
      if (!(e instanceof BabelwireError)) throw e;
      blank = false;
      batch.rejections.push(rejection(file, line, e));
    }
  }
  if (blank) batch.rejections.push(emptyFile(file));
}

/** A JSON array of articles (or one article): a rejection names the item, counted from 1. */
function readJsonArray(file: string, text: string, batch: FileBatch): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    batch.rejections.push(rejection(file, 0, new BabelwireError('E_JSON', (e as Error).message)));
    return;
  }
  const items = Array.isArray(value) ? value : [value];
  if (items.length === 0) batch.rejections.push(emptyFile(file, 'the array is empty'));
  items.forEach((item, i) => {
    try {
      batch.articles.push(articleFromRecord(item, file, i + 1));
    } catch (e) {
      if (!(e instanceof BabelwireError)) throw e;
      batch.rejections.push(rejection(file, i + 1, e));
    }
  });
}

/**
 * Plain text: the title is the first line, after any crawl-date line. When the title runs
 * into the body on one long line (seen in scraped Chinese), a run of 3+ spaces ends it.
 */
export function splitTitle(content: string): { title: string; text: string } {
  const lines = content.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  const skipped: string[] = [];
  while (i < lines.length && (lines[i].trim() === '' || isDateOnlyLine(lines[i]))) {
    skipped.push(lines[i]);
    i++;
  }
  let title = (lines[i] ?? '').trim();
  let rest = lines.slice(i + 1).join('\n');
  const runIn = /\s{3,}/.exec(title);
  if (title.length > 200 && runIn && runIn.index > 0 && runIn.index < 150) {
    rest = title.slice(runIn.index).trim() + '\n' + rest;
    title = title.slice(0, runIn.index).trim();
  } else if (title.length > 300) {
    // A run-in title with no marker: keep the whole line as body, the first words as title.
    rest = title + '\n' + rest;
    title = title.slice(0, 120).replace(/\s+\S*$/, '') + '…';
  }
  const crawl = skipped.filter((l) => l.trim()).join('\n');
  return { title, text: (crawl ? crawl + '\n' : '') + rest };
}

function readText(file: string, text: string, batch: FileBatch): void {
  const { title, text: body } = splitTitle(text);
  pushWhole(file, { title, text: body }, batch);
}

function readHtml(file: string, html: string, batch: FileBatch): void {
  const { document } = parseHTML(html);
  const meta = (sel: string) => document.querySelector(sel)?.getAttribute('content') ?? null;
  const lang = document.documentElement?.getAttribute('lang') ?? null;
  const published =
    meta('meta[property="article:published_time"]') ??
    meta('meta[name="pubdate"]') ??
    meta('meta[name="date"]') ??
    meta('meta[itemprop="datePublished"]');
  const url =
    meta('meta[property="og:url"]') ??
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    null;
  // Readability's types name the DOM Document; linkedom's document implements what it uses.
  const parsed = new Readability(
    document as unknown as ConstructorParameters<typeof Readability>[0],
  ).parse();
  const text = blockText(parsed?.content ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
  if (!text) {
    batch.rejections.push(rejection(file, 1, new BabelwireError('E_HTML')));
    return;
  }
  const day =
    published && !Number.isNaN(Date.parse(published))
      ? new Date(published).toISOString().slice(0, 10)
      : null;
  pushWhole(file, { title: parsed?.title ?? '', text, lang, published: day, url }, batch);
}

/** Elements that end a line of text when rendered. */
const BLOCKS =
  'p, div, li, h1, h2, h3, h4, h5, h6, tr, blockquote, pre, section, article, figcaption, dd, dt';

/**
 * The text of extracted HTML with its line structure: `<br>` and the end of every paragraph
 * or block become line breaks (`FL<br>June` is two lines, not `FLJune`).
 */
export function blockText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const br of [...document.querySelectorAll('br')])
    br.replaceWith(document.createTextNode('\n'));
  for (const block of [...document.querySelectorAll(BLOCKS)]) {
    block.appendChild(document.createTextNode('\n'));
  }
  return document.body?.textContent ?? '';
}

function pushWhole(file: string, record: Record<string, unknown>, batch: FileBatch): void {
  try {
    batch.articles.push(articleFromRecord({ ...record, id: undefined }, file, 1));
  } catch (e) {
    if (!(e instanceof BabelwireError)) throw e;
    batch.rejections.push(rejection(file, 1, e));
  }
}

/** Reads one file into a batch of articles and rejections. Never throws for bad content. */
export function readFile(file: string): FileBatch {
  const batch: FileBatch = { file, articles: [], rejections: [] };
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    batch.rejections.push(rejection(file, 0, new BabelwireError('E_READ', (e as Error).message)));
    return batch;
  }
  const ext = path.extname(file).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') {
    readJsonLines(file, bytes, batch);
    return batch;
  }
  let text: string;
  try {
    text = decode(bytes);
  } catch (e) {
    if (!(e instanceof BabelwireError)) throw e;
    batch.rejections.push(rejection(file, 0, e));
    return batch;
  }
  if (text.trim() === '') batch.rejections.push(emptyFile(file));
  else if (ext === '.json') readJsonArray(file, text, batch);
  else if (ext === '.txt') readText(file, text, batch);
  else readHtml(file, text, batch);
  return batch;
}

/**
 * Dated articles in date order, then undated ones in input order (a stable sort): a file is
 * replayed as the news happened. Batch mode, `ingest` and `eval` all use this order.
 */
export function streamOrder<T extends { published: string | null }>(articles: readonly T[]): T[] {
  const dated = articles.filter((a) => a.published !== null);
  const undated = articles.filter((a) => a.published === null);
  dated.sort((a, b) => (a.published! < b.published! ? -1 : a.published! > b.published! ? 1 : 0));
  return [...dated, ...undated];
}

/** What a streaming read yields: an article, or a rejection naming where and why. */
export type ReadItem = ArticleInput | Rejection;

export function isRejection(item: ReadItem): item is Rejection {
  return 'reason' in item;
}

/** Where one valid line of a JSON Lines file is, and when it was published. */
interface LineEntry {
  offset: number;
  length: number;
  line: number;
  published: string | null;
}

/** Bytes read at a time while indexing a JSON Lines file. */
const READ_CHUNK = 1 << 20;

/**
 * The lines of a JSON Lines file, streamed: rejections for the bad ones, and an index of the
 * good ones (byte offset, length, line, publication date). Memory is the index, not the file.
 */
async function indexJsonLines(file: string, rejections: Rejection[]): Promise<LineEntry[]> {
  const entries: LineEntry[] = [];
  const handle = await fs.promises.open(file, 'r');
  try {
    let carry = Buffer.alloc(0);
    let carryOffset = 0;
    let position = 0;
    let line = 0;
    let blank = true;
    const buffer = Buffer.alloc(READ_CHUNK);
    const visit = (bytes: Buffer, offset: number) => {
      line++;
      try {
        const text = decode(bytes).trim();
        if (text === '') return;
        blank = false;
        const record = parseRecord(text);
        const article = articleFromRecord(record, file, line);
        entries.push({ offset, length: bytes.length, line, published: article.published });
      } catch (e) {
        if (!(e instanceof BabelwireError)) throw e;
        blank = false;
        rejections.push(rejection(file, line, e));
      }
    };
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, READ_CHUNK, position);
      if (bytesRead === 0) break;
      const data = carry.length
        ? Buffer.concat([carry, buffer.subarray(0, bytesRead)])
        : Buffer.from(buffer.subarray(0, bytesRead));
      const dataOffset = carry.length ? carryOffset : position;
      position += bytesRead;
      let start = 0;
      for (;;) {
        const end = data.indexOf(0x0a, start);
        if (end < 0) break;
        visit(data.subarray(start, end), dataOffset + start);
        start = end + 1;
      }
      carry = data.subarray(start);
      carryOffset = dataOffset + start;
      if (carry.length > MAX_ARTICLE_BYTES * 4) {
        // A "line" this long is no article; skip to its end without holding it.
        line++;
        blank = false;
        const rest = await skipLine(handle, position);
        rejections.push(rejection(file, line, tooLarge(rest - carryOffset)));
        position = rest;
        carry = Buffer.alloc(0);
        carryOffset = position;
      }
    }
    if (carry.length) visit(carry, carryOffset);
    if (blank) rejections.push(emptyFile(file));
  } finally {
    await handle.close();
  }
  return entries;
}

/** The position just after the next newline from `position` (or the end of the file). */
async function skipLine(handle: fs.promises.FileHandle, position: number): Promise<number> {
  const buffer = Buffer.alloc(READ_CHUNK);
  for (;;) {
    const { bytesRead } = await handle.read(buffer, 0, READ_CHUNK, position);
    if (bytesRead === 0) return position;
    const nl = buffer.subarray(0, bytesRead).indexOf(0x0a);
    if (nl >= 0) return position + nl + 1;
    position += bytesRead;
  }
}

function parseRecord(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new BabelwireError('E_JSON', (e as Error).message);
  }
}

/**
 * Reads one file as a stream in `streamOrder`: first its rejections, then its articles.
 * `onCount` hears how many articles the file holds, before the first is yielded.
 * A JSON Lines file is indexed in one pass and its articles read back by offset in date
 * order, so a file of any size is never held in memory whole; other formats hold one
 * article (or one JSON array) and are read whole.
 */
export async function* readOrdered(
  file: string,
  onCount?: (articles: number) => void,
): AsyncGenerator<ReadItem> {
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.jsonl' && ext !== '.ndjson') {
    const batch = readFile(file);
    onCount?.(batch.articles.length);
    yield* batch.rejections;
    yield* streamOrder(batch.articles);
    return;
  }
  const rejections: Rejection[] = [];
  let entries: LineEntry[];
  try {
    entries = await indexJsonLines(file, rejections);
  } catch (e) {
    yield rejection(file, 0, new BabelwireError('E_READ', (e as Error).message));
    return;
  }
  onCount?.(entries.length);
  yield* rejections;
  const handle = await fs.promises.open(file, 'r');
  try {
    for (const entry of streamOrder(entries)) {
      const bytes = Buffer.alloc(entry.length);
      await handle.read(bytes, 0, entry.length, entry.offset);
      let article: ArticleInput;
      try {
        article = articleFromRecord(parseRecord(decode(bytes).trim()), file, entry.line);
      } catch (e) {
        // The file changed between the two passes: that line is rejected, the rest goes on.
        if (!(e instanceof BabelwireError)) throw e;
        yield rejection(file, entry.line, e);
        continue;
      }
      yield article;
    }
  } finally {
    await handle.close();
  }
}
