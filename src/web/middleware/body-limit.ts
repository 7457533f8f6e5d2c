// Refuses request bodies over a size. A declared Content-Length is checked without touching the
// body, which keeps @hono/node-server's direct body read (no web stream per request); only a
// chunked body of unknown length goes through Hono's counting stream.
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit as honoBodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../env.js';

export interface BodyLimitOptions {
  maxSize: number;
  onError: (c: Context<AppEnv>) => Response | Promise<Response>;
  /**
   * Routes allowed a larger body (the petition editor posts every text in two languages), for a signed-in
   * reader only: anyone else gets `maxSize` there too, so no one can make the server read 5 MiB unasked.
   */
  larger?: { path: RegExp; maxSize: number }[];
}

const NO_BODY = new Set(['GET', 'HEAD', 'OPTIONS']);

export function bodyLimit(options: BodyLimitOptions): MiddlewareHandler<AppEnv> {
  const streaming = honoBodyLimit(options);
  const larger = (options.larger ?? []).map((r) => ({
    ...r,
    streaming: honoBodyLimit({ ...options, maxSize: r.maxSize }),
  }));
  return async function bodyLimitCheck(c, next) {
    if (NO_BODY.has(c.req.method)) return next();
    const route = c.var.user === null ? undefined : larger.find((r) => r.path.test(c.req.path));
    const maxSize = route?.maxSize ?? options.maxSize;
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      return Number(length) > maxSize ? options.onError(c) : next();
    }
    return (route?.streaming ?? streaming)(c, next);
  };
}
