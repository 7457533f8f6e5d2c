// Refuses a NUL byte where PostgreSQL would meet it unchecked: it rejects a NUL in any text
// parameter, so a search, filter or setting that passed one on failed with a 500 instead of a clear
// answer. No page of Firma can send one. The query string of the organizer, moderator and admin
// pages is checked; so are the form fields of the moderator and admin pages. The organizer's forms
// answer a NUL beside the field that holds it, and public pages and the sign form check their own
// input (the sign form's hot path is not read twice). Multipart bodies may carry binary files and
// are not read.
import type { MiddlewareHandler } from 'hono';
import { canModerate } from '../../accounts/policy.js';
import type { AppEnv } from '../env.js';
import { renderStatusPage } from '../views/status-page.js';

const GUARDED_AREA = /^\/(?:admin|moderate|organize)(?:\/|$)/;
const STAFF_AREA = /^\/(?:admin|moderate)(?:\/|$)/;
// %00 as sent, or a raw NUL (which no client should send, but a socket can).
const NUL = /%00|\u0000/;
const FORM = 'application/x-www-form-urlencoded';

export function refuseNulBytes(): MiddlewareHandler<AppEnv> {
  return async function nulBytes(c, next) {
    if (!GUARDED_AREA.test(c.req.path)) return next();
    const url = c.req.url;
    const query = url.indexOf('?');
    if (query >= 0 && NUL.test(url.slice(query)))
      return renderStatusPage(c, 400, 'security.badAddress.title', 'security.badAddress.body');
    // Only a reader the staff pages would serve has their body read (the route's guard answers anyone else);
    // Hono keeps the text, so the route's own parseBody() reads the same body again.
    const user = c.var.user;
    if (
      c.req.method === 'POST' &&
      STAFF_AREA.test(c.req.path) &&
      user !== null &&
      canModerate(user) &&
      c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() === FORM &&
      NUL.test(await c.req.text())
    ) {
      return renderStatusPage(c, 400, 'page.badRequest.title', 'page.badRequest.body');
    }
    return next();
  };
}
