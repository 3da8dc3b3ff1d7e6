/**
 * Ctrl-C and `kill` during a long command: the first SIGINT or SIGTERM asks the command to
 * stop after the work in flight (an ingest commits its batch); a second one exits at once,
 * which is still safe, because an uncommitted transaction is rolled back by the store.
 */
export interface StopSignals {
  signal: AbortSignal;
  /** The signal that asked to stop, if one did. */
  received(): NodeJS.Signals | null;
  /** The exit status shells report for it: 130 for SIGINT, 143 for SIGTERM. */
  exitStatus(): number;
  dispose(): void;
}

const STATUS: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143 };

export function stopSignals(onFirst: (signal: NodeJS.Signals) => void): StopSignals {
  const controller = new AbortController();
  let got: NodeJS.Signals | null = null;
  const handler = (signal: NodeJS.Signals) => {
    if (got) {
      // The terminal gets its cursor back even when we leave in a hurry.
      process.stderr.write('\u001b[?25h');
      process.exit(STATUS[signal] ?? 1);
    }
    got = signal;
    onFirst(signal);
    controller.abort();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    received: () => got,
    exitStatus: () => (got ? (STATUS[got] ?? 1) : 0),
    dispose() {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
