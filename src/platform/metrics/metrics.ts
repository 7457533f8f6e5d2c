// What a running Firma measures about itself, for GET /metrics in the Prometheus text format (prom-client).
// One registry per app, not prom-client's global one: two apps in one process (the tests) count apart.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The numbers only the database knows, read when /metrics is asked for (never on a request's path). */
export interface MetricsSources {
  /** Mail waiting to go out (queued or being sent) and the age in seconds of the oldest such message. */
  outbox(): Promise<{ waiting: number; oldestAgeSeconds: number }>;
  /** PostgreSQL's connection pool; undefined on SQLite (one connection in the process). */
  pool(): { size: number; idle: number; waiting: number; max: number } | undefined;
}

export interface Metrics {
  registry: Registry;
  /** Every answer, by the route pattern that answered (not the URL: /:locale/p/:slug, not each petition). */
  requests: Histogram<'method' | 'route' | 'status'>;
  /** Background job rounds by job and outcome ('ok', 'failed', or 'stopped' at shutdown). */
  jobRuns: Histogram<'job' | 'outcome'>;
  /** Mail the worker handled: 'sent', 'retried' (a temporary failure), 'failed' (for good), 'cancelled'. */
  mail: Counter<'outcome'>;
  /** Webhook deliveries the worker handled: 'delivered', 'retried', 'failed' (retries spent), 'cancelled'. */
  webhooks: Counter<'outcome'>;
}

/** Request latencies: most answers take a few milliseconds; a spike shows in the upper buckets. */
const REQUEST_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
const JOB_BUCKETS = [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300];

export function createMetrics(sources: MetricsSources): Metrics {
  const registry = new Registry();
  // Heap, RSS, garbage collection, open handles and the event loop's delay (p50, p90, p99, max since the last
  // scrape: monitorEventLoopDelay, 5 ms resolution).
  collectDefaultMetrics({ register: registry, prefix: 'firma_', eventLoopMonitoringPrecision: 5 });
  const requests = new Histogram({
    name: 'firma_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status, with the time to answer.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: REQUEST_BUCKETS,
    registers: [registry],
  });
  const jobRuns = new Histogram({
    name: 'firma_job_run_duration_seconds',
    help: 'Background job rounds by job and outcome, with their duration.',
    labelNames: ['job', 'outcome'] as const,
    buckets: JOB_BUCKETS,
    registers: [registry],
  });
  const mail = new Counter({
    name: 'firma_mail_total',
    help: 'Mail handled by the worker: sent, retried later, failed for good, or cancelled.',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const webhooks = new Counter({
    name: 'firma_webhook_deliveries_total',
    help: 'Webhook deliveries handled by the worker: delivered, retried later, failed for good, or cancelled.',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'firma_outbox_waiting_messages',
    help: 'Mail in the outbox not yet sent (queued or being sent).',
    registers: [registry],
    async collect() {
      const outbox = await sources.outbox();
      this.set(outbox.waiting);
      oldest.set(outbox.oldestAgeSeconds);
    },
  });
  const oldest = new Gauge({
    name: 'firma_outbox_oldest_message_age_seconds',
    help: 'Age of the oldest message waiting in the outbox (0 when none waits).',
    registers: [registry],
  });
  new Gauge({
    name: 'firma_database_pool_connections',
    help: "PostgreSQL pool connections by state ('open', 'idle', 'max'), and queries waiting for one ('waiting').",
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const pool = sources.pool();
      if (pool === undefined) return;
      this.set({ state: 'open' }, pool.size);
      this.set({ state: 'idle' }, pool.idle);
      this.set({ state: 'waiting' }, pool.waiting);
      this.set({ state: 'max' }, pool.max);
    },
  });
  return { registry, requests, jobRuns, mail, webhooks };
}
