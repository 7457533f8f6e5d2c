// Answers as HAL+JSON, OSDI's media type; never cached (an answer carries what only the key's owner may read).
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export function hal(c: Context, body: unknown, status: ContentfulStatusCode = 200) {
  return c.body(JSON.stringify(body), status, {
    'Content-Type': 'application/hal+json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
}

/** This request's address on the site's own base URL (what a link back to it says). */
export function selfUrl(c: Context, baseUrl: string): string {
  const url = new URL(c.req.url);
  return `${baseUrl}${url.pathname}${url.search}`;
}
