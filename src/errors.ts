/**
 * One catalogue of the errors Babelwire reports. Each has a stable code, so the CLI (and later
 * the HTTP layer) can map it in one place, and a message template.
 */
export const ERRORS = {
  E_READ: 'cannot read file: {0}',
  E_UTF8: 'invalid UTF-8 (byte offset {0})',
  E_BINARY: 'binary content, not text',
  E_JSON: 'malformed JSON: {0}',
  E_NOT_OBJECT: 'an article must be a JSON object',
  E_FIELD: 'field "{0}" must be {1}',
  E_EMPTY: 'empty article: no title and no text',
  E_EMPTY_FILE: 'no articles: {0}',
  E_TOO_LARGE: 'article is {0} MB, over the {1} MB limit',
  E_FORMAT: 'unsupported file type "{0}" (use .jsonl, .json, .txt, .html)',
  E_HTML: 'no main text found in the HTML',
  E_NOT_FOUND: 'no such {0}: {1}',
  E_USAGE: '{0}',
  E_NO_DB: '{0} touches no store; --db is not used{1}',
  E_STAGE: 'pipeline stage failed: {0}',
  E_NO_STORE: 'no store at {0}: run "babelwire ingest PATH…" or "babelwire demo" first',
  E_STORE_OPEN: 'cannot open the store {0}: {1}',
  E_STORE_UNREACHABLE: 'cannot reach PostgreSQL at {0} ({1}); is the server running?',
  E_STORE_NEWER:
    'the store {0} has schema {1}, newer than the {2} this Babelwire reads: upgrade Babelwire (a store is never downgraded)',
  E_STORE_CHECK: 'the store {0} has {1} problem(s)',
  E_BACKUP_PG:
    '{0} is a PostgreSQL store: back it up with pg_dump and restore with pg_restore (see README)',
  E_INTERRUPTED: 'interrupted by {0}',
  E_PACK_IMPORT: 'cannot import {0} as {1}: {2}',
  E_STORE_BUSY:
    'the store {0} is being written by another process ({1}): one writer at a time; wait for it to finish or stop it',
  E_STORE_WRITE: 'cannot write {0}: {1}',
  E_CHOICE: 'unknown {0} "{1}" (use {2})',
  E_SAME_FILE: '{0} is the store itself: back it up to another file',
  E_FEED: 'malformed feed: {0}',
  E_FETCH: 'cannot fetch {0}: {1}',
  E_HTTP: '{0} answered HTTP {1}',
  E_ENCODING: 'cannot decode {0}: {1}',
  E_ROUTE: 'no route {0} {1}',
  E_VALIDATION: 'invalid request: {0}',
  E_BODY_TOO_LARGE: 'the request body is over the {0} limit',
  E_MEDIA_TYPE: 'unsupported content type {0} (use application/json or application/x-ndjson)',
  E_CURSOR: 'invalid cursor: pass the "next" value of an earlier page as it was',
  E_AUTH: '{0}',
  E_FORBIDDEN: 'this needs a {0} token',
  E_RATE_LIMIT: 'rate limit reached: {0}',
  E_INTERNAL: 'internal error ({0}); the server logged it',
  E_HOST:
    'listening on {0} needs API tokens: create one with "babelwire tokens create --role admin" first',
} as const;

export type ErrorCode = keyof typeof ERRORS;

export class BabelwireError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, ...args: (string | number)[]) {
    super(ERRORS[code].replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)] ?? '')));
    this.code = code;
    this.name = 'BabelwireError';
  }
}

/** A rejected input: the reason, and exactly where it was. */
export interface Rejection {
  file: string;
  /**
   * Where in the file: the line (JSON Lines; 1 for the one article of a .txt or .html file),
   * the item of a JSON array, counted from 1 (a `.json` file: see `rejectionPlace`), or 0 for
   * the file as a whole. Stored as is (the store's `line` column).
   */
  line: number;
  code: ErrorCode;
  reason: string;
}

/**
 * The exit status of a command that failed with this error: 1 for a failed command, 130/143
 * for a signal (as shells report them). The HTTP layer maps the same codes to statuses here too.
 */
export const EXIT_FAILED = 1;
export const EXIT_REJECTED = 2;

export function exitStatus(code: ErrorCode | undefined): number {
  if (code === 'E_INTERRUPTED') return 130;
  return EXIT_FAILED;
}

/** The HTTP status an error answers with (used by the coming server). */
export function httpStatus(code: ErrorCode | undefined): number {
  switch (code) {
    case 'E_NOT_FOUND':
    case 'E_NO_STORE':
      return 404;
    case 'E_USAGE':
    case 'E_NO_DB':
    case 'E_FIELD':
    case 'E_JSON':
    case 'E_NOT_OBJECT':
    case 'E_EMPTY':
    case 'E_EMPTY_FILE':
    case 'E_FORMAT':
    case 'E_UTF8':
    case 'E_BINARY':
    case 'E_HTML':
    case 'E_CHOICE':
    case 'E_SAME_FILE':
    case 'E_VALIDATION':
    case 'E_CURSOR':
      return 400;
    case 'E_AUTH':
      return 401;
    case 'E_FORBIDDEN':
      return 403;
    case 'E_ROUTE':
      return 404;
    case 'E_MEDIA_TYPE':
      return 415;
    case 'E_RATE_LIMIT':
      return 429;
    case 'E_BODY_TOO_LARGE':
      return 413;
    case 'E_TOO_LARGE':
      return 413;
    case 'E_STORE_UNREACHABLE':
    case 'E_STORE_BUSY':
      return 503;
    case 'E_FEED':
    case 'E_FETCH':
    case 'E_HTTP':
    case 'E_ENCODING':
      return 502;
    default:
      return 500;
  }
}

export function rejection(file: string, line: number, err: BabelwireError): Rejection {
  return { file, line, code: err.code, reason: err.message };
}

/**
 * What a rejection's `line` means: a line, or (in a `.json` file, an array of articles) an
 * item; neither when it is about the whole file (0).
 */
export function rejectionPlace(r: Pick<Rejection, 'file' | 'line'>): {
  line: number | null;
  item: number | null;
} {
  if (r.line <= 0) return { line: null, item: null };
  return /\.json$/i.test(r.file) ? { line: null, item: r.line } : { line: r.line, item: null };
}

/** `a.jsonl:3: reason [CODE]`, `arr.json: item 3: reason [CODE]`, `a.txt: reason [CODE]`. */
export function formatRejection(r: Rejection): string {
  const { line, item } = rejectionPlace(r);
  const where = line !== null ? `:${line}` : item !== null ? `: item ${item}` : '';
  return `${r.file}${where}: ${r.reason} [${r.code}]`;
}
