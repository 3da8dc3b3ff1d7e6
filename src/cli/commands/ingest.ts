import fs from 'node:fs';
import type { Command } from 'commander';
import { config } from '../../config.ts';
import { BabelwireError, EXIT_REJECTED, formatRejection, type Rejection } from '../../errors.ts';
import { Engine, type IngestSummary } from '../../ingest/index.ts';
import { expandPaths, readOrdered, type ReadItem } from '../../ingest/readers.ts';
import { languagesWithoutPack } from '../../language/index.ts';
import type { PipelineResources } from '../../pipeline.ts';
import type { Store } from '../../store/index.ts';
import { dbOption, say, withStore } from '../context.ts';
import { positiveNumber, wholeNumber } from '../options.ts';
import { progress } from '../progress.ts';
import { stopSignals } from '../signals.ts';

export interface IngestCommandOptions {
  db: string;
  zhDict?: string;
  viLexicon?: string;
  commitEvery?: number;
  workers?: number;
  quiet?: boolean;
}

/** User word lists: one entry per line, `#` starts a comment. */
function readWordList(file: string): string[] {
  try {
    return fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .map((l) => l.replace(/#.*/, '').split('\t')[0].trim())
      .filter(Boolean);
  } catch (e) {
    throw new BabelwireError('E_READ', `${file}: ${(e as Error).message}`);
  }
}

function resources(opts: IngestCommandOptions): PipelineResources {
  return {
    zhWords: opts.zhDict ? readWordList(opts.zhDict) : undefined,
    viWords: opts.viLexicon ? readWordList(opts.viLexicon) : undefined,
  };
}

async function* allFiles(
  files: readonly string[],
  onCount: (n: number) => void,
): AsyncGenerator<ReadItem> {
  for (const file of files) yield* readOrdered(file, onCount);
}

export function reportRejections(rejections: readonly Rejection[]): void {
  for (const r of rejections) say(`rejected ${formatRejection(r)}`);
}

/**
 * Ingests files and folders into an open store, with progress on stderr, committing every
 * `commitEvery` articles; Ctrl-C or SIGTERM stops after the batch in flight. Returns the
 * summary and the exit status a command should end with.
 */
export async function ingestPaths(
  store: Store,
  paths: readonly string[],
  opts: IngestCommandOptions,
): Promise<{ summary: IngestSummary; status: number }> {
  const { files, rejections: missing } = expandPaths(paths);
  const notThere = missing.filter((r) => r.code === 'E_READ');
  if (notThere.length > 0) {
    // A mistyped path is a mistake in the command, not a rejected article.
    throw new BabelwireError(
      'E_USAGE',
      notThere.map((r) => `${r.file}: no such file or folder`).join('; '),
    );
  }
  const engine = await Engine.open(store, {
    resources: resources(opts),
    workers: opts.workers ?? config.workers,
  });
  const bar = progress({ quiet: opts.quiet });
  const stop = stopSignals((signal) => {
    bar.stop();
    say(`${signal}: stopping after the batch in flight is committed…`);
  });
  let summary: IngestSummary;
  try {
    summary = await engine.ingest(
      (async function* () {
        yield* missing;
        yield* allFiles(files, (n) => bar.grow(n));
      })(),
      {
        commitEvery: opts.commitEvery ?? config.commitEvery,
        commitMs: config.commitMs,
        signal: stop.signal,
        onCommit: (p) => bar.update(p.read),
      },
    );
  } finally {
    bar.stop();
    stop.dispose();
    await engine.close();
  }
  // The languages the pipeline settled on, normalised (`en-US` is `en`), not the input's tags.
  const unpacked = languagesWithoutPack(summary.languages);
  if (unpacked.length) {
    say(
      `no language pack for ${unpacked.sort().join(', ')}: those reports link across languages by anchors only (see "babelwire packs list")`,
    );
  }
  const status = stop.received()
    ? stop.exitStatus()
    : summary.rejections.length > 0
      ? EXIT_REJECTED
      : 0;
  return { summary, status };
}

export function register(program: Command): void {
  dbOption(
    program
      .command('ingest')
      .description(
        'Store, process and cluster articles: JSON Lines (.jsonl, one article per line with id, title, text, ' +
          'optional lang, published, url, source), JSON arrays (.json), plain text (.txt, title = first line) ' +
          'and HTML (.html, main text extracted). Folders are read recursively. Re-ingesting changes nothing, ' +
          'and an interrupted ingest (Ctrl-C, kill) goes on where it stopped when run again. ' +
          `Commits every ${config.commitEvery} articles or ${config.commitMs / 1000} s ` +
          '($BABELWIRE_COMMIT_EVERY, $BABELWIRE_COMMIT_MS). Exit code 2 when some input was rejected, 130/143 when stopped.',
      )
      .argument('<paths...>', 'files or folders to ingest')
      .option('--zh-dict <file>', 'extra Chinese words (names), one per line, kept whole by jieba')
      .option(
        '--vi-lexicon <file>',
        'Vietnamese multi-syllable words, one per line, for word grouping',
      )
      .option('--commit-every <n>', 'articles per commit', positiveNumber)
      .option(
        '--workers <n>',
        `threads running the pipeline while the writer commits (default ${config.workers}: cores - 1; $BABELWIRE_WORKERS; 0 = none)`,
        wholeNumber,
      )
      .option('--quiet', 'no progress output'),
  ).action(async (paths: string[], opts: IngestCommandOptions) => {
    const status = await withStore(
      opts.db,
      async (store) => {
        const { summary, status } = await ingestPaths(store, paths, opts);
        reportRejections(summary.rejections);
        say(
          `${summary.added} added, ${summary.duplicates} already stored, ${summary.rejections.length} rejected (${store.location})` +
            (status >= 128 ? ' — stopped early; run the same command again to go on' : ''),
        );
        return status;
      },
      { mustExist: false },
    );
    if (status) process.exitCode = status;
  });
}
