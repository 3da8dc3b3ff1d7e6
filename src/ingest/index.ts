/**
 * Ingest in two parts: `processArticle` (src/ingest/process.ts) analyses one input with the
 * pipeline and nothing else; `Writer.assign` (src/ingest/writer.ts), the single writer,
 * clusters and commits. `Engine` (src/ingest/run.ts) ties them to a store and a stream of
 * inputs from the readers (src/ingest/readers.ts).
 */
export { Engine, type IngestOptions, type IngestProgress, type IngestSummary } from './run.ts';
export { processArticle, contentHash, type AnalysedArticle } from './process.ts';
export { Writer, type AssignResult } from './writer.ts';
