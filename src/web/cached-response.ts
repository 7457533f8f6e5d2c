// A rendered body with its ETag, served with a short shared-cache lifetime and 304s for revalidation.
import { createHash } from 'node:crypto';
import type { Context } from 'hono';

export interface CachedBody {
  /** Encoded once: sending a string would UTF-8 encode it again for every reader. */
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  contentType: string;
}

export function cachedBody(body: string, contentType: string): CachedBody {
  const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`;
  return { body: new TextEncoder().encode(body), etag, contentType };
}

/** Proxies may keep it one second and serve it a few more while they fetch a fresh one. */
export const SHORT_CACHE = 'public, max-age=1, stale-while-revalidate=5';

export function sendCached(c: Context, cached: CachedBody, extraHeaders: Record<string, string> = {}): Response {
  const headers: Record<string, string> = { ETag: cached.etag, 'Cache-Control': SHORT_CACHE, ...extraHeaders };
  const inm = c.req.header('if-none-match');
  if (inm !== undefined && inm.split(',').some((tag) => tag.trim().replace(/^W\//, '') === cached.etag)) {
    return c.body(null, 304, headers);
  }
  return c.body(cached.body, 200, { ...headers, 'Content-Type': cached.contentType });
}
