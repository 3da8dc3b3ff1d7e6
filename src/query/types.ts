import type { Entity } from '../facts/entities.ts';
import type { FigureRange } from '../facts/figures.ts';
import type { SummarySentence } from '../facts/summary.ts';
import type { TypeDecision } from '../facts/types.ts';
import type { Correction, StoredEvent, StoreReader } from '../store/index.ts';
import type { ReportWhy } from './explain.ts';
import type { Story } from '../stories/index.ts';
import type { StoredArticle } from '../types.ts';

/**
 * The shapes the views return: plain JSON-able objects, the same for the CLI's `--json` and
 * the HTTP server. Changing one changes what users' scripts read, so each is documented here
 * (and `EventView` in schema/event.schema.json).
 */

/** The event as front ends show it: the stored row without the keys kept for story building. */
export type EventRow = Omit<StoredEvent, 'storyKeys'>;

/** What `listEvents` filters by (language, first date, count). */
export type EventQuery = NonNullable<Parameters<StoreReader['listEvents']>[0]>;

/** `babelwire events --json`: one item per event, newest first. */
export interface EventListItem extends EventRow {
  /** Member article ids. */
  articles: string[];
}

/** A report as `show --json` lists it: the stored article without its terms, with its entities. */
export type ReportView = Omit<StoredArticle, 'terms'> & { entities: Entity[]; why: ReportWhy };

/**
 * `babelwire show EVENT_ID --json`, documented by schema/event.schema.json. `title` and
 * `titleLang` are those of a report in the language asked for, when there is one.
 */
export interface EventView extends EventRow {
  summary: SummarySentence[];
  entities: Entity[];
  type: TypeDecision;
  figures: FigureRange[];
  articles: string[];
  reports: ReportView[];
  /** People's corrections that touched the event (merges, moves), oldest first. */
  history: Correction[];
}

/** One event of a timeline: its row with its type and figures. */
export interface TimelineEvent extends EventRow {
  type: TypeDecision;
  figures: FigureRange[];
}

/** `babelwire timeline STORY_ID --json`: the story and its events in date order. */
export interface TimelineView extends Story {
  events: TimelineEvent[];
}

/** `babelwire stats --json`. */
export type StatsView = Awaited<ReturnType<StoreReader['stats']>>;

export type { Story };
