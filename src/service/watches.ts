import { BabelwireError } from '../errors.ts';
import type { SearchDoc, StoredEvent, StoredWatch } from '../store/index.ts';
import { EVENT_TYPES } from '../facts/types.ts';

/**
 * Watches: standing queries over events. A watch matches an event when every criterion it
 * has holds: the query's tokens (stems, concept and anchor keys, as search analyses them)
 * are largely found in one of the event's new reports, the entity's name keys are among
 * them, and the country, type and language are the event's.
 */

export interface WatchInput {
  name?: string | null;
  query?: string | null;
  entity?: string | null;
  country?: string | null;
  type?: string | null;
  language?: string | null;
  webhook?: string | null;
}

/**
 * Share of a query's words a report must hold (each word in any of its forms: its stem, its
 * concepts, its name keys), rounded up: every word of a short query, three of four.
 */
export const QUERY_MATCH_SHARE = 0.75;

export function validateWatch(input: WatchInput): void {
  if (!input.query && !input.entity && !input.country && !input.type && !input.language) {
    throw new BabelwireError(
      'E_USAGE',
      'a watch needs at least one of query, entity, country, type, language',
    );
  }
  if (input.type && !(EVENT_TYPES as readonly string[]).includes(input.type)) {
    throw new BabelwireError('E_CHOICE', 'type', input.type, EVENT_TYPES.join(', '));
  }
  if (input.webhook) {
    let url: URL;
    try {
      url = new URL(input.webhook);
    } catch {
      throw new BabelwireError('E_USAGE', `webhook is not a URL: ${input.webhook}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new BabelwireError('E_USAGE', 'webhook must be an http or https URL');
    }
  }
}

/** What a watch is compared with, computed once per watch (its query analysed). */
export interface CompiledWatch {
  watch: StoredWatch;
  /** Per query word, the tokens any of which stands for it. */
  query: Set<string>[] | null;
  /** The entity's name keys (`p:`, `s:`): any one present matches. */
  entity: Set<string> | null;
  /** ISO codes the country criterion stands for. */
  countries: Set<string> | null;
}

export function compileWatch(
  watch: StoredWatch,
  analyse: (text: string) => SearchDoc,
): CompiledWatch {
  const tokens = (d: SearchDoc) => new Set([...d.terms, ...d.keys]);
  const query = watch.query
    ? watch.query
        .split(/[\s\p{P}]+/u)
        .filter(Boolean)
        .map((word) => analyse(word))
        // Stop words (no stem of their own) do not count.
        .filter((d) => d.terms.length > 0)
        .map(tokens)
    : null;
  let entity: Set<string> | null = null;
  if (watch.entity) {
    const keys = analyse(watch.entity).keys.filter((k) => k.startsWith('p:') || k.startsWith('s:'));
    // A name the analysis does not see as a name is still looked for as a word.
    entity = new Set(keys.length ? keys : tokens(analyse(watch.entity)));
  }
  let countries: Set<string> | null = null;
  if (watch.country) {
    const code = /^[A-Za-z]{2}$/.test(watch.country) ? watch.country.toUpperCase() : null;
    const named = analyse(watch.country)
      .keys.filter((k) => k.startsWith('c:'))
      .map((k) => k.slice(2));
    countries = new Set(code ? [code] : named);
  }
  return { watch, query, entity, countries };
}

/** Whether an event, with the search documents of its reports that just arrived, matches. */
export function watchMatches(
  w: CompiledWatch,
  event: StoredEvent,
  newReports: readonly SearchDoc[],
): boolean {
  const { watch } = w;
  if (watch.type && event.eventType !== watch.type) return false;
  if (watch.language && !event.languages.includes(watch.language)) return false;
  if (w.countries && !(event.countryCodes ?? []).some((c) => w.countries!.has(c))) return false;
  const reportTokens = newReports.map((d) => new Set([...d.terms, ...d.keys]));
  if (w.entity && !reportTokens.some((t) => [...w.entity!].some((k) => t.has(k)))) return false;
  if (w.query) {
    const words = w.query;
    if (words.length === 0) return false;
    const needed = Math.ceil(words.length * QUERY_MATCH_SHARE);
    const held = (t: Set<string>) => words.filter((word) => [...word].some((k) => t.has(k))).length;
    if (!reportTokens.some((t) => held(t) >= needed)) return false;
  }
  return true;
}
