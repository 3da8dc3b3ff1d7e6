import cliProgress from 'cli-progress';
import { config } from '../config.ts';

/**
 * Progress of a long run on stderr. On a terminal, a bar; elsewhere (a log file, CI), one
 * line every few seconds with the count, the rate and the time left, so a long ingest is
 * never silent. `quiet` prints nothing. The total may grow as files are indexed.
 */
export interface Progress {
  /** Adds to the known total (a file's article count, once indexed). */
  grow(n: number): void;
  /** Sets how many are done. */
  update(done: number): void;
  /** Stops: the bar is cleared and the cursor shown again. Safe to call twice. */
  stop(): void;
}

export function progress(options: { quiet?: boolean; unit?: string } = {}): Progress {
  const unit = options.unit ?? 'articles';
  let total = 0;
  let done = 0;
  if (options.quiet) return { grow: () => {}, update: () => {}, stop: () => {} };
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream: process.stderr,
        format: ` {bar} {value}/{total} ${unit} | {eta}s left`,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    let stopped = false;
    return {
      grow(n) {
        total += n;
        if (!started) {
          bar.start(total, done);
          started = true;
        } else bar.setTotal(total);
      },
      update(n) {
        done = n;
        if (started) bar.update(Math.min(done, total));
      },
      stop() {
        if (started && !stopped) bar.stop();
        stopped = true;
      },
    };
  }
  const t0 = Date.now();
  let last = t0;
  return {
    grow(n) {
      total += n;
    },
    update(n) {
      done = n;
      const now = Date.now();
      if (now - last < config.progressMs) return;
      last = now;
      const rate = done / ((now - t0) / 1000);
      const left = total > done && rate > 0 ? `, ${Math.ceil((total - done) / rate)} s left` : '';
      process.stderr.write(
        `babelwire: ${done}${total ? `/${total}` : ''} ${unit}, ${rate.toFixed(1)}/s${left}\n`,
      );
    },
    stop() {},
  };
}
