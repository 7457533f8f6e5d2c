// Refuses a NUL byte where PostgreSQL would meet it unchecked: it rejects a NUL in any text parameter, so
// a search, filter or setting that passed one on failed with a 500 instead of a clear answer. No page of
// Firma can send one. Used by the signed-in areas behind their guard: the query string of the organizer,
// moderator and admin pages, and the form fields of the moderator and admin pages (`formFields`). The
// organizer's forms answer a NUL beside the field that holds it, and public pages and the sign form check
// their own input (the sign form's hot path is not read twice). Multipart bodies may carry binary files and
// are not read.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';
import { renderStatusPage } from '../views/status-page.js';

// %00 as sent, or a raw NUL (which no client should send, but a socket can).
const NUL = /%00|\u0000/;
const FORM = 'application/x-www-form-urlencoded';

export function refuseNulBytes(options: { formFields: boolean }): MiddlewareHandler<AppEnv> {
  return async function nulBytes(c, next) {
    const url = c.req.url;
    const query = url.indexOf('?');
    if (query >= 0 && NUL.test(url.slice(query)))
      return renderStatusPage(c, 400, 'security.badAddress.title', 'security.badAddress.body');
    // Hono keeps the text, so the route's own parseBody() reads the same body again.
    if (
      options.formFields &&
      c.req.method === 'POST' &&
      c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() === FORM &&
      NUL.test(await c.req.text())
    ) {
      return renderStatusPage(c, 400, 'page.badRequest.title', 'page.badRequest.body');
    }
    return next();
  };
}
