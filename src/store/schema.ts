import type { Generated } from 'kysely';

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

export interface Database {
  articles: ArticleTable;
  events: EventTable;
  aliases: AliasTableRow;
  alias_events: AliasEventTable;
  rejections: RejectionTable;
  meta: MetaTable;
  counters: CounterTable;
  schema_version: SchemaVersionTable;
}
