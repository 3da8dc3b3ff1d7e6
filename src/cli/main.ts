import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import cliProgress from 'cli-progress';
import { formatRejection, type Rejection } from '../errors.ts';
import { clusterArticles, evaluate, streamOrder } from '../eval/run.ts';
import { Ingestor } from '../ingest/index.ts';
import type { PipelineResources } from '../pipeline.ts';
import { expandPaths, readFile } from '../ingest/readers.ts';
import { SqliteStore } from '../store/sqlite.ts';
import { listPacks, packFor, packsDir } from '../lexicon/pack.ts';
import {
  IMPORT_FORMATS,
  importPack,
  INSTALL_SOURCES,
  installPack,
  type ImportFormat,
} from '../lexicon/sources.ts';
import { eventFacts } from '../facts/index.ts';
import { eventEntities } from '../facts/entities.ts';
import { evaluateFacts } from '../facts/eval.ts';
import { writeExport } from './export.ts';
import { buildStories, type Story } from '../stories/index.ts';
import { formatEvent, formatEventLine, formatScores, mean } from './format.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEMO_CORPUS = path.join(ROOT, 'examples', 'demo', 'corpus.jsonl');
const DEFAULT_DB = './babelwire.db';

/** Exit codes: 0 all good, 1 a command failed, 2 some input was rejected (the rest was stored). */
export const EXIT_REJECTED = 2;

function isoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new InvalidArgumentError('expected a date like 2020-10-05');
  }
  return value;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number');
  return n;
}

function reportRejections(rejections: readonly Rejection[]): void {
  for (const r of rejections) process.stderr.write(`babelwire: rejected ${formatRejection(r)}\n`);
}

function progressBar(total: number): { tick: () => void; stop: () => void } {
  if (!process.stderr.isTTY || total === 0) return { tick: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: ' {bar} {value}/{total} articles | {eta}s left',
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { tick: () => bar.increment(), stop: () => bar.stop() };
}

/** Ingests files and folders into a store; returns the rejections. */
async function ingestPaths(
  db: string,
  paths: string[],
  resources: PipelineResources = {},
): Promise<{ rejections: Rejection[]; added: number; duplicates: number }> {
  const { files, rejections } = expandPaths(paths);
  const batches = files.map(readFile);
  const total = batches.reduce((n, b) => n + b.articles.length, 0);
  const store = new SqliteStore(db);
  const all: Rejection[] = [...rejections];
  let added = 0;
  let duplicates = 0;
  try {
    const ingestor = await Ingestor.open(store, undefined, resources);
    for (const r of rejections) store.recordRejection(r);
    const bar = progressBar(total);
    for (const batch of batches) {
      // Dated articles in date order, so the stream is replayed as it happened.
      const result = ingestor.ingest(streamOrder(batch.articles), bar.tick);
      for (const r of batch.rejections) store.recordRejection(r);
      all.push(...batch.rejections, ...result.rejections);
      added += result.added;
      duplicates += result.duplicates;
    }
    bar.stop();
    const unpacked = [...new Set(batches.flatMap((b) => b.articles.map((a) => a.lang)))].filter(
      (l): l is string => typeof l === 'string' && l !== 'en' && packFor(l) === null,
    );
    if (unpacked.length) {
      process.stderr.write(
        `babelwire: no language pack for ${unpacked.join(', ')}: those reports link across languages by anchors only (see "babelwire packs list")\n`,
      );
    }
  } finally {
    store.close();
  }
  return { rejections: all, added, duplicates };
}

/** User word lists: one entry per line, `#` starts a comment. */
function readWordList(file: string): string[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.replace(/#.*/, '').split('\t')[0].trim())
    .filter(Boolean);
}

function loadWordLists(opts: { zhDict?: string; viLexicon?: string }): PipelineResources {
  return {
    zhWords: opts.zhDict ? readWordList(opts.zhDict) : [],
    viWords: opts.viLexicon ? readWordList(opts.viLexicon) : [],
  };
}

function storiesOf(store: SqliteStore): Story[] {
  return buildStories(
    store.listEvents().map((event) => ({
      event,
      anchors: store.eventArticles(event.id).map((a) => a.anchors),
    })),
  );
}

function withStore<T>(db: string, fn: (store: SqliteStore) => T): T {
  if (!fs.existsSync(db)) {
    throw new Error(`no store at ${db}: run "babelwire ingest PATH…" or "babelwire demo" first`);
  }
  const store = new SqliteStore(db);
  try {
    return fn(store);
  } finally {
    store.close();
  }
}

function printEvents(
  db: string,
  opts: { lang?: string; since?: string; json?: boolean; limit?: number },
): void {
  withStore(db, (store) => {
    const events = store.listEvents({ lang: opts.lang, since: opts.since, limit: opts.limit });
    if (opts.json) {
      const items = events.map((e) => ({ ...e, articles: store.eventArticleIds(e.id) }));
      process.stdout.write(JSON.stringify(items, null, 2) + '\n');
      return;
    }
    if (events.length === 0) process.stdout.write('no events\n');
    for (const e of events) process.stdout.write(formatEventLine(e) + '\n\n');
  });
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('babelwire')
    .description('Multilingual news event tracker: clusters reports in any language into events.')
    .version('0.1.0')
    .showHelpAfterError();

  const dbOption = (cmd: Command) => cmd.option('--db <file>', 'SQLite store to use', DEFAULT_DB);

  dbOption(
    program
      .command('ingest')
      .description(
        'Store, process and cluster articles: JSON Lines (.jsonl, one article per line with id, title, text, ' +
          'optional lang, published, url, source), JSON arrays (.json), plain text (.txt, title = first line) ' +
          'and HTML (.html, main text extracted). Folders are read recursively. Re-ingesting changes nothing. ' +
          'Exit code 2 when some input was rejected.',
      )
      .argument('<paths...>', 'files or folders to ingest')
      .option('--zh-dict <file>', 'extra Chinese words (names), one per line, kept whole by jieba')
      .option(
        '--vi-lexicon <file>',
        'Vietnamese multi-syllable words, one per line, for word grouping',
      ),
  ).action(async (paths: string[], opts: { db: string; zhDict?: string; viLexicon?: string }) => {
    const r = await ingestPaths(opts.db, paths, loadWordLists(opts));
    reportRejections(r.rejections);
    process.stderr.write(
      `babelwire: ${r.added} added, ${r.duplicates} already stored, ${r.rejections.length} rejected (${opts.db})\n`,
    );
    if (r.rejections.length > 0) process.exitCode = EXIT_REJECTED;
  });

  dbOption(
    program
      .command('events')
      .description('List events, newest first.')
      .option('--lang <code>', 'only events with a report in this language (ISO 639-1)')
      .option('--since <date>', 'only events seen on or after this date (YYYY-MM-DD)', isoDate)
      .option('--limit <n>', 'at most this many events', positiveInt)
      .option('--json', 'print a JSON array (id, title, languages, articles, …)'),
  ).action((opts: { db: string; lang?: string; since?: string; json?: boolean; limit?: number }) =>
    printEvents(opts.db, opts),
  );

  dbOption(
    program
      .command('show')
      .description(
        'Show one event: title, summary (sentences from the most central reports, each cited), ' +
          'type with its cue, figures with the range across reports, names, countries, dates, and ' +
          'all its reports in every language. JSON schema: schema/event.schema.json.',
      )
      .argument('<event-id>')
      .option('--lang <code>', 'title and summary in this language when a report in it exists')
      .option('--json', 'print JSON'),
  ).action((id: string, opts: { db: string; json?: boolean; lang?: string }) =>
    withStore(opts.db, (store) => {
      const event = store.getEvent(id);
      if (!event) throw new Error(`no such event: ${id} (see "babelwire events")`);
      const articles = store.eventArticles(id);
      const facts = eventFacts(articles, opts.lang);
      if (opts.json) {
        const reports = articles.map((article) => {
          const { terms: _t, ...a } = article;
          return { ...a, entities: eventEntities([article], 50) };
        });
        const out = {
          ...event,
          title: facts.title.title,
          titleLang: facts.title.lang,
          summary: facts.summary,
          entities: facts.entities,
          type: facts.type,
          figures: facts.figures,
          articles: articles.map((a) => a.id),
          reports,
        };
        process.stdout.write(JSON.stringify(out, null, 2) + '\n');
      } else {
        process.stdout.write(formatEvent(event, articles, facts) + '\n');
      }
    }),
  );

  dbOption(
    program
      .command('stats')
      .description('Counts of articles, events, languages and rejected inputs.')
      .option('--json', 'print JSON'),
  ).action((opts: { db: string; json?: boolean }) =>
    withStore(opts.db, (store) => {
      const s = store.stats();
      if (opts.json) {
        process.stdout.write(JSON.stringify(s, null, 2) + '\n');
        return;
      }
      const langs = Object.entries(s.languages)
        .map(([l, n]) => `${l} ${n}`)
        .join(', ');
      process.stdout.write(
        `articles  ${s.articles}\nevents    ${s.events}\nlanguages ${Object.keys(s.languages).length} (${langs})\nrejected  ${s.rejected}\n`,
      );
    }),
  );

  program
    .command('cluster')
    .description(
      'Batch mode for evaluation: cluster a JSON Lines file online (published order, undated ones in file ' +
        'order), exactly as ingest would, and write {"id", "event"} per input article. Unknown input fields, ' +
        'such as gold "event" labels, are ignored.',
    )
    .argument('<in>', 'input .jsonl')
    .requiredOption('--out <file>', 'predictions .jsonl to write')
    .option('--db <file>', 'store to use (default: a fresh temporary store)')
    .action(async (input: string, opts: { out: string; db?: string }) => {
      const batch = readFile(input);
      const order = streamOrder(batch.articles);
      const bar = progressBar(order.length);
      let done = 0;
      const run = await clusterArticles(order, {
        db: opts.db,
        onProgress: (n) => ((done = n), bar.tick()),
      });
      bar.stop();
      const lines = batch.articles.map((a) =>
        JSON.stringify({ id: a.id, event: run.predictions.get(a.id) ?? null }),
      );
      fs.writeFileSync(opts.out, lines.join('\n') + (lines.length ? '\n' : ''));
      const rejected = [...batch.rejections, ...run.rejections];
      reportRejections(rejected);
      process.stderr.write(`babelwire: clustered ${done} articles into ${opts.out}\n`);
      if (rejected.length > 0) process.exitCode = EXIT_REJECTED;
    });

  program
    .command('eval')
    .description(
      'Cluster a labelled JSON Lines file and print BCubed and pairwise precision/recall/F1, cross-lingual ' +
        'figures, pairwise recall and precision per language pair, and predicted vs gold event counts.',
    )
    .argument('<gold...>', 'labelled .jsonl files (gold "event"; null = singleton)')
    .option(
      '--orders <n>',
      'also run N seeded shuffled input orders and report the mean',
      positiveInt,
      0,
    )
    .option('--json', 'print JSON')
    .action(async (files: string[], opts: { orders: number; json?: boolean }) => {
      const results = [];
      for (const file of files) {
        const r = await evaluate(file, { orders: opts.orders });
        results.push(r);
        if (!opts.json) {
          process.stdout.write(formatScores(file, r.fileOrder, r.shuffledOrders) + '\n');
          if (r.dates.events > 0) {
            process.stdout.write(
              `  event dates within ±3 days of gold publication: ${r.dates.withinThreeDays}/${r.dates.events} (${r.dates.share.toFixed(3)})\n`,
            );
          }
          process.stdout.write('\n');
        }
      }
      if (opts.json) {
        const out = results.map((r) => ({
          file: r.file,
          ...r.fileOrder,
          eventDates: r.dates,
          shuffled: r.shuffledOrders.length
            ? {
                orders: r.shuffledOrders.length,
                bcubedF1Mean: mean(r.shuffledOrders.map((s) => s.bcubed.f1)),
                pairwiseF1Mean: mean(r.shuffledOrders.map((s) => s.pairwise.f1)),
                crossLingualRecallMean: mean(r.shuffledOrders.map((s) => s.crossLingual.recall)),
                crossLingualPrecisionMean: mean(
                  r.shuffledOrders.map((s) => s.crossLingual.precision),
                ),
                byLanguagePairMean: Object.fromEntries(
                  Object.keys(r.fileOrder.byLanguagePair).map((pair) => [
                    pair,
                    {
                      recall: mean(
                        r.shuffledOrders.map((s) => s.byLanguagePair[pair]?.recall ?? 1),
                      ),
                      precision: mean(
                        r.shuffledOrders.map((s) => s.byLanguagePair[pair]?.precision ?? 1),
                      ),
                    },
                  ]),
                ),
              }
            : null,
        }));
        process.stdout.write(JSON.stringify(out.length === 1 ? out[0] : out, null, 2) + '\n');
      }
    });

  program
    .command('eval-facts')
    .description(
      'Score the fact extractors on labelled sentences (figures, dates, name pairs, person vs ' +
        'organisation) and print precision and recall per set.',
    )
    .argument('[dir]', 'folder of labelled .jsonl sets', path.join(ROOT, 'examples', 'facts'))
    .option('--json', 'print JSON')
    .action((dir: string, opts: { json?: boolean }) => {
      if (!fs.existsSync(dir)) throw new InvalidArgumentError(`no such folder: ${dir}`);
      const results = evaluateFacts(dir);
      if (opts.json) {
        process.stdout.write(JSON.stringify(results, null, 2) + '\n');
        return;
      }
      for (const r of results) {
        process.stdout.write(
          `${r.set.padEnd(28)} ${String(r.items).padStart(4)} items  P ${r.precision.toFixed(3)}  R ${r.recall.toFixed(3)}${r.detail ? `  (${r.detail})` : ''}\n`,
        );
      }
    });

  dbOption(
    program
      .command('stories')
      .description(
        'Storylines: events that continue one another (shared actors and places, over days to years).',
      )
      .option('--json', 'print a JSON array (id, title, eventIds, firstDate, lastDate, keys)'),
  ).action((opts: { db: string; json?: boolean }) =>
    withStore(opts.db, (store) => {
      const stories = storiesOf(store);
      if (opts.json) {
        process.stdout.write(JSON.stringify(stories, null, 2) + '\n');
        return;
      }
      if (stories.length === 0)
        process.stdout.write('no stories (no events continue one another yet)\n');
      for (const s of stories) {
        process.stdout.write(
          `${s.id}  ${s.title}\n    ${s.eventIds.length} events; ${s.firstDate ? `${s.firstDate} – ${s.lastDate}` : 'undated'}; shared: ${s.keys.join(', ')}\n\n`,
        );
      }
    }),
  );

  dbOption(
    program
      .command('timeline')
      .description("A story's events in date order, with their type and figures.")
      .argument('<story-id>')
      .option('--json', 'print JSON'),
  ).action((id: string, opts: { db: string; json?: boolean }) =>
    withStore(opts.db, (store) => {
      const story = storiesOf(store).find((s) => s.id === id);
      if (!story) throw new Error(`no such story: ${id} (see "babelwire stories")`);
      const items = story.eventIds.map((eventId) => {
        const event = store.getEvent(eventId)!;
        return { event, facts: eventFacts(store.eventArticles(eventId)) };
      });
      if (opts.json) {
        const out = items.map(({ event, facts }) => ({
          ...event,
          type: facts.type,
          figures: facts.figures,
        }));
        process.stdout.write(JSON.stringify({ ...story, events: out }, null, 2) + '\n');
        return;
      }
      process.stdout.write(`${story.id}  ${story.title}\n\n`);
      for (const { event, facts } of items) {
        const when = event.firstDate
          ? event.firstDate === event.lastDate
            ? event.firstDate
            : `${event.firstDate} – ${event.lastDate}`
          : 'undated';
        const figures = facts.figures
          .map((f) => `${f.kind} ${f.min === f.max ? f.min : `${f.min}–${f.max}`}`)
          .join(', ');
        process.stdout.write(
          `${when.padEnd(24)} ${event.id}  ${event.title} [${event.languages.join(', ')}]\n`,
        );
        process.stdout.write(
          `${''.padEnd(24)} ${facts.type.type}${figures ? '; ' + figures : ''}\n`,
        );
      }
    }),
  );

  dbOption(
    program
      .command('export')
      .description(
        'Write events, articles and facts (figures) as tables for analysis tools: events.*, articles.*, facts.*',
      )
      .option('--format <format>', 'jsonl or csv', 'jsonl')
      .option('--out <dir>', 'folder to write into', 'babelwire-export'),
  ).action((opts: { db: string; format: string; out: string }) =>
    withStore(opts.db, (store) => {
      if (opts.format !== 'jsonl' && opts.format !== 'csv') {
        throw new Error(`unknown format "${opts.format}" (use jsonl or csv)`);
      }
      for (const file of writeExport(store, opts.format, opts.out)) {
        process.stderr.write(`babelwire: wrote ${file}\n`);
      }
    }),
  );

  const packs = program
    .command('packs')
    .description(
      'Language packs: bilingual lexicons that map a language to English-pivot concepts for ' +
        'cross-lingual linking. Folder: $BABELWIRE_PACKS (default ~/.local/share/babelwire/packs). ' +
        'A language without a pack is linked by its anchors (numbers, names, countries) alone.',
    );
  packs
    .command('list')
    .description('Installed packs with their size, source and licence.')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => {
      const list = listPacks();
      if (opts.json) {
        process.stdout.write(JSON.stringify(list, null, 2) + '\n');
        return;
      }
      if (list.length === 0) process.stdout.write(`no packs in ${packsDir()}\n`);
      for (const p of list) {
        process.stdout.write(
          `${p.lang.padEnd(4)} ${String(p.entries).padStart(7)} terms ${((p.bytes ?? 0) / 1e6).toFixed(1).padStart(6)} MB  ${p.source}  (${p.licence})\n`,
        );
      }
      const covered = new Set(list.map((p) => p.lang));
      const installable = Object.keys(INSTALL_SOURCES).filter((l) => !covered.has(l));
      if (installable.length) {
        process.stdout.write(
          `installable here: ${installable.join(', ')} (babelwire packs install LANG…)\n`,
        );
      }
    });
  packs
    .command('install')
    .description(
      `Build packs from sources on this machine: ${Object.entries(INSTALL_SOURCES)
        .map(([l, s]) => `${l} (${s.map((x) => x.source).join(', ')})`)
        .join('; ')}.`,
    )
    .argument('<langs...>', 'ISO 639-1 codes')
    .action((langs: string[]) => {
      let failed = 0;
      for (const lang of langs) {
        try {
          for (const p of installPack(lang)) {
            process.stderr.write(
              `babelwire: installed ${p.lang} from ${p.source}: ${p.entries} terms (${p.file})\n`,
            );
          }
        } catch (e) {
          failed++;
          process.stderr.write(`babelwire: ${lang}: ${(e as Error).message}\n`);
        }
      }
      if (failed) process.exitCode = 1;
    });
  packs
    .command('import')
    .description('Build a pack from a dictionary file you point at.')
    .argument('<format>', `one of ${IMPORT_FORMATS.join(', ')}`)
    .argument(
      '<file>',
      'the dictionary (.tsv, StarDict folder or .tar.gz, dictd .index, CC-CEDICT .u8)',
    )
    .requiredOption('--lang <code>', 'the language of the headwords (ISO 639-1)')
    .option('--licence <text>', 'licence to record with the pack')
    .action((format: string, file: string, opts: { lang: string; licence?: string }) => {
      if (!(IMPORT_FORMATS as readonly string[]).includes(format)) {
        throw new Error(`unknown format "${format}" (use ${IMPORT_FORMATS.join(', ')})`);
      }
      const p = importPack(format as ImportFormat, file, opts.lang, { licence: opts.licence });
      process.stderr.write(
        `babelwire: imported ${p.lang} from ${file}: ${p.entries} terms (${p.file})\n`,
      );
    });

  dbOption(
    program
      .command('demo')
      .description(
        'Ingest the bundled demo corpus (examples/demo/corpus.jsonl) and print the events found.',
      ),
  ).action(async (opts: { db: string }) => {
    const r = await ingestPaths(opts.db, [DEMO_CORPUS]);
    reportRejections(r.rejections);
    process.stderr.write(
      `babelwire: ${r.added} added, ${r.duplicates} already stored (${opts.db})\n`,
    );
    printEvents(opts.db, {});
  });

  return program;
}

export async function main(argv: string[]): Promise<void> {
  // `babelwire events | head`: the reader has gone, which is no error of ours. Stop quietly
  // (a batch in progress is one SQLite transaction: it commits or rolls back whole).
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
  try {
    await buildProgram().parseAsync(argv);
  } catch (e) {
    process.stderr.write(`babelwire: ${(e as Error).message}\n`);
    process.exitCode = 1;
  }
}
