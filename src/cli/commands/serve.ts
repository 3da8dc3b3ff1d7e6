import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { ROOT } from '../../config.ts';
import { BabelwireError } from '../../errors.ts';
import { buildServer } from '../../server/app.ts';
import { Service } from '../../service/service.ts';
import { parseDuration } from '../../sources/index.ts';
import type { Store } from '../../store/index.ts';
import { dbOption, say, withStore } from '../context.ts';
import { positiveNumber } from '../options.ts';
import { stopSignals } from '../signals.ts';

export interface ServeOptions {
  port: number;
  host: string;
  cors?: string[];
  rateLimit?: number;
  poll: boolean;
  pollTick: string;
  log?: boolean;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new InvalidArgumentError('expected a port number from 0 to 65535');
  }
  return n;
}

/** Adds the options `serve` and `demo --serve` share. */
export function serveOptions(cmd: Command): Command {
  return cmd
    .option('--port <n>', 'port to listen on (0: any free one)', port, 8080)
    .option(
      '--host <address>',
      'address to listen on; beyond 127.0.0.1 tokens are required',
      '127.0.0.1',
    )
    .option(
      '--cors <origin...>',
      'allow these origins to call the API from a browser (off by default)',
    )
    .option('--rate-limit <n>', 'requests per minute per token (default 1200)', positiveNumber)
    .option('--no-poll', 'do not poll the news sources')
    .option('--poll-tick <duration>', 'how often to look for sources that are due', '15s')
    .option('--log', 'log every request to stderr');
}

/** The web UI's built files, when `npm ci` built them. */
function uiDir(): string | null {
  const dir = path.join(ROOT, 'ui', 'dist');
  return fs.existsSync(path.join(dir, 'index.html')) ? dir : null;
}

/**
 * Serves an open store until SIGINT or SIGTERM: the service (the single writer, so no other
 * process may ingest meanwhile) and its HTTP server. Returns the exit status.
 */
export async function serveStore(store: Store, opts: ServeOptions): Promise<number> {
  const isPublic = !LOOPBACK.has(opts.host);
  if (isPublic && (await store.tokens()).length === 0) {
    throw new BabelwireError('E_HOST', opts.host);
  }
  const tickSeconds = parseDuration(opts.pollTick);
  const service = await Service.open(store);
  const app = await buildServer(service, {
    public: isPublic,
    cors: opts.cors,
    rateLimit: opts.rateLimit,
    log: opts.log,
    uiDir: uiDir(),
  });
  let stopping: (() => void) | null = null;
  const stopped = new Promise<void>((resolve) => (stopping = resolve));
  const signals = stopSignals(() => stopping?.());
  try {
    const address = await app.listen({ port: opts.port, host: opts.host });
    if (opts.poll)
      service.startPolling(tickSeconds * 1000, (e) => say(`polling: ${(e as Error).message}`));
    say(
      `serving ${store.location} at ${address}/ (API ${address}/api/v1/, docs ${address}/api/v1/docs)`,
    );
    await stopped;
    say('stopping');
  } finally {
    await app.close();
    await service.close();
    signals.dispose();
  }
  return 0;
}

export function register(program: Command): void {
  dbOption(
    serveOptions(
      program
        .command('serve')
        .description(
          'Serve the store: the HTTP API (/api/v1/, OpenAPI at /api/v1/openapi.json), the live ' +
            'stream, feeds and the web UI; takes reports in (POSTed and polled from the sources) ' +
            "as the store's one writer.",
        ),
    ),
  ).action(async (opts: ServeOptions & { db: string }) => {
    process.exitCode = await withStore(opts.db, (store) => serveStore(store, opts), {
      mustExist: false,
    });
  });
}
