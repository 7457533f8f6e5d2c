// A multipart form that cannot be parsed (no boundary, cut off, garbage) is answered 400 here, once
// for every route: a route's own c.req.parseBody() would throw, and the error become a 500. Hono
// keeps the parsed form, so the route reads it without parsing again.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';
import { renderStatusPage } from '../views/status-page.js';

const NO_BODY = new Set(['GET', 'HEAD', 'OPTIONS']);

export function refuseUnreadableMultipart(): MiddlewareHandler<AppEnv> {
  return async function readableMultipart(c, next) {
    if (NO_BODY.has(c.req.method)) return next();
    const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
    if (type !== 'multipart/form-data') return next();
    try {
      await c.req.parseBody();
    } catch {
      return renderStatusPage(c, 400, 'page.badRequest.title', 'page.badRequest.body');
    }
    return next();
  };
}
