/**
 * The views every front end shares (the CLI, the HTTP server): async functions over a
 * `StoreReader` that return plain JSON-able objects and print nothing. A missing event or
 * story is a `BabelwireError('E_NOT_FOUND', …)`, which each front end maps in one place.
 */
export { eventRow, eventView, listEventsView } from './events.ts';
export { storiesView, storyView, timelineView } from './stories.ts';
export { statsView } from './stats.ts';
export {
  EXPORT_FORMATS,
  exportTables,
  formatTable,
  toCsv,
  toJsonl,
  type ExportFormat,
  type ExportTables,
  type Row,
} from './export.ts';
export type * from './types.ts';
