/**
 * One catalogue of the errors Babelwire reports. Each has a stable code, so the CLI (and later
 * the HTTP layer) can map it in one place, and a message template.
 */
export const ERRORS = {
  E_READ: 'cannot read file: {0}',
  E_UTF8: 'invalid UTF-8 (byte offset {0})',
  E_BINARY: 'binary content, not text',
  E_JSON: 'malformed JSON: {0}',
  E_NOT_OBJECT: 'a line must be a JSON object',
  E_FIELD: 'field "{0}" must be {1}',
  E_EMPTY: 'empty article: no title and no text',
  E_TOO_LARGE: 'article is {0} bytes, above the {1}-byte limit',
  E_FORMAT: 'unsupported file type "{0}" (use .jsonl, .json, .txt, .html)',
  E_HTML: 'no main text found in the HTML',
  E_NOT_FOUND: 'no such {0}: {1}',
  E_USAGE: '{0}',
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
  line: number;
  code: ErrorCode;
  reason: string;
}

export function rejection(file: string, line: number, err: BabelwireError): Rejection {
  return { file, line, code: err.code, reason: err.message };
}

export function formatRejection(r: Rejection): string {
  return `${r.file}:${r.line}: ${r.reason} [${r.code}]`;
}
