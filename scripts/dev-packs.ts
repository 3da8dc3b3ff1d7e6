/**
 * Installs the development pack set (see src/lexicon/dev-packs.ts) into $BABELWIRE_PACKS.
 *   npm run packs:dev
 * Anything missing (a Debian package, ../shared) is one message and exit 1, never a stack trace.
 */
import path from 'node:path';
import { installDevPacks } from '../src/lexicon/dev-packs.ts';
import { packsDir } from '../src/lexicon/pack.ts';

const shared = path.resolve(import.meta.dirname, '..', '..', 'shared');
try {
  for (const p of installDevPacks(shared, packsDir())) {
    console.log(`${p.lang} ${p.source}: ${p.entries} terms`);
  }
} catch (e) {
  console.error(`packs:dev: ${(e as Error).message}`);
  process.exit(1);
}
