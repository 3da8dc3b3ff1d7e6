import { eventFacts } from '../facts/index.ts';
import type { StoreReader } from '../store/index.ts';

/**
 * The export tables: events, articles, facts (figures) and entities as flat rows for analysis
 * tools (pandas, spreadsheets), and their JSON Lines and CSV (RFC 4180 quoting, UTF-8, one
 * header row) text. Writing the files is the front end's business.
 */
export type ExportFormat = 'jsonl' | 'csv';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['jsonl', 'csv'];

export type Row = Record<string, string | number | null>;
export type ExportTables = Record<'events' | 'articles' | 'facts' | 'entities', Row[]>;

function csvCell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly Row[]): string {
  if (rows.length === 0) return '';
  const columns = Object.keys(rows[0]);
  const lines = [
    columns.join(','),
    ...rows.map((r) => columns.map((c) => csvCell(r[c] ?? null)).join(',')),
  ];
  return lines.join('\n') + '\n';
}

export function toJsonl(rows: readonly Row[]): string {
  return rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : '');
}

/** A table in the format asked for. */
export function formatTable(rows: readonly Row[], format: ExportFormat): string {
  return format === 'csv' ? toCsv(rows) : toJsonl(rows);
}

export async function exportTables(store: StoreReader): Promise<ExportTables> {
  const events: Row[] = [];
  const entities: Row[] = [];
  const articles: Row[] = [];
  const facts: Row[] = [];
  for (const e of await store.listEvents()) {
    const reports = await store.eventArticles(e.id);
    const f = eventFacts(reports);
    events.push({
      event_id: e.id,
      title: f.title.title,
      title_lang: f.title.lang,
      type: f.type.type,
      type_cue: f.type.cue,
      languages: e.languages.join(' '),
      reports: e.articleCount,
      first_date: e.firstDate,
      last_date: e.lastDate,
      first_seen: e.firstSeen,
      names: e.names.join('; '),
      countries: e.countries.join('; '),
    });
    for (const a of reports) {
      articles.push({
        article_id: a.id,
        event_id: e.id,
        lang: a.lang,
        published: a.published,
        event_date: a.eventDate,
        title: a.title,
        url: a.url,
        source: a.source,
        text: a.text,
      });
    }
    for (const en of f.entities) {
      entities.push({
        event_id: e.id,
        entity_id: en.id,
        kind: en.kind,
        name: en.name,
        reports: en.reports,
        mentions: en.mentions,
        languages: en.languages.join(' '),
        country: en.country ?? (en.kind === 'country' ? en.id.slice('country:'.length) : null),
        lat: en.lat ?? null,
        lon: en.lon ?? null,
      });
    }
    for (const range of f.figures) {
      for (const r of range.reports) {
        facts.push({
          event_id: e.id,
          article_id: r.articleId,
          lang: r.lang,
          kind: range.kind,
          value: r.value,
          qualifier: r.qualifier,
          evidence: r.evidence,
        });
      }
    }
  }
  return { events, articles, facts, entities };
}
