// CSRF defence without per-visitor tokens: state-changing requests must come from this site,
// as the browser itself reports in Sec-Fetch-Site or Origin. Pages stay identical for everyone.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';
import { renderStatusPage } from '../views/status-page.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface SameOriginOptions {
  /** Origins besides the request's own that may post (the configured public URL). */
  allowedOrigins: string[];
  /** POSTs to these paths carry their own secret token (one-click unsubscribe from a mail client). */
  tokenAuthorized?: RegExp;
}

export function sameOrigin({ allowedOrigins, tokenAuthorized }: SameOriginOptions): MiddlewareHandler<AppEnv> {
  const allowed = new Set(allowedOrigins);
  return async function sameOriginCheck(c, next) {
    if (SAFE_METHODS.has(c.req.method)) return next();
    if (tokenAuthorized?.test(c.req.path) === true) return next();
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const ownOrigin = new URL(c.req.url).origin;
    const fromHere =
      site === 'same-origin' ||
      (site === undefined && origin !== undefined && (origin === ownOrigin || allowed.has(origin)));
    if (!fromHere) {
      c.var.log.info({ site, origin }, 'cross-site request refused');
      return renderStatusPage(c, 403, 'page.forbidden.title', 'page.forbidden.body');
    }
    return next();
  };
}
