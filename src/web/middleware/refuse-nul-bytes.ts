// Refuses a NUL byte (%00) in the query string of the organizer, moderator and admin pages: their
// searches and filters go to the database, and PostgreSQL rejects a NUL in any text parameter, so
// the page would fail with a 500 instead of a clear answer. No form of Firma sends one. Public
// pages read only ?source= and ?next=, which each check their own shape.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';
import { renderStatusPage } from '../views/status-page.js';

const GUARDED_AREA = /^\/(?:admin|moderate|organize)(?:\/|$)/;
// %00 as sent, or a raw NUL (which no client should send, but a socket can).
const NUL = /%00|\u0000/;

export function refuseNulInUrl(): MiddlewareHandler<AppEnv> {
  return async function nulInUrl(c, next) {
    const url = c.req.url;
    const query = url.indexOf('?');
    if (query < 0 || !NUL.test(url.slice(query)) || !GUARDED_AREA.test(c.req.path)) return next();
    return renderStatusPage(c, 400, 'security.badAddress.title', 'security.badAddress.body');
  };
}
