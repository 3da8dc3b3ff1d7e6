import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * What `/metrics` exposes, in Prometheus' text format. One registry per service, so that two
 * services in one process (tests) never count into each other.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly articles = new Counter({
    name: 'babelwire_articles_ingested_total',
    help: 'Articles taken in, by outcome (added, duplicate, rejected)',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });
  readonly decision = new Histogram({
    name: 'babelwire_decision_seconds',
    help: 'Time to cluster and commit one article (a batch divided by its articles)',
    buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.5],
    registers: [this.registry],
  });
  readonly ingestLag = new Histogram({
    name: 'babelwire_ingest_lag_seconds',
    help: 'From an article reaching the service (POST or poll) to its commit',
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
    registers: [this.registry],
  });
  readonly requests = new Counter({
    name: 'babelwire_http_requests_total',
    help: 'HTTP requests by route, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [this.registry],
  });
  readonly requestSeconds = new Histogram({
    name: 'babelwire_http_request_seconds',
    help: 'HTTP request duration by route',
    labelNames: ['route'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
    registers: [this.registry],
  });
  readonly sourceErrors = new Counter({
    name: 'babelwire_source_errors_total',
    help: 'Failed polls, by source',
    labelNames: ['source'] as const,
    registers: [this.registry],
  });
  readonly sourceItems = new Counter({
    name: 'babelwire_source_items_total',
    help: 'Items taken from sources, by source and whether they were stored',
    labelNames: ['source', 'kind'] as const,
    registers: [this.registry],
  });
  readonly sourceLag = new Gauge({
    name: 'babelwire_source_lag_seconds',
    help: 'Seconds since each source was last read successfully',
    labelNames: ['source'] as const,
    registers: [this.registry],
  });
  readonly webhooks = new Counter({
    name: 'babelwire_webhook_deliveries_total',
    help: 'Webhook deliveries by outcome (delivered, retried, failed)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  /** Gauges read from the store when scraped. */
  storeGauges(read: () => Promise<{ articles: number; events: number }>): void {
    let last: Promise<{ articles: number; events: number }> | null = null;
    const once = () => (last ??= read().finally(() => setTimeout(() => (last = null), 1000)));
    new Gauge({
      name: 'babelwire_articles',
      help: 'Articles stored',
      registers: [this.registry],
      async collect() {
        this.set((await once()).articles);
      },
    });
    new Gauge({
      name: 'babelwire_events',
      help: 'Events stored',
      registers: [this.registry],
      async collect() {
        this.set((await once()).events);
      },
    });
  }
}
