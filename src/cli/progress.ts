import cliProgress from 'cli-progress';
import { config } from '../config.ts';
import { onRestoreTerminal } from './signals.ts';

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

/** How long the rate is measured before the first time-left estimate. */
export const ESTIMATE_AFTER_MS = 2000;

/**
 * The rate and the time left, once the rate is known. It is measured from the first update,
 * not from the start: the first batch also pays for loading models and dictionaries, and a
 * rate that counts it is far too low (`1/979 articles | 2281s left`). Nothing is estimated
 * until ESTIMATE_AFTER_MS have passed since that first update and more articles are done.
 */
class Estimate {
  private first: { at: number; done: number } | null = null;

  /** `done` of `total` at `now` (ms): the rate per second and seconds left, or null. */
  at(done: number, total: number, now: number): { rate: number; left: number } | null {
    if (!this.first) {
      this.first = { at: now, done };
      return null;
    }
    const ms = now - this.first.at;
    const n = done - this.first.done;
    if (ms < ESTIMATE_AFTER_MS || n <= 0) return null;
    const rate = n / (ms / 1000);
    return { rate, left: Math.ceil(Math.max(0, total - done) / rate) };
  }
}

/** `42 s`, `38 min`, `2 h 5 min`. */
function duration(seconds: number): string {
  if (seconds < 100) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 100 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function progress(options: { quiet?: boolean; unit?: string } = {}): Progress {
  const unit = options.unit ?? 'articles';
  let total = 0;
  let done = 0;
  const estimate = new Estimate();
  if (options.quiet) return { grow: () => {}, update: () => {}, stop: () => {} };
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream: process.stderr,
        format: ` {bar} {value}/{total} ${unit}{left}`,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    let stopped = false;
    let unregister = () => {};
    const stop = () => {
      if (started && !stopped) bar.stop();
      stopped = true;
      unregister();
    };
    return {
      grow(n) {
        total += n;
        if (!started) {
          bar.start(total, done, { left: '' });
          started = true;
          // A signal that ends the process stops the bar first (src/cli/signals.ts).
          unregister = onRestoreTerminal(stop);
        } else bar.setTotal(total);
      },
      update(n) {
        done = n;
        const e = estimate.at(done, total, Date.now());
        const left = e && done < total ? ` | ${duration(e.left)} left` : '';
        if (started) bar.update(Math.min(done, total), { left });
      },
      stop,
    };
  }
  let last = Date.now();
  return {
    grow(n) {
      total += n;
    },
    update(n) {
      done = n;
      const now = Date.now();
      // Every update, printed or not, is a measurement of the rate.
      const e = estimate.at(done, total, now);
      if (now - last < config.progressMs) return;
      last = now;
      const rate = e ? `, ${e.rate.toFixed(1)}/s` : '';
      const left = e && total > done ? `, ${duration(e.left)} left` : '';
      process.stderr.write(`babelwire: ${done}${total ? `/${total}` : ''} ${unit}${rate}${left}\n`);
    },
    stop() {},
  };
}
