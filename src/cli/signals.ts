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

/** What to undo on the terminal when a signal ends the process: a progress bar's `stop`. */
const undo = new Set<() => void>();

/** Registers `fn` for `restoreTerminal`; returns the function that unregisters it. */
export function onRestoreTerminal(fn: () => void): () => void {
  undo.add(fn);
  return () => undo.delete(fn);
}

/**
 * Gives the terminal back what a progress bar took: the bar is stopped (its line ended), and the
 * cursor (hidden while it draws) and line wrapping (off while it draws) come back. Nothing is
 * written when stderr is not a terminal.
 */
export function restoreTerminal(): void {
  for (const fn of undo) fn();
  undo.clear();
  if (process.stderr.isTTY) process.stderr.write('\u001b[?25h\u001b[?7h');
}

/**
 * For every command, installed once by main(): a SIGINT or SIGTERM that the command does not
 * handle itself (ingest does, with `stopSignals`) restores the terminal, then ends the process
 * by that signal, as it would have ended without this handler. Without it, Ctrl-C during
 * `cluster` left the shell with a hidden cursor and no line wrapping.
 */
export function restoreTerminalOnSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    const handler = () => {
      // Another listener is the command's own (stopSignals): it stops in its own way.
      if (process.listenerCount(signal) > 1) return;
      restoreTerminal();
      process.off(signal, handler);
      process.kill(process.pid, signal);
    };
    process.on(signal, handler);
  }
}

export function stopSignals(onFirst: (signal: NodeJS.Signals) => void): StopSignals {
  const controller = new AbortController();
  let got: NodeJS.Signals | null = null;
  const handler = (signal: NodeJS.Signals) => {
    if (got) {
      // The terminal gets its cursor back even when we leave in a hurry.
      restoreTerminal();
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
