import { createRequire } from 'node:module';
import type * as K from 'kysely';

/**
 * Kysely, loaded through its CommonJS build. Its ES module build is some 260 files, and every
 * command that opens a store loaded them one by one through the TypeScript loader's thread:
 * 0.6 s of each start, twice that in CPU. The CommonJS build is the same code and loads in a
 * third of the time. The store modules import Kysely from here only.
 */
const kysely = createRequire(import.meta.url)('kysely') as typeof K;

export const { Kysely, SqliteDialect, PostgresDialect, sql } = kysely;
// The classes are also types (`Kysely<DB>`): the same names in the type space.
export type Kysely<DB> = K.Kysely<DB>;
export type { Generated, Selectable, SqliteDatabase } from 'kysely';
