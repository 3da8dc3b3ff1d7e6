/** The source shape lives with the shared types: the store keeps the same record. */
export type { SourceState } from '../types.ts';
