import { VERSION } from '../config.ts';
import { Command, CommanderError } from 'commander';
import { BabelwireError, EXIT_FAILED, exitStatus } from '../errors.ts';
import { restoreTerminalOnSignals } from './signals.ts';

/** Set by scripts/build-cli.ts in the built CLI: the hash of the sources it was built from. */
declare const BUILT_FROM: string | undefined;
export const builtFrom: string | null = typeof BUILT_FROM === 'string' ? BUILT_FROM : null;
// For bin/babelwire, to tell whether the built CLI is that of the sources as they are now.
export { codeHash } from '../cache.ts';
type Register = (program: Command) => void;

/**
 * In the order `--help` lists them. Each is loaded only when needed: a command names the one
 * it runs, so `babelwire stats` does not load the pipeline's models and dictionaries.
 */
const COMMANDS: readonly [string, () => Promise<{ register: Register }>][] = [
  ['ingest', () => import('./commands/ingest.ts')],
  ['events', () => import('./commands/events.ts')],
  ['show', () => import('./commands/show.ts')],
  ['stats', () => import('./commands/stats.ts')],
  ['rejections', () => import('./commands/rejections.ts')],
  ['cluster', () => import('./commands/cluster.ts')],
  ['eval', () => import('./commands/eval.ts')],
  ['eval-facts', () => import('./commands/eval-facts.ts')],
  ['eval-search', () => import('./commands/eval-search.ts')],
  ['eval-stories', () => import('./commands/eval-stories.ts')],
  ['eval-duplicates', () => import('./commands/eval-duplicates.ts')],
  ['stories', () => import('./commands/stories.ts')],
  ['timeline', () => import('./commands/timeline.ts')],
  ['export', () => import('./commands/export.ts')],
  ['check', () => import('./commands/check.ts')],
  ['backup', () => import('./commands/backup.ts')],
  ['restore', () => import('./commands/restore.ts')],
  ['packs', () => import('./commands/packs.ts')],
  ['demo', () => import('./commands/demo.ts')],
  ['serve', () => import('./commands/serve.ts')],
  ['search', () => import('./commands/search.ts')],
  ['sources', () => import('./commands/sources.ts')],
  ['poll', () => import('./commands/poll.ts')],
  ['watches', () => import('./commands/watches.ts')],
  ['tokens', () => import('./commands/tokens.ts')],
  ['merge', () => import('./commands/merge.ts')],
  ['move', () => import('./commands/move.ts')],
];

/**
 * The program with the commands `argv` may run: the one it names, none for `--version`, or all
 * of them (for `--help`, a mistyped command, no command).
 */
export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command()
    .name('babelwire')
    .description('Multilingual news event tracker: clusters reports in any language into events.')
    .version(VERSION)
    .showHelpAfterError()
    // Commander throws instead of exiting, so a command's store is closed on the way out and
    // main() decides the exit status. Set before the commands: they inherit it.
    .exitOverride();
  const named = COMMANDS.find(([name]) => name === argv[2]);
  // `--version` alone needs no command: loading them all took two seconds.
  const version = argv.length === 3 && (argv[2] === '--version' || argv[2] === '-V');
  const load = named ? [named] : version ? [] : COMMANDS;
  for (const [, module] of load) (await module()).register(program);
  return program;
}

/** One line: a message that spans lines would read as several errors. */
function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').trim();
}

/**
 * The one error handler. A BabelwireError prints its message and exits by its code; a usage
 * error has been printed by commander (with the help hint) and keeps its exit code (0 for
 * --help and --version); anything else is one line and exit 1, never a stack trace.
 */
function handle(e: unknown): void {
  if (e instanceof BabelwireError) {
    process.stderr.write(`babelwire: ${oneLine(e.message)}\n`);
    process.exitCode = exitStatus(e.code);
  } else if (e instanceof CommanderError) {
    process.exitCode = e.exitCode;
  } else {
    process.stderr.write(`babelwire: ${oneLine(e instanceof Error ? e.message : String(e))}\n`);
    process.exitCode = EXIT_FAILED;
  }
}

export async function main(argv: string[]): Promise<void> {
  restoreTerminalOnSignals();
  // `babelwire events | head`: the reader has gone, which is no error of ours. Stop quietly
  // (a batch in progress is one transaction: it commits or rolls back whole).
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
  try {
    await (await buildProgram(argv)).parseAsync(argv);
  } catch (e) {
    handle(e);
  }
}
