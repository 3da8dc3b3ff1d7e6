import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cacheKey, importClosureHash } from '../src/cache.ts';
import { config } from '../src/config.ts';
import { languageData } from '../src/lang/index.ts';
import { devPackSources } from '../src/lexicon/dev-packs.ts';
import { joinUnderscoredWords, normalizeText } from '../src/normalize/index.ts';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const SHARED = path.resolve(ROOT, '..', 'shared');
export const SAMPLES = path.join(SHARED, 'samples');
export const BENCHMARKS = path.join(SHARED, 'benchmarks');

export function sample(prefix: string): string {
  const name = fs.readdirSync(SAMPLES).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no sample ${prefix} in ${SAMPLES}`);
  return fs.readFileSync(path.join(SAMPLES, name), 'utf8');
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'babelwire-test-'));
}

/**
 * The development pack set (src/lexicon/dev-packs.ts), built once and shared by the test files
 * that need it: building it takes minutes. It is kept in the cache folder (src/cache.ts) under a
 * key of the code and the dictionaries it is built from, so a run after a change to either
 * builds it again and other runs reuse it. The first file to get here builds it; the others
 * wait for it.
 */
export function devPacksDir(build: (dir: string) => void): string {
  const base = config.cacheDir ?? os.tmpdir();
  // Keyed by the code that builds the packs (the readers, segmenters and language data), not
  // all of src/: an edit elsewhere reuses the set.
  const code = importClosureHash('src/lexicon/dev-packs.ts');
  const key = cacheKey('devpacks', devPackSources(SHARED), code);
  const dir = path.join(base, `devpacks-${key}`);
  const lock = `${dir}.lock`;
  const wait = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  for (;;) {
    if (fs.existsSync(path.join(dir, '.complete'))) return dir;
    try {
      fs.mkdirSync(base, { recursive: true });
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
    } catch {
      // Another file is building it, or a run that was killed left its lock behind.
      if (!lockHolderAlive(lock)) fs.rmSync(lock, { recursive: true, force: true });
      else wait(500);
      continue;
    }
    try {
      // Sets of other code or dictionaries, and the locks killed runs left on them.
      for (const old of fs.readdirSync(base).filter((f) => /^devpacks-\w+(\.lock)?$/.test(f))) {
        const full = path.join(base, old);
        if (full === lock || (old.endsWith('.lock') && lockHolderAlive(full))) continue;
        fs.rmSync(full, { recursive: true, force: true });
      }
      fs.mkdirSync(dir);
      build(dir);
      fs.writeFileSync(path.join(dir, '.complete'), '');
      return dir;
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
}

function lockHolderAlive(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
  } catch {
    // Taken a moment ago and its pid not written yet, unless the lock is old.
    const st = fs.statSync(lock, { throwIfNoEntry: false });
    return st !== undefined && Date.now() - st.mtimeMs < 10_000;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A text as the pipeline hands it to the stages after normalisation and the script stage:
 * `_`-joined words are written apart in the languages that join them (Vietnamese) only.
 */
export function normalized(raw: string, lang: string): string {
  const { text } = normalizeText(raw);
  return languageData(lang).joinsUnderscoredWords ? joinUnderscoredWords(text) : text;
}

/**
 * For a test file that needs the development pack set: points BABELWIRE_PACKS at the shared
 * build (devPacksDir) for the file's tests, and puts it back after.
 */
export function useDevPacks(
  hooks: { before: (fn: () => void) => void; after: (fn: () => void) => void },
  install: (dir: string) => void,
  reset: () => void,
): void {
  const previous = process.env.BABELWIRE_PACKS;
  hooks.before(() => {
    process.env.BABELWIRE_PACKS = devPacksDir(install);
    reset();
  });
  hooks.after(() => {
    if (previous === undefined) delete process.env.BABELWIRE_PACKS;
    else process.env.BABELWIRE_PACKS = previous;
    reset();
  });
}
