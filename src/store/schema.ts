import type { Generated } from './kysely.ts';

/**
 * The tables as Kysely sees them, the same on SQLite and PostgreSQL. Lists and records are
 * JSON in TEXT columns on both, so one query reads either back the same way.
 */
export interface ArticleTable {
  seq: Generated<number>;
  id: string;
  content_hash: string;
  title: string;
  text: string;
  raw_title: string;
  raw_text: string;
  lang: string;
  published: string | null;
  url: string | null;
  source: string | null;
  terms: string;
  anchors: string;
  captions: string;
  event_id: string;
  ingested_at: string;
  event_date: string | null;
  lang_source: string | null;
  pinned: Generated<number>;
  fingerprint: string | null;
  duplicate_of: string | null;
}

export interface EventTable {
  seq: Generated<number>;
  id: string;
  title: string;
  title_lang: string;
  languages: string;
  names: string;
  countries: string;
  first_date: string | null;
  last_date: string | null;
  article_count: number;
  first_seen: string;
  updated_at: string;
  provenance: string;
  story_keys: string | null;
  type: string | null;
  country_codes: string | null;
  copies: Generated<number>;
}

export interface AliasTableRow {
  form: string;
  lang: string;
  canonical: string;
  support: number;
}

export interface AliasEventTable {
  form: string;
  lang: string;
  canonical: string;
  event_id: string;
}

export interface RejectionTable {
  id: Generated<number>;
  file: string;
  line: number;
  code: string;
  reason: string;
  at: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface CounterTable {
  name: string;
  value: number;
}

export interface SchemaVersionTable {
  version: number;
  applied_at: string;
}

export interface SourceTable {
  id: string;
  url: string;
  name: string;
  every_seconds: number;
  etag: string | null;
  last_modified: string | null;
  last_fetch: string | null;
  last_ok: string | null;
  next_due: string | null;
  failures: number;
  last_error: string | null;
  items_seen: number;
  items_stored: number;
  errors: number;
  created_at: string;
}

export interface SourceItemTable {
  source_id: string;
  item_key: string;
  seen_at: string;
}

export interface WatchTable {
  id: string;
  name: string | null;
  query: string | null;
  entity: string | null;
  country: string | null;
  type: string | null;
  language: string | null;
  webhook: string | null;
  created_at: string;
  created_by: string | null;
}

export interface TokenTable {
  id: string;
  name: string;
  role: string;
  hash: string;
  created_at: string;
  last_used: string | null;
}

export interface CorrectionTable {
  id: Generated<number>;
  kind: string;
  article_id: string | null;
  from_event: string;
  to_event: string;
  by: string;
  at: string;
}

export interface ChangeTable {
  seq: Generated<number>;
  kind: string;
  event_id: string;
  watch_id: string | null;
  at: string;
  data: string;
}

export interface Database {
  articles: ArticleTable;
  events: EventTable;
  aliases: AliasTableRow;
  alias_events: AliasEventTable;
  rejections: RejectionTable;
  meta: MetaTable;
  counters: CounterTable;
  schema_version: SchemaVersionTable;
  sources: SourceTable;
  source_items: SourceItemTable;
  watches: WatchTable;
  tokens: TokenTable;
  corrections: CorrectionTable;
  changes: ChangeTable;
}
