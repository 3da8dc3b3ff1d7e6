/**
 * JSON Schemas of the API's inputs: Fastify validates every request against them before a
 * handler runs, and @fastify/swagger publishes them as the OpenAPI document.
 */
import { EVENT_TYPES } from '../facts/types.ts';

const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' };
const id = { type: 'string', minLength: 1, maxLength: 200 };
const lang = { type: 'string', pattern: '^[A-Za-z]{2,3}$', description: 'ISO 639 code' };

export const anyObject = { type: 'object', additionalProperties: true } as const;

export const errorResponse = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' } },
    },
  },
} as const;

/** Every route may answer these; listed once so each route's documentation has them. */
export const errors = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  429: errorResponse,
};

export const eventFilters = {
  lang,
  since: date,
  until: date,
  undated: { type: 'boolean', description: 'with since/until, also events no report dates' },
  country: {
    type: 'string',
    maxLength: 100,
    description: 'ISO 3166 code or a name in any language',
  },
  type: { type: 'string', enum: [...EVENT_TYPES] },
  q: { type: 'string', minLength: 1, maxLength: 1000, description: 'search terms, any language' },
};

export const eventsQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...eventFilters,
    sort: { type: 'string', enum: ['recent', 'growing'], default: 'recent' },
    cursor: { type: 'string', maxLength: 500 },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
    token: { type: 'string' },
  },
} as const;

export const feedQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { ...eventFilters, token: { type: 'string' } },
} as const;

export const searchQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['q'],
  properties: {
    q: { type: 'string', minLength: 1, maxLength: 1000 },
    type: { type: 'string', enum: ['article', 'event'], default: 'article' },
    lang,
    since: date,
    until: date,
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 20 },
    token: { type: 'string' },
  },
} as const;

export const entitiesQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['q'],
  properties: {
    q: { type: 'string', minLength: 1, maxLength: 200 },
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 20 },
    token: { type: 'string' },
  },
} as const;

export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id },
} as const;

export const langQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { lang, token: { type: 'string' } },
} as const;

export const tokenQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { token: { type: 'string' } },
} as const;

export const streamQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    token: { type: 'string' },
    lastEventId: { type: 'integer', minimum: 0, description: 'as the Last-Event-ID header' },
    kinds: {
      type: 'string',
      description: 'comma-separated: event.created,event.updated,watch.matched',
    },
  },
} as const;

export const mergeBody = {
  type: 'object',
  additionalProperties: false,
  required: ['event'],
  properties: { event: { ...id, description: 'the event merged into this one' } },
} as const;

export const moveBody = {
  type: 'object',
  additionalProperties: false,
  required: ['event'],
  properties: {
    event: {
      anyOf: [id, { type: 'null' }],
      description: 'the event to move the report into; null: out into a new event of its own',
    },
  },
} as const;

export const watchBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    name: { type: 'string', maxLength: 200 },
    query: { type: 'string', minLength: 1, maxLength: 1000 },
    entity: { type: 'string', minLength: 1, maxLength: 200 },
    country: { type: 'string', minLength: 2, maxLength: 100 },
    type: { type: 'string', enum: [...EVENT_TYPES] },
    language: lang,
    webhook: { type: 'string', format: 'uri', maxLength: 2000 },
  },
} as const;

export const sourceBody = {
  type: 'object',
  additionalProperties: false,
  required: ['url'],
  properties: {
    url: { type: 'string', format: 'uri', maxLength: 2000 },
    name: { type: 'string', maxLength: 200 },
    every: { type: 'string', pattern: '^(\\d+[smhd])+$', description: 'e.g. 10m, 1h, 90s' },
  },
} as const;

/** An article as POSTed: the fields of a JSON Lines input line. */
export const articleSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    text: { type: 'string' },
    lang: { type: ['string', 'null'] },
    published: { type: ['string', 'null'] },
    url: { type: ['string', 'null'] },
    source: { type: ['string', 'null'] },
  },
} as const;
