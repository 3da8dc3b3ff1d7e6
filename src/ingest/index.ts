import { createHash } from 'node:crypto';
import { aliases } from '../anchors/aliases.ts';
import { countryName } from '../anchors/countries.ts';
import { toFeatures } from '../cluster/features.ts';
import { OnlineClusterer, type Decision, type EventState } from '../cluster/index.ts';
import { DEFAULT_PARAMS, type ClusterParams } from '../cluster/params.ts';
import { BabelwireError, rejection, type Rejection } from '../errors.ts';
import type { Pipeline } from '../pipeline.ts';
import { eventDate } from '../facts/dates.ts';
import { eventNames } from '../facts/event-names.ts';
import { represent } from '../represent/index.ts';
import { createDefaultPipeline } from '../stages.ts';
import type { Store, StoredEvent } from '../store/types.ts';
import type { ArticleInput, StoredArticle } from '../types.ts';

/**
 * The ingest engine: runs each article through the pipeline, skips what the store already
 * has (same id, or same normalised text), assigns it to an event with the online clusterer
 * and stores article and event together, one transaction per batch.
 */

export interface BatchResult {
  added: number;
  duplicates: number;
  rejections: Rejection[];
  /** Article id -> event id, for every article of the batch that is in the store now. */
  assignments: Map<string, string>;
}

/** Hash of the normalised content: the same report re-sent under another id is a duplicate. */
export function contentHash(title: string, text: string): string {
  const norm = `${title}\n${text}`.toLowerCase().replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(norm).digest('hex');
}

/** A title fit for a list: the first line, cut at a word near 200 characters (a report with no title is shown by its text's first line). */
function headline(text: string): string {
  const line = text.trim().split('\n')[0]?.trim() ?? '';
  // Scripts without spaces carry more per character: a Chinese headline is a few dozen.
  const limit = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(line) ? 60 : 200;
  if ([...line].length <= limit) return line;
  const sentence = /^.+?[。！？!?]/u.exec(line)?.[0];
  if (sentence && [...sentence].length <= limit) return sentence;
  const cut = [...line].slice(0, limit).join('');
  return (limit === 200 ? cut.replace(/\s+\S*$/, '') : cut) + '…';
}

export class Ingestor {
  readonly store: Store;
  readonly pipeline: Pipeline;
  readonly clusterer: OnlineClusterer;
  private readonly titles = new Map<string, { title: string; lang: string }>();
  private readonly firstSeen = new Map<string, string>();
  private readonly eventDates = new Map<string, string | null>();
  /** Events absorbed by event-level linking in this session -> the event they went into. */
  private readonly renamed = new Map<string, string>();
  private nextSeq: number;

  private constructor(store: Store, pipeline: Pipeline, params: ClusterParams) {
    this.store = store;
    this.pipeline = pipeline;
    this.nextSeq = store.maxEventSeq() + 1;
    this.clusterer = new OnlineClusterer(
      () => `ev-${String(this.nextSeq++).padStart(6, '0')}`,
      params,
    );
  }

  /** Opens an ingestor on a store, loading the models and the clustering state it holds. */
  static async open(store: Store, params: ClusterParams = DEFAULT_PARAMS): Promise<Ingestor> {
    const pipeline = createDefaultPipeline();
    await pipeline.init();
    aliases.clear();
    aliases.load(store.aliasRows());
    const ingestor = new Ingestor(store, pipeline, params);
    for (const row of store.clusterRows()) {
      ingestor.clusterer.restore(
        toFeatures(
          row.id,
          row.lang,
          row.terms,
          row.anchors,
          row.published,
          represent(row.lang, row.terms, row.anchors).concepts,
        ),
        row.eventId,
      );
      ingestor.titles.set(row.id, { title: headline(row.title), lang: row.lang });
      ingestor.eventDates.set(row.id, row.eventDate);
    }
    for (const e of store.listEvents()) ingestor.firstSeen.set(e.id, e.firstSeen);
    return ingestor;
  }

  get provenance(): string[] {
    return [...this.pipeline.names, this.clusterer.params.version];
  }

  ingest(inputs: readonly ArticleInput[], onArticle?: () => void): BatchResult {
    const result: BatchResult = { added: 0, duplicates: 0, rejections: [], assignments: new Map() };
    const processed: StoredArticle[] = [];
    for (const input of inputs) {
      try {
        if (this.store.hasArticle(input.id)) {
          result.duplicates++;
          result.assignments.set(input.id, this.eventOf(input.id));
          continue;
        }
        const a = this.pipeline.run({ ...input });
        processed.push({
          id: a.id,
          title: a.title,
          text: a.text,
          rawTitle: a.rawTitle ?? input.title,
          rawText: a.rawText ?? input.text,
          lang: a.lang ?? 'und',
          published: a.published,
          url: a.url,
          source: a.source,
          contentHash: contentHash(a.title, a.text),
          terms: a.terms ?? [],
          concepts: a.concepts ?? [],
          anchors: a.anchors ?? { numbers: [], dates: [], names: [], countries: [] },
          captions: a.captions ?? [],
          eventId: '',
          eventDate: eventDate(a.text, a.lang ?? 'und', a.published),
          seq: 0,
          ingestedAt: new Date().toISOString(),
        });
      } catch (e) {
        const err = e instanceof BabelwireError ? e : new BabelwireError('E_USAGE', String(e));
        result.rejections.push(rejection(input.origin.file, input.origin.line, err));
      }
      onArticle?.();
    }
    const renamed = this.renamed;
    this.store.transaction(() => {
      const touched = new Set<string>();
      for (const article of processed) {
        const sameText = this.store.articleByContentHash(article.contentHash);
        if (sameText !== null || this.store.hasArticle(article.id)) {
          result.duplicates++;
          result.assignments.set(article.id, this.eventOf(sameText ?? article.id));
          continue;
        }
        const decision = this.assign(article);
        article.eventId = decision.eventId;
        if (article.eventDate === null && !decision.isNew) this.dateFromEvent(article, decision);
        this.store.insertArticle(article);
        if (article.eventDate !== null && !decision.isNew) this.dateUndatedMembers(decision);
        if (!decision.isNew) this.learnAliases(article, decision.eventId);
        touched.add(decision.eventId);
        for (const gone of decision.absorbed) {
          this.store.mergeEvents(gone, decision.eventId);
          touched.delete(gone);
          renamed.set(gone, decision.eventId);
          const seen = this.firstSeen.get(gone);
          const mine = this.firstSeen.get(decision.eventId);
          if (seen && (!mine || seen < mine)) this.firstSeen.set(decision.eventId, seen);
        }
        result.added++;
        result.assignments.set(article.id, decision.eventId);
      }
      for (const id of touched) this.store.upsertEvent(this.summarise(id));
      for (const r of result.rejections) this.store.recordRejection(r);
    });
    for (const [articleId, eventId] of result.assignments) {
      result.assignments.set(articleId, this.resolveEvent(eventId));
    }
    return result;
  }

  /**
   * An undated report that joins a dated event: its date expressions (`Tuesday`, `hôm qua`) are
   * resolved against the latest day the event's other reports give, and without any it takes
   * that day. This is what the store already knows about the same event.
   */
  private dateFromEvent(article: StoredArticle, decision: Decision): void {
    const event = this.clusterer.event(decision.eventId);
    const known = (event?.members ?? [])
      .map((m) => (m.id === article.id ? null : (this.eventDates.get(m.id) ?? null)))
      .filter((d): d is string => d !== null)
      .sort();
    const reference = known[known.length - 1];
    if (!reference) return;
    article.eventDate = eventDate(article.text, article.lang, reference);
    this.eventDates.set(article.id, article.eventDate);
  }

  /**
   * The other way round: a dated report joins an event whose earlier reports had no date.
   * They are resolved against the day now known, in the store too.
   */
  private dateUndatedMembers(decision: Decision): void {
    const event = this.clusterer.event(decision.eventId);
    if (!event?.members.some((m) => (this.eventDates.get(m.id) ?? null) === null)) return;
    const articles = this.store.eventArticles(decision.eventId);
    const known = articles
      .map((a) => a.eventDate)
      .filter((d): d is string => d !== null)
      .sort();
    const reference = known[known.length - 1];
    if (!reference) return;
    for (const a of articles) {
      if (a.eventDate !== null || a.published !== null) continue;
      const date = eventDate(a.text, a.lang, reference);
      if (date === null) continue;
      this.store.setEventDate(a.id, date);
      this.eventDates.set(a.id, date);
    }
  }

  /** Pairs the article's foreign name forms with the event's Latin names (src/anchors/aliases.ts). */
  private learnAliases(article: StoredArticle, eventId: string): void {
    const forms = article.anchors.nameForms ?? [];
    if (forms.length === 0) return;
    const event = this.clusterer.event(eventId);
    if (!event) return;
    const own = new Set(article.anchors.names);
    const latin = [...event.anchorCounts.keys()]
      .filter((k) => k.startsWith('p:'))
      .map((k) => k.slice(2))
      .filter((n) => !own.has(n));
    for (const row of aliases.observe(eventId, article.lang, forms, latin))
      this.store.saveAlias(row);
  }

  /** The event an event id now stands for, after event-level links merged it (or itself). */
  resolveEvent(eventId: string): string {
    let current = eventId;
    while (this.renamed.has(current)) current = this.renamed.get(current)!;
    return current;
  }

  private eventOf(articleId: string): string {
    return this.store.articleEventId(articleId) ?? '';
  }

  private assign(article: StoredArticle): Decision {
    const features = toFeatures(
      article.id,
      article.lang,
      article.terms,
      article.anchors,
      article.published,
      article.concepts,
    );
    const decision = this.clusterer.add(features);
    this.titles.set(article.id, {
      title: headline(article.title || article.text),
      lang: article.lang,
    });
    this.eventDates.set(article.id, article.eventDate);
    if (decision.isNew) this.firstSeen.set(decision.eventId, article.ingestedAt);
    return decision;
  }

  /** The stored summary of an event, from the clusterer's current view of it. */
  summarise(eventId: string): StoredEvent {
    const event = this.clusterer.event(eventId) as EventState;
    const central = this.clusterer.centralMember(event);
    const head = this.titles.get(central.id) ?? { title: '', lang: central.lang };
    const languages = [...new Set(event.members.map((m) => m.lang))].sort();
    const ranked = (prefix: string) =>
      [...event.anchorCounts]
        .filter(([k]) => k.startsWith(prefix))
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([k]) => k.slice(prefix.length));
    const countryCodes = ranked('c:').slice(0, 5);
    const countries = countryCodes.map((c) => countryName(c));
    const names = eventNames(event.members, ranked('p:'), languages, countryCodes);
    // The span the event covers: the days its reports say it happened (else their publication).
    const days = event.members
      .map((m) => this.eventDates.get(m.id) ?? null)
      .filter((d): d is string => d !== null)
      .sort();
    const now = new Date().toISOString();
    return {
      id: eventId,
      title: head.title || '(untitled)',
      titleLang: head.lang,
      languages,
      names,
      countries,
      firstDate: days[0] ?? null,
      lastDate: days[days.length - 1] ?? null,
      articleCount: event.members.length,
      firstSeen: this.firstSeen.get(eventId) ?? now,
      updatedAt: now,
      provenance: this.provenance,
    };
  }
}
