// The one exception to "no page may be framed": the embeddable sign form and the pages it leads to.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';

const FRAME_ANYWHERE = 'frame-ancestors *';

/** The site's Content-Security-Policy (src/app.ts gives it to secureHeaders): nothing from another origin, no framing. */
export const SITE_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  objectSrc: ["'none'"],
};

const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/**
 * The embed pages' own Content-Security-Policy: the site's policy, except that any page may frame
 * them. The global secureHeaders keeps a header a route has set (overwrite: false).
 */
export const EMBED_CSP = Object.entries({ ...SITE_CSP, frameAncestors: ['*'] })
  .map(([directive, sources]) => `${kebab(directive)} ${sources.join(' ')}`)
  .join('; ');

/**
 * Registered before secureHeaders, so it runs after it on the way out: where a route's own policy
 * allows framing, the X-Frame-Options: DENY that secureHeaders added would contradict it, and goes.
 */
export function allowFramingWhereAsked(): MiddlewareHandler<AppEnv> {
  return async function allowFraming(c, next) {
    await next();
    if (c.res.headers.get('Content-Security-Policy')?.includes(FRAME_ANYWHERE) === true)
      c.res.headers.delete('X-Frame-Options');
  };
}
