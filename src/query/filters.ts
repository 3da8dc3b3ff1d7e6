import { BabelwireError } from '../errors.ts';
import { EVENT_TYPES } from '../facts/types.ts';
import type { EventQuery } from '../store/index.ts';
import type { SearchDoc } from '../types.ts';

/**
 * The event filters every front end takes (`events` and `GET /api/v1/events`), checked in one
 * place so the CLI and the API refuse the same things with the same messages.
 */

export interface EventFilterInput {
  lang?: string;
  since?: string;
  until?: string;
  undated?: boolean;
  /** An ISO 3166 code, or a country's name in any language the pipeline reads. */
  country?: string;
  type?: string;
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** An ISO 639 code that names a language (`vi`, `zh`, `fil`), not any two letters. */
export function isLanguageCode(code: string): boolean {
  if (!/^[a-z]{2,3}$/.test(code)) return false;
  return languageNames.of(code) !== code;
}

export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code)) return false;
  return regionNames.of(code) !== code;
}

export function checkDate(value: string, field: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new BabelwireError('E_USAGE', `${field} must be a date as YYYY-MM-DD, not "${value}"`);
  }
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw new BabelwireError('E_USAGE', `${field} is not a calendar date: ${value}`);
  }
  return value;
}

/**
 * The store query for the filters. `analyse` turns a country's name into its codes (the
 * anchors stage knows country names in many languages and scripts).
 */
export function eventFilters(
  input: EventFilterInput,
  analyse: (text: string) => SearchDoc,
): EventQuery {
  const query: EventQuery = {};
  if (input.lang !== undefined) {
    const lang = input.lang.toLowerCase();
    if (!isLanguageCode(lang)) {
      throw new BabelwireError(
        'E_USAGE',
        `lang must be an ISO 639 language code, not "${input.lang}"`,
      );
    }
    query.lang = lang;
  }
  if (input.since !== undefined) query.since = checkDate(input.since, 'since');
  if (input.until !== undefined) query.until = checkDate(input.until, 'until');
  if (query.since && query.until && query.since > query.until) {
    throw new BabelwireError('E_USAGE', `since (${query.since}) is after until (${query.until})`);
  }
  if (input.undated) query.undated = true;
  if (input.type !== undefined) {
    if (!(EVENT_TYPES as readonly string[]).includes(input.type)) {
      throw new BabelwireError('E_CHOICE', 'type', input.type, EVENT_TYPES.join(', '));
    }
    query.type = input.type;
  }
  if (input.country !== undefined) query.countries = countryCodes(input.country, analyse);
  return query;
}

export function countryCodes(country: string, analyse: (text: string) => SearchDoc): string[] {
  const trimmed = country.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed)) {
    const code = trimmed.toUpperCase();
    if (isCountryCode(code)) return [code];
  }
  const codes = trimmed
    ? analyse(trimmed)
        .keys.filter((k) => k.startsWith('c:'))
        .map((k) => k.slice(2))
    : [];
  if (codes.length === 0) {
    throw new BabelwireError(
      'E_USAGE',
      `country must be an ISO 3166 code or a country's name, not "${country}"`,
    );
  }
  return [...new Set(codes)];
}
