import { BabelwireError } from '../errors.ts';
import type { EventCursor } from '../store/index.ts';

/**
 * Page cursors: where the last page ended, opaque to clients (base64url JSON). A cursor names
 * a position, not a page number, so paging never skips or repeats an event that is not
 * changing, and there is no cap on how far a client may page.
 */

export function encodeCursor(c: EventCursor, sort: string): string {
  return Buffer.from(JSON.stringify({ k: c.key, s: c.seq, o: sort })).toString('base64url');
}

export function decodeCursor(value: string, sort: string): EventCursor {
  try {
    const raw = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as {
      k?: unknown;
      s?: unknown;
      o?: unknown;
    };
    const keyOk = typeof raw.k === 'string' || typeof raw.k === 'number';
    if (keyOk && Number.isSafeInteger(raw.s) && raw.o === sort) {
      return { key: raw.k as string | number, seq: raw.s as number };
    }
  } catch {
    // falls through to the error
  }
  throw new BabelwireError('E_CURSOR');
}
