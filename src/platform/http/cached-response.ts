// A rendered body with its ETag, served with a short shared-cache lifetime and 304s for revalidation. A page
// with a sign form is rendered once for every referral source: the form's hidden source field is a slot filled
// in as the page is sent, so a source no one has used before costs no rendering and no memory.
import { createHash } from 'node:crypto';
import type { Context } from 'hono';

export interface CachedBody {
  /** Encoded once: sending a string would UTF-8 encode it again for every reader. */
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  contentType: string;
  /** The body split where the sign form's source field goes (body is the two halves, without a source). */
  sourceSlot?: { before: Uint8Array<ArrayBuffer>; after: Uint8Array<ArrayBuffer> };
}

/** What a page is rendered with as its source: found in the HTML and cut out (see cachedBody). */
export const SOURCE_SLOT = 'firma-source-slot';
/** What may go into the slot: nothing that needs escaping in an HTML attribute or an ETag (signing/source-code.ts). */
const SAFE_IN_SLOT = /^[a-z0-9_-]{1,64}$/;

const encoder = new TextEncoder();

function etagOf(body: string): string {
  return `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`;
}

export function cachedBody(body: string, contentType: string): CachedBody {
  const at = body.indexOf(`value="${SOURCE_SLOT}"`);
  if (at < 0) return { body: encoder.encode(body), etag: etagOf(body), contentType };
  const start = body.lastIndexOf('<input', at);
  const end = body.indexOf('>', at) + 1;
  const before = encoder.encode(body.slice(0, start));
  const after = encoder.encode(body.slice(end));
  const whole = new Uint8Array(before.length + after.length);
  whole.set(before);
  whole.set(after, before.length);
  return { body: whole, etag: etagOf(body), contentType, sourceSlot: { before, after } };
}

/** Bytes a cached body holds in memory (the response cache is bounded in bytes). */
export function cachedSize(cached: CachedBody): number {
  return (
    cached.body.length +
    (cached.sourceSlot === undefined ? 0 : cached.sourceSlot.before.length + cached.sourceSlot.after.length)
  );
}

/** Proxies may keep it one second and serve it a few more while they fetch a fresh one. */
export const SHORT_CACHE = 'public, max-age=1, stale-while-revalidate=5';

/** The body and ETag for one reader: with their referral source in the form's slot, when the page has one. */
function forSource(cached: CachedBody, source: string | undefined): { body: Uint8Array<ArrayBuffer>; etag: string } {
  if (source === undefined || cached.sourceSlot === undefined || !SAFE_IN_SLOT.test(source)) return cached;
  const field = encoder.encode(`<input type="hidden" name="source" value="${source}"/>`);
  const { before, after } = cached.sourceSlot;
  const body = new Uint8Array(before.length + field.length + after.length);
  body.set(before);
  body.set(field, before.length);
  body.set(after, before.length + field.length);
  return { body, etag: `${cached.etag.slice(0, -1)}-${source}"` };
}

export function sendCached(
  c: Context,
  cached: CachedBody,
  extraHeaders: Record<string, string> = {},
  source?: string,
): Response {
  const { body, etag } = forSource(cached, source);
  const headers: Record<string, string> = { ETag: etag, 'Cache-Control': SHORT_CACHE, ...extraHeaders };
  const inm = c.req.header('if-none-match');
  if (inm !== undefined && inm.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    return c.body(null, 304, headers);
  }
  return c.body(body, 200, { ...headers, 'Content-Type': cached.contentType });
}
