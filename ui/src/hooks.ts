import { streamUrl } from './api.ts';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export interface Async<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** Runs `load` when `deps` change (and on reload()); the latest answer wins. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): Async<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({
    loading: true,
  });
  const [tick, setTick] = useState(0);
  const run = useRef(0);
  useEffect(() => {
    const mine = ++run.current;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => mine === run.current && setState({ data, loading: false }),
      (error: unknown) => mine === run.current && setState({ error, loading: false }),
    );
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

export type StreamKind = 'event.created' | 'event.updated' | 'watch.matched';

/** A message of /api/v1/stream: the change's data with its event (and watch) id. */
export interface StreamMessage {
  kind: StreamKind;
  seq: number;
  event: string | null;
  watch: string | null;
  data: Record<string, unknown>;
}

/**
 * Follows the live stream while the component is shown; EventSource reconnects by itself and
 * sends Last-Event-ID, so nothing is missed across a dropped connection.
 */
export function useStream(kinds: StreamKind[], onMessage: (m: StreamMessage) => void): void {
  const handler = useRef(onMessage);
  handler.current = onMessage;
  const key = kinds.join(',');
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(streamUrl(key));
    const listener = (e: MessageEvent<string>) => {
      let data: Record<string, unknown>;
      try {
        data = JSON.parse(e.data) as Record<string, unknown>;
      } catch {
        return;
      }
      handler.current({
        kind: e.type as StreamKind,
        seq: Number(e.lastEventId),
        event: typeof data.event === 'string' ? data.event : null,
        watch: typeof data.watch === 'string' ? data.watch : null,
        data,
      });
    };
    for (const k of key.split(',')) source.addEventListener(k, listener as EventListener);
    return () => source.close();
  }, [key]);
}
