import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

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
