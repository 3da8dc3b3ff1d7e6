import fs from 'node:fs';
import { Command, CommanderError } from 'commander';
import { BabelwireError, EXIT_FAILED, exitStatus } from '../errors.ts';
import { register as backup } from './commands/backup.ts';
import { register as check } from './commands/check.ts';
import { register as cluster } from './commands/cluster.ts';
import { register as demo } from './commands/demo.ts';
import { register as evalClusters } from './commands/eval.ts';
import { register as evalFacts } from './commands/eval-facts.ts';
import { register as events } from './commands/events.ts';
import { register as exportTables } from './commands/export.ts';
import { register as ingest } from './commands/ingest.ts';
import { register as packs } from './commands/packs.ts';
import { register as restore } from './commands/restore.ts';
import { register as show } from './commands/show.ts';
import { register as stats } from './commands/stats.ts';
import { register as stories } from './commands/stories.ts';
import { register as timeline } from './commands/timeline.ts';

/**
 * The `babelwire` program: every command lives in its own file under ./commands/ and
 * registers itself; this file only assembles them and handles every error in one place.
 */

/** In the order `--help` lists them. */
const COMMANDS = [
  ingest,
  events,
  show,
  stats,
  cluster,
  evalClusters,
  evalFacts,
  stories,
  timeline,
  exportTables,
  check,
  backup,
  restore,
  packs,
  demo,
];

function version(): string {
  const pkg = JSON.parse(
    fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
  ) as { version: string };
  return pkg.version;
}

export function buildProgram(): Command {
  const program = new Command()
    .name('babelwire')
    .description('Multilingual news event tracker: clusters reports in any language into events.')
    .version(version())
    .showHelpAfterError()
    // Commander throws instead of exiting, so a command's store is closed on the way out and
    // main() decides the exit status. Set before the commands: they inherit it.
    .exitOverride();
  for (const register of COMMANDS) register(program);
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
  // `babelwire events | head`: the reader has gone, which is no error of ours. Stop quietly
  // (a batch in progress is one transaction: it commits or rolls back whole).
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
  try {
    await buildProgram().parseAsync(argv);
  } catch (e) {
    handle(e);
  }
}
