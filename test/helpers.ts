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
 * A text as the pipeline hands it to the stages after normalisation and the script stage:
 * `_`-joined words are written apart in the languages that join them (Vietnamese) only.
 */
export function normalized(raw: string, lang: string): string {
  const { text } = normalizeText(raw);
  return languageData(lang).joinsUnderscoredWords ? joinUnderscoredWords(text) : text;
}
