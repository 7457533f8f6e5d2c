// GET /metrics for Prometheus, and the middleware that times every request for it. The numbers tell an
// operator how the site is doing, and an attacker where it hurts: only loopback (not through a proxy) or a
// bearer of METRICS_TOKEN may read them.
import { timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { Deps } from '../deps.js';
import type { Metrics } from '../platform/metrics/metrics.js';
import type { AppEnv } from './env.js';

/** Route patterns as labels, without their parameters' regular expressions; made once per pattern. */
const labels = new Map<string, string>();

/** The pattern that answered, not the URL (/:locale/p/:slug, not each petition): a bounded set of labels. */
function routeLabel(c: Context<AppEnv>): string {
  const route = matchedRoutes(c)[c.req.routeIndex];
  if (route === undefined || (c.res.status === 404 && route.path.endsWith('*'))) return '(unmatched)';
  let label = labels.get(route.path);
  if (label === undefined) {
    label = route.path.replace(/\{[^}]*\}/g, '');
    labels.set(route.path, label);
  }
  return label;
}

export function countRequests(metrics: Pick<Metrics, 'requests'>): MiddlewareHandler<AppEnv> {
  // Not an async function: one promise per request fewer on the path of every page (measured in
  // docs/performance.md).
  return function countRequestsMiddleware(c, next) {
    const started = performance.now();
    return next().then(() => {
      metrics.requests.observe(
        { method: c.req.method, route: routeLabel(c), status: String(c.res.status) },
        (performance.now() - started) / 1000,
      );
    });
  };
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;
const PROXY_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

/** Asked on this machine, not relayed by a reverse proxy on it (a proxy's requests come from loopback too). */
function askedLocally(c: Context): boolean {
  if (PROXY_HEADERS.some((name) => c.req.header(name) !== undefined)) return false;
  try {
    return LOOPBACK.test(getConnInfo(c).remote.address ?? '');
  } catch {
    return false; // app.request() in tests: no socket
  }
}

function bearerMatches(c: Context, token: string | undefined): boolean {
  if (token === undefined) return false;
  const given = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1];
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function metricsRoutes(deps: Pick<Deps, 'metrics' | 'config'>): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/metrics', async (c) => {
    const headers = { 'Cache-Control': 'no-store' };
    if (!askedLocally(c) && !bearerMatches(c, deps.config.metricsToken))
      return c.text(
        deps.config.metricsToken === undefined
          ? 'Metrics are answered only on this machine (see METRICS_TOKEN in docs/configuration.md).\n'
          : 'Metrics need the METRICS_TOKEN as a bearer token.\n',
        deps.config.metricsToken === undefined ? 403 : 401,
        deps.config.metricsToken === undefined ? headers : { ...headers, 'WWW-Authenticate': 'Bearer' },
      );
    const body = await deps.metrics.registry.metrics();
    return c.body(body, 200, { ...headers, 'Content-Type': deps.metrics.registry.contentType });
  });
  return app;
}
