// Refuses a NUL byte in the query string or the form fields of the organizer, moderator and admin
// pages: their searches, filters and settings go to the database, and PostgreSQL rejects a NUL in
// any text parameter, so the page would fail with a 500 instead of a clear answer. No form of Firma
// can send one. Public pages are left to their own checks (the sign form refuses control characters
// itself, and its hot path is not read twice); multipart bodies may carry binary files and are not read.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';
import { renderStatusPage } from '../views/status-page.js';

const GUARDED_AREA = /^\/(?:admin|moderate|organize)(?:\/|$)/;
// %00 as sent, or a raw NUL (which no client should send, but a socket can).
const NUL = /%00|\u0000/;
const FORM = 'application/x-www-form-urlencoded';

export function refuseNulBytes(): MiddlewareHandler<AppEnv> {
  return async function nulBytes(c, next) {
    if (!GUARDED_AREA.test(c.req.path)) return next();
    const url = c.req.url;
    const query = url.indexOf('?');
    if (query >= 0 && NUL.test(url.slice(query))) return renderStatusPage(c, 400, 'security.badAddress.title', 'security.badAddress.body');
    // Hono keeps the text, so the route's own parseBody() reads the same body again.
    if (c.req.method === 'POST' && c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() === FORM && NUL.test(await c.req.text())) {
      return renderStatusPage(c, 400, 'page.badRequest.title', 'page.badRequest.body');
    }
    return next();
  };
}
