// A multipart form that cannot be parsed (no boundary, cut off, garbage) is answered 400, never 500. The body
// is read only when the route reads it, after its own guards: parsing first, for everyone, once let anyone make
// the server parse 5 MiB of form fields before the sign-in check answered 403.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';

const NO_BODY = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What a route's parseBody() throws for a multipart body that cannot be read; the error handler answers 400. */
export class UnreadableBodyError extends Error {
  override name = 'UnreadableBodyError';
}

export function refuseUnreadableMultipart(): MiddlewareHandler<AppEnv> {
  return async function readableMultipart(c, next) {
    if (NO_BODY.has(c.req.method)) return next();
    const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
    if (type !== 'multipart/form-data') return next();
    const parse = c.req.parseBody.bind(c.req);
    // The same method, failing with an error of our own: Hono keeps what it parsed, so reading again is free.
    const parseOrRefuse = (options?: Parameters<typeof parse>[0]) =>
      parse(options).catch((err: unknown) => {
        throw new UnreadableBodyError(err instanceof Error ? err.message : String(err));
      });
    c.req.parseBody = parseOrRefuse as typeof c.req.parseBody; // the same signature; only the error differs
    return next();
  };
}
