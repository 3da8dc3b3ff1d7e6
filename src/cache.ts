import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { config, ROOT } from './config.ts';

/**
 * Tables derived from installed data (the GeoNames catalogues, the locale data of ICU), kept
 * between runs. Building the city table alone took 0.9 s of every command that reads a text,
 * in every thread; reading it back takes 40 ms. A table is keyed by everything it is made of:
 * its source files (path, size, modification time), the code (a hash of every file under
 * `src/`, so an edit never meets a stale table), the ICU and V8 versions. A cache that cannot
 * be read or written is rebuilt in memory, never an error: it only saves time.
 */
export function cachedTable<T>(
  name: string,
  sources: readonly string[],
  build: () => T,
  dir: string | null = config.cacheDir,
): T {
  if (!dir) return build();
  const file = path.join(dir, `${name}-${cacheKey(name, sources)}.v8`);
  try {
    return v8.deserialize(fs.readFileSync(file)) as T;
  } catch {
    // Not there yet, or unreadable: built again below.
  }
  const table = build();
  try {
    fs.mkdirSync(dir, { recursive: true });
    // Another process may build the same table at the same time: each writes its own file
    // and renames it into place, so a reader never sees half of one.
    const tmp = `${file}.${process.pid}.${crypto.randomUUID()}.tmp`;
    fs.writeFileSync(tmp, v8.serialize(table));
    fs.renameSync(tmp, file);
    removeOlder(dir, name, file);
  } catch {
    // A read-only home: the table is used from memory this time.
  }
  return table;
}

/**
 * What a derived thing is made of, as a short hash: its name, the code, ICU and V8, and each
 * source file's path, size and modification time.
 */
export function cacheKey(
  name: string,
  sources: readonly string[],
  code: string = codeHash(),
): string {
  const h = crypto.createHash('sha256');
  h.update(`${name}\0${code}\0${process.versions.icu}\0${process.versions.v8}`);
  for (const s of sources) {
    const st = fs.statSync(s, { throwIfNoEntry: false });
    if (st && s.startsWith(ROOT + path.sep)) {
      // A file of the package itself (node_modules) by its place and content: another checkout
      // of the same code, with the same packages installed anew, has the same key.
      h.update(`\0${path.relative(ROOT, s)}\0`).update(fs.readFileSync(s));
    } else {
      h.update(`\0${s}\0${st ? `${st.size}:${st.mtimeMs}` : '-'}`);
    }
  }
  return h.digest('hex').slice(0, 16);
}

let code: string | null = null;

/** A hash of the sources under `src/`, read once per thread. */
export function codeHash(): string {
  if (code) return code;
  const src = path.join(ROOT, 'src');
  const h = crypto.createHash('sha256');
  const files = fs
    .readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') || f.endsWith('.json'))
    .sort();
  for (const f of files) h.update(`${f}\0`).update(fs.readFileSync(path.join(src, f)));
  code = h.digest('hex');
  return code;
}

const RELATIVE_IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*'(\.{1,2}\/[^']+)'/g;

/**
 * A hash of one module and every module it imports, directly or not (relative imports only:
 * packages are keyed by the lock file). For what only part of the code makes, such as the
 * development packs the tests build: an edit to the clusterer does not make them again.
 */
export function importClosureHash(entry: string): string {
  const seen = new Set<string>();
  const stack = [path.resolve(ROOT, entry)];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of fs.readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)) {
      const target = path.resolve(path.dirname(file), m[1]);
      if (fs.existsSync(target)) stack.push(target);
    }
  }
  const h = crypto.createHash('sha256');
  for (const f of [...seen].sort()) {
    h.update(`${path.relative(ROOT, f)}\0`).update(fs.readFileSync(f));
  }
  return h.digest('hex');
}

/** Earlier versions of a table (other code, other data): one of each is kept. */
function removeOlder(dir: string, name: string, keep: string): void {
  for (const f of fs.readdirSync(dir)) {
    const full = path.join(dir, f);
    if (full !== keep && f.startsWith(`${name}-`) && f.endsWith('.v8'))
      fs.rmSync(full, { force: true });
  }
}
