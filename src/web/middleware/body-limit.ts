// Refuses request bodies over a size, with the 413 page in the reader's language. A declared
// Content-Length is checked without touching the body, which keeps @hono/node-server's direct body read
// (no web stream per request); only a chunked body of unknown length goes through Hono's counting stream.
//
// The first limit that applies to a request decides, so an area declares its larger forms before its
// default (organize-area.ts), and app.ts's site-wide limit leaves alone the areas that set their own.
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit as honoBodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../env.js';
import { renderStatusPage } from '../views/status-page.js';

export interface BodyLimitOptions {
  maxSize: number;
  /**
   * A larger limit than the site's is for a signed-in reader only (the petition editor posts every text in
   * every language): anyone else falls through to the next limit, so no one can make the server read 5 MiB
   * unasked.
   */
  signedInOnly?: boolean;
  /** Paths under these prefixes are left to their area's own limits. */
  exceptUnder?: readonly string[];
  /** The answer to a body too large (the 413 page unless the area answers otherwise: the API, in JSON). */
  onTooLarge?: (c: Context<AppEnv>) => Response | Promise<Response>;
}

/** Every form of the site, unless its area says otherwise: a signature, a sign-in, a report. */
export const MAX_FORM_BYTES = 16 * 1024;

const NO_BODY = new Set(['GET', 'HEAD', 'OPTIONS']);

const tooLarge = (c: Context<AppEnv>) => renderStatusPage(c, 413, 'page.tooLarge.title', 'page.tooLarge.body');

function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

export function bodyLimit(options: BodyLimitOptions): MiddlewareHandler<AppEnv> {
  const refuse = options.onTooLarge ?? tooLarge;
  const streaming = honoBodyLimit({ maxSize: options.maxSize, onError: refuse });
  const except = options.exceptUnder ?? [];
  return async function bodyLimitCheck(c, next) {
    if (NO_BODY.has(c.req.method) || c.var.bodyLimited === true) return next();
    if (options.signedInOnly === true && c.var.user === null) return next();
    if (except.some((prefix) => isUnder(c.req.path, prefix))) return next();
    c.set('bodyLimited', true);
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      return Number(length) > options.maxSize ? refuse(c) : next();
    }
    return streaming(c, next);
  };
}
