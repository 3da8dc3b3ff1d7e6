import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Every setting Babelwire reads from the environment, with its default, in one place.
 * Modules import the value they need from here instead of reading `process.env` themselves,
 * so `--help`, the README and the code agree on names and defaults.
 *
 * | variable            | default                                  | what                         |
 * | ------------------- | ---------------------------------------- | ---------------------------- |
 * | `BABELWIRE_DB`      | `./babelwire.db`                         | store: a file or postgres:// |
 * | `BABELWIRE_PACKS`   | `$XDG_DATA_HOME/babelwire/packs`         | language packs folder        |
 * | `BABELWIRE_DICTD`   | `/usr/share/dictd`                       | Debian dictd dictionaries    |
 * | `BABELWIRE_EDICT`   | `/usr/share/edict`                       | Debian EDICT and ENAMDICT    |
 * | `BABELWIRE_GEONAMES`| `/usr/share/locale`                      | GeoNames gettext catalogues  |
 * | `BABELWIRE_CACHE`   | `$XDG_CACHE_HOME/babelwire` (`off`: none)| tables built from those      |
 * | `BABELWIRE_COMMIT_EVERY` | `200`                               | ingest: articles per commit  |
 * | `BABELWIRE_COMMIT_MS`    | `2000`                              | ingest: ms per commit        |
 * | `BABELWIRE_PROGRESS_MS`  | `5000`                              | progress lines off a terminal|
 * | `BABELWIRE_WORKERS`      | cores - 1 (at most 4)               | threads running `process`    |
 * | `BABELWIRE_WINDOW_DAYS`  | `30`                                | active window of events      |
 * | `BABELWIRE_COPIES`       | `on`                                | near-duplicates (`off`: none)|
 * | `BABELWIRE_DUP_WINDOW`   | `20000`                             | recent articles copies match |
 */
export interface Config {
  /** The store to open when `--db` is not given: a SQLite file or a `postgres://` URL. */
  db: string;
  packsDir: string;
  dictdDir: string;
  edictDir: string;
  geonamesDir: string;
  /** Where tables derived from installed data are kept between runs (null: nowhere). */
  cacheDir: string | null;
  /** Ingest commits after this many articles… */
  commitEvery: number;
  /** …or after this many milliseconds, whichever comes first. */
  commitMs: number;
  /** Milliseconds between progress lines when stderr is not a terminal. */
  progressMs: number;
  /** Worker threads that run the pipeline while the writer commits (0: none). */
  workers: number;
  /** Days of event time the clusterer keeps in memory (src/cluster/index.ts, ActiveWindow). */
  windowDays: number;
  /** Whether the writer recognises near-duplicates (src/dedup/) and files them as copies. */
  copies: boolean;
  /** The recent articles a new one is compared with for copies. */
  dupWindow: number;
}

export const DEFAULT_DB = './babelwire.db';
export const DEFAULT_COMMIT_EVERY = 200;
export const DEFAULT_COMMIT_MS = 2000;
export const DEFAULT_WINDOW_DAYS = 30;
export const DEFAULT_DUP_WINDOW = 20_000;

/**
 * One thread for the writer, the others for `process`: on two cores the pipeline and the
 * writer each get one. Beyond four, the single writer is the bottleneck and threads only cost
 * memory (each holds its own pipeline and language packs).
 */
export const DEFAULT_WORKERS = Math.min(4, Math.max(0, os.availableParallelism() - 1));

function positive(value: string | undefined, fallback: number): number {
  const n = whole(value, fallback);
  return n > 0 ? n : fallback;
}

function whole(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

/** Reads the configuration from an environment (the process's own by default). */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataHome = env.XDG_DATA_HOME || path.join(os.homedir(), '.local', 'share');
  return {
    db: env.BABELWIRE_DB || DEFAULT_DB,
    packsDir: env.BABELWIRE_PACKS || path.join(dataHome, 'babelwire', 'packs'),
    dictdDir: env.BABELWIRE_DICTD || '/usr/share/dictd',
    edictDir: env.BABELWIRE_EDICT || '/usr/share/edict',
    geonamesDir: env.BABELWIRE_GEONAMES || '/usr/share/locale',
    cacheDir: /^(0|off|false|no)$/i.test(env.BABELWIRE_CACHE ?? '')
      ? null
      : env.BABELWIRE_CACHE ||
        path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'babelwire'),
    commitEvery: positive(env.BABELWIRE_COMMIT_EVERY, DEFAULT_COMMIT_EVERY),
    commitMs: positive(env.BABELWIRE_COMMIT_MS, DEFAULT_COMMIT_MS),
    progressMs: whole(env.BABELWIRE_PROGRESS_MS, 5000),
    workers: whole(env.BABELWIRE_WORKERS, DEFAULT_WORKERS),
    windowDays: whole(env.BABELWIRE_WINDOW_DAYS, DEFAULT_WINDOW_DAYS),
    copies: !/^(0|off|false|no)$/i.test(env.BABELWIRE_COPIES ?? ''),
    dupWindow: positive(env.BABELWIRE_DUP_WINDOW, DEFAULT_DUP_WINDOW),
  };
}

/** The configuration of this process, read once. */
export const config: Config = readConfig();

/** The repository (or installed package) root, and the files that ship with it. */
export const ROOT = path.resolve(import.meta.dirname, '..');
export const DEMO_CORPUS = path.join(ROOT, 'examples', 'demo', 'corpus.jsonl');
export const FACTS_DIR = path.join(ROOT, 'examples', 'facts');

/** The release, from package.json: what `--version`, the API and the user-agent say. */
export const VERSION: string = (
  JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }
).version;
