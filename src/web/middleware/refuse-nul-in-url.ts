// Refuses a URL that holds a NUL byte (%00) in its path or query: no page of Firma uses one, and
// PostgreSQL rejects it in any text parameter, so a search or filter that passed it on would fail
// with a 500 instead of a clear answer.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';
import { renderStatusPage } from '../views/status-page.js';

// %00 as sent, or a raw NUL (which no client should send, but a socket can).
const NUL = /%00|\u0000/;

export function refuseNulInUrl(): MiddlewareHandler<AppEnv> {
  return async function nulInUrl(c, next) {
    if (!NUL.test(c.req.url)) return next();
    return renderStatusPage(c, 400, 'security.badAddress.title', 'security.badAddress.body');
  };
}
