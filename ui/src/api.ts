/** The API the UI reads (/api/v1/, same origin) and the shapes it answers with. */

export interface EventItem {
  id: string;
  title: string;
  titleLang: string;
  languages: string[];
  articleCount: number;
  /** Of articleCount, the reports that republish another one. */
  copyCount?: number;
  firstDate: string | null;
  lastDate: string | null;
  type: string | null;
  countries: string[];
  countryCodes: string[];
  names: string[];
  firstSeen: string;
  updatedAt: string;
  growth: number;
}

export interface Entity {
  id: string;
  kind: string;
  name: string;
  reports: number;
  mentions: number;
  languages: string[];
  country?: string;
  lat?: number;
  lon?: number;
}

export interface FigureReport {
  articleId: string;
  lang: string;
  value: number;
  qualifier: string;
  evidence: string;
}

export interface Figure {
  kind: string;
  min: number;
  max: number;
  reports: FigureReport[];
}

export interface Why {
  similarity: number | null;
  names: string[];
  numbers: string[];
  dates: string[];
  places: string[];
  concepts: string[];
  corrected?: unknown;
}

export interface Report {
  id: string;
  title: string;
  text: string;
  lang: string;
  published: string | null;
  url: string | null;
  source: string | null;
  eventDate?: string | null;
  /** The first copy this report republishes (a near-duplicate), or null. */
  duplicateOf?: string | null;
  entities: Entity[];
  why?: Why;
}

export interface Correction {
  id: number;
  kind: 'merge' | 'move';
  articleId: string | null;
  fromEvent: string;
  toEvent: string;
  by: string;
  at: string;
}

export interface EventView {
  id: string;
  title: string;
  titleLang: string;
  languages: string[];
  articleCount: number;
  /** Of articleCount, the reports that republish another one. */
  copyCount?: number;
  firstDate: string | null;
  lastDate: string | null;
  countries?: string[];
  summary: { sentence: string; lang: string; articleId: string }[];
  type: { type: string; cue: string | null; score: number };
  figures: Figure[];
  entities: Entity[];
  reports: Report[];
  history?: Correction[];
}

export interface Story {
  id: string;
  title: string;
  eventIds: string[];
  firstDate: string | null;
  lastDate: string | null;
}

export interface Timeline extends Story {
  events: (Omit<EventItem, 'type'> & {
    type: { type: string; cue: string | null } | null;
    figures: Figure[];
  })[];
}

export interface SearchResult {
  type: 'article' | 'event';
  id: string;
  event: string | null;
  lang: string;
  title: string;
  score: number;
  snippet: string;
}

/** An entity found by name across events, with every form it was written in. */
export interface EntityMatch {
  id: string;
  kind: string;
  name: string;
  forms: string[];
  events: string[];
  reports: number;
  languages: string[];
}

export interface Watch {
  id: string;
  name: string | null;
  query: string | null;
  entity: string | null;
  country: string | null;
  type: string | null;
  language: string | null;
  webhook: string | null;
  createdAt: string;
}

export interface Change {
  seq: number;
  kind: string;
  eventId: string | null;
  watchId: string | null;
  at: string;
  data: Record<string, unknown>;
}

export type WatchInput = Partial<
  Pick<Watch, 'name' | 'query' | 'entity' | 'country' | 'type' | 'language'>
>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * An API token, for a server that requires them (listening beyond 127.0.0.1): opened once as
 * `…?token=bw_…`, it is kept for the session and taken out of the address.
 */
function token(): string | null {
  try {
    const url = new URL(location.href);
    const given = url.searchParams.get('token');
    if (given) {
      sessionStorage.setItem('babelwire.token', given);
      url.searchParams.delete('token');
      history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    }
    return sessionStorage.getItem('babelwire.token');
  } catch {
    return null;
  }
}

/** The live stream's address (EventSource sends no headers: the token goes in the query). */
export function streamUrl(kinds: string): string {
  return `/api/v1/stream${query({ kinds, token: token() })}`;
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const t = token();
  const res = await fetch(`/api/v1${path}`, {
    ...init,
    headers: {
      accept: 'application/json',
      ...(init?.body ? { 'content-type': 'application/json' } : {}),
      ...(t ? { authorization: `Bearer ${t}` } : {}),
    },
  });
  const body = (await res.json().catch(() => null)) as
    (T & { error?: { code: string; message: string } }) | null;
  if (!res.ok) {
    const err = body?.error;
    throw new ApiError(res.status, err?.code ?? 'E_HTTP', err?.message ?? res.statusText);
  }
  return body as T;
}

/** A query string of the given parameters, empty ones left out. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export interface EventFilters {
  lang?: string;
  country?: string;
  type?: string;
  since?: string;
  until?: string;
  q?: string;
  sort?: 'recent' | 'growing';
}

export const api = {
  events: (f: EventFilters & { cursor?: string; limit?: number }) =>
    call<{ events: EventItem[]; next: string | null }>(`/events${query({ ...f })}`),
  event: (id: string, lang?: string) =>
    call<EventView>(`/events/${encodeURIComponent(id)}${query({ lang })}`),
  merge: (into: string, other: string) =>
    call<{ event: string; merged: string }>(`/events/${encodeURIComponent(into)}/merge`, {
      method: 'POST',
      body: JSON.stringify({ event: other }),
    }),
  move: (article: string, event: string | null) =>
    call<{ article: string; event: string; from: string; fromRemoved: boolean }>(
      `/articles/${encodeURIComponent(article)}/move`,
      { method: 'POST', body: JSON.stringify({ event }) },
    ),
  stories: () => call<{ stories: Story[] }>('/stories'),
  story: (id: string) => call<Timeline>(`/stories/${encodeURIComponent(id)}`),
  search: (q: string, type: 'article' | 'event', lang?: string) =>
    call<{ results: SearchResult[] }>(`/search${query({ q, type, lang, limit: 50 })}`),
  entities: (q: string) => call<{ entities: EntityMatch[] }>(`/entities${query({ q, limit: 10 })}`),
  watches: () => call<{ watches: Watch[] }>('/watches'),
  watch: (id: string) =>
    call<{ watch: Watch; matches: Change[] }>(`/watches/${encodeURIComponent(id)}`),
  addWatch: (input: WatchInput) =>
    call<{ watch: Watch }>('/watches', { method: 'POST', body: JSON.stringify(input) }),
  stats: () =>
    call<{ languages: Record<string, number>; articles: number; events: number }>('/stats'),
};

/** The event types the API knows (src/facts/types.ts). */
export const EVENT_TYPES = [
  'protest',
  'riot',
  'armed clash',
  'violence against civilians',
  'election',
  'coup or seizure of power',
  'disaster',
  'diplomacy',
  'other',
];
