/**
 * Webhook delivery: a queue apart from ingest, so a slow or failing receiver never slows it.
 * Each delivery is a JSON POST, retried with exponential backoff; after the last attempt it
 * is dropped and counted.
 */

export interface WebhookOptions {
  attempts: number;
  /** First retry delay; doubled each time. */
  backoffMs: number;
  timeoutMs: number;
  onResult?: (outcome: 'delivered' | 'retried' | 'failed', url: string, reason?: string) => void;
}

export const DEFAULT_WEBHOOKS: WebhookOptions = { attempts: 5, backoffMs: 1000, timeoutMs: 5000 };

export class WebhookQueue {
  private pending = 0;
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(private readonly options: WebhookOptions = DEFAULT_WEBHOOKS) {}

  /** Deliveries not yet done (delivered or given up). */
  get inFlight(): number {
    return this.pending;
  }

  send(url: string, body: unknown): void {
    if (this.closed) return;
    this.pending++;
    void this.attempt(url, JSON.stringify(body), 1);
  }

  private async attempt(url: string, body: string, n: number): Promise<void> {
    let reason: string;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Babelwire webhook' },
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs),
        redirect: 'manual',
      });
      await res.body?.cancel();
      if (res.ok) {
        this.pending--;
        this.options.onResult?.('delivered', url);
        return;
      }
      reason = `HTTP ${res.status}`;
    } catch (e) {
      reason = (e as Error).message;
    }
    if (n >= this.options.attempts || this.closed) {
      this.pending--;
      this.options.onResult?.('failed', url, reason);
      return;
    }
    this.options.onResult?.('retried', url, reason);
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        void this.attempt(url, body, n + 1);
      },
      this.options.backoffMs * 2 ** (n - 1),
    );
    this.timers.add(timer);
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
