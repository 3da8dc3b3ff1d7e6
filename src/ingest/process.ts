import { createHash } from 'node:crypto';
import { AliasTable } from '../anchors/aliases.ts';
import { BabelwireError, rejection, type Rejection } from '../errors.ts';
import { encodeFingerprint, fingerprint } from '../dedup/index.ts';
import { eventDate } from '../facts/dates.ts';
import type { Pipeline, ProcessContext } from '../pipeline.ts';
import type { ArticleInput, StoredArticle } from '../types.ts';

/**
 * The first half of ingest: `process` runs the pipeline stages over one input and returns the
 * analysed article. It reads no store and no clusterer and changes nothing outside its result,
 * so it can run in worker threads or on other machines; the single writer (`Writer.assign`,
 * src/ingest/writer.ts) does the rest.
 */

/** An article after the pipeline: everything the store keeps, and its concept vector. */
export interface AnalysedArticle extends StoredArticle {
  concepts: [string, number][];
}

/** Hash of the normalised content: the same report re-sent under another id is a duplicate. */
export function contentHash(title: string, text: string): string {
  const norm = `${title}\n${text}`.toLowerCase().replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(norm).digest('hex');
}

/**
 * Aliases are the writer's to apply (Writer.assign), in stream order, so that what an article
 * is matched with does not depend on how the stream was cut into batches.
 */
const NO_ALIASES = new AliasTable();
export const PROCESS_CONTEXT: ProcessContext = { aliases: NO_ALIASES };

/**
 * Runs the pipeline over one input. A stage that fails is reported as `E_STAGE` with the
 * stage's message, for this article only.
 */
export function processArticle(
  pipeline: Pipeline,
  input: ArticleInput,
  now: Date = new Date(),
): AnalysedArticle {
  let a;
  try {
    a = pipeline.run({ ...input }, PROCESS_CONTEXT);
  } catch (e) {
    if (e instanceof BabelwireError) throw e;
    throw new BabelwireError('E_STAGE', (e as Error).message);
  }
  const lang = a.lang ?? 'und';
  return {
    id: a.id,
    title: a.title,
    text: a.text,
    rawTitle: a.rawTitle ?? input.title,
    rawText: a.rawText ?? input.text,
    lang,
    published: a.published,
    url: a.url,
    source: a.source,
    contentHash: contentHash(a.title, a.text),
    terms: a.terms ?? [],
    concepts: a.concepts ?? [],
    anchors: a.anchors ?? { numbers: [], dates: [], names: [], countries: [] },
    captions: a.captions ?? [],
    eventId: '',
    eventDate: eventDate(a.text, lang, a.published),
    seq: 0,
    ingestedAt: now.toISOString(),
    langSource: a.langSource ?? null,
    fingerprint: fingerprintOf(a.title, a.text),
    duplicateOf: null,
  };
}

/** The near-duplicate fingerprint the writer compares (src/dedup/), or null for a short text. */
export function fingerprintOf(title: string, text: string): string | null {
  const f = fingerprint(`${title}\n${text}`);
  return f && encodeFingerprint(f);
}

/** What `process` made of a batch: the analysed articles in input order, and the failures. */
export interface ProcessedBatch {
  analysed: AnalysedArticle[];
  rejections: Rejection[];
}

/** `processArticle` over a batch; an article that fails becomes a rejection, the rest go on. */
export function processInputs(
  pipeline: Pipeline,
  inputs: readonly ArticleInput[],
  now: Date = new Date(),
): ProcessedBatch {
  const analysed: AnalysedArticle[] = [];
  const rejections: Rejection[] = [];
  for (const input of inputs) {
    try {
      analysed.push(processArticle(pipeline, input, now));
    } catch (e) {
      const err = e instanceof BabelwireError ? e : new BabelwireError('E_STAGE', String(e));
      rejections.push(rejection(input.origin.file, input.origin.line, err));
    }
  }
  return { analysed, rejections };
}
