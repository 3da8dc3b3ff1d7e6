import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { languageData } from '../src/lang/index.ts';
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
 * The development pack set (src/lexicon/dev-packs.ts), built once per test run and shared by
 * the test files that need it (each is a child of the same runner): building it takes minutes.
 * The first file to get here builds it; the others wait for it.
 */
export function devPacksDir(build: (dir: string) => void): string {
  const dir = path.join(os.tmpdir(), `babelwire-devpacks-${process.ppid}`);
  const lock = `${dir}.lock`;
  const wait = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  for (;;) {
    if (fs.existsSync(path.join(dir, '.complete'))) return dir;
    try {
      fs.mkdirSync(lock);
    } catch {
      wait(500); // another file is building it
      continue;
    }
    try {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(dir);
      build(dir);
      fs.writeFileSync(path.join(dir, '.complete'), '');
      return dir;
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
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
