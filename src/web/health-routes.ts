// /healthz (alive: the process answers; it never touches the database) and /readyz (ready to take traffic), for
// the site and for what `firma serve` answers while it prepares the database (app.ts, createStartingApp).
import { Hono, type Context } from 'hono';
import type { Readiness } from '../platform/db/health.js';
import type { AppEnv } from './env.js';
import { RETRY_AFTER_SECONDS } from './public/views/unavailable-page.js';

/** Still waiting for the database, or migrating it: the site is not built yet. */
export type ReadinessNow = Readiness | 'starting';

function readinessAnswer(c: Context, readiness: ReadinessNow): Response {
  if (readiness !== 'starting' && readiness.ok)
    return c.json({ status: 'ready' }, 200, { 'Cache-Control': 'no-store' });
  const body =
    readiness === 'starting'
      ? { status: 'starting', database: 'migrating' }
      : readiness.cause === 'migrations_pending'
        ? { status: 'unavailable', database: readiness.cause, pending: readiness.pending }
        : { status: 'unavailable', database: readiness.cause };
  return c.json(body, 503, { 'Cache-Control': 'no-store', 'Retry-After': String(RETRY_AFTER_SECONDS) });
}

export function healthRoutes(readiness: () => ReadinessNow | Promise<ReadinessNow>): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/healthz', (c) => c.json({ status: 'ok' }, 200, { 'Cache-Control': 'no-store' }));
  app.get('/readyz', async (c) => readinessAnswer(c, await readiness()));
  return app;
}
