// Gives each request an id and a child logger carrying it, and logs how the request ended.
import { randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import { redactTokens } from '../../platform/redact-tokens.js';
import type { AppEnv } from '../env.js';

export interface RequestContextOptions {
  logger: Logger;
}

export function requestContext({ logger }: RequestContextOptions): MiddlewareHandler<AppEnv> {
  // A per-process prefix plus a counter: unique ids without a random draw per request.
  const prefix = randomBytes(4).toString('hex');
  let sequence = 0;
  return async function requestContextMiddleware(c, next) {
    sequence += 1;
    const requestId = `${prefix}-${sequence.toString(36)}`;
    const log = logger.child({ requestId });
    c.set('requestId', requestId);
    c.set('log', log);
    const started = performance.now();
    await next();
    // On the finished response's own headers: c.header() after next() makes Hono rebuild the
    // response, which re-encodes its whole body (a fifth of the CPU of serving a cached page).
    c.res.headers.set('X-Request-Id', requestId);
    // No query strings and no bodies in logs: they may carry personal data; link tokens are masked.
    if (log.isLevelEnabled('debug'))
      log.debug(
        {
          method: c.req.method,
          path: redactTokens(c.req.path),
          status: c.res.status,
          ms: Math.round(performance.now() - started),
        },
        'request',
      );
  };
}
