// A rendered body with its ETag, served with a short shared-cache lifetime and 304s for revalidation. A page
// with a sign form is rendered once for every referral source: the form's hidden source field is a slot filled
// in as the page is sent, so a source no one has used before costs no rendering and no memory.
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { Context } from 'hono';

export interface CachedBody {
  /** Encoded once: sending a string would UTF-8 encode it again for every reader. */
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  contentType: string;
  /** The body split where the sign form's source field goes (body is the two halves, without a source). */
  sourceSlot?: { before: Uint8Array<ArrayBuffer>; after: Uint8Array<ArrayBuffer> };
  /**
   * Compressed copies, made on the first request that accepts each encoding and kept as long as the body
   * (a second under load): by source ('' for none), then encoding.
   */
  encoded?: Map<string, Partial<Record<Encoding, Uint8Array<ArrayBuffer>>>>;
}

export type Encoding = 'br' | 'gzip';
/** Sources whose compressed pages are kept per body; others are sent compressed but not kept. */
const ENCODED_SOURCES_KEPT = 16;

/**
 * The encoding to send for an Accept-Encoding header: brotli, else gzip, when the reader accepts it (q > 0,
 * or by `*`); undefined for none. Browsers send "gzip, deflate, br, zstd".
 */
export function chooseEncoding(header: string | undefined): Encoding | undefined {
  if (header === undefined || header === '') return undefined;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const weight = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    q.set(name.trim(), weight === undefined ? 1 : Number(weight));
  }
  const accepts = (name: string) => (q.get(name) ?? q.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return undefined;
}

/** Brotli at quality 5 and gzip at level 6: a 14 KB page in about a millisecond, to a quarter of its size. */
export function compress(body: Uint8Array, encoding: Encoding): Uint8Array<ArrayBuffer> {
  const out =
    encoding === 'br'
      ? brotliCompressSync(body, {
          params: {
            [zlib.BROTLI_PARAM_QUALITY]: 5,
            [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
            [zlib.BROTLI_PARAM_SIZE_HINT]: body.length,
          },
        })
      : gzipSync(body, { level: 6 });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength) as Uint8Array<ArrayBuffer>;
}

/** Bodies shorter than this are sent as they are: compressing them saves less than its headers cost. */
const COMPRESS_FROM_BYTES = 1024;

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

/** Whether an If-None-Match header names this ETag (weakly: a proxy may have weakened it). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  return ifNoneMatch !== undefined && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
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

/** The body in `encoding`, compressed once per cached body and source (a few sources kept). */
function encodedBody(
  cached: CachedBody,
  source: string | undefined,
  body: Uint8Array<ArrayBuffer>,
  encoding: Encoding,
): Uint8Array<ArrayBuffer> {
  const key = body === cached.body ? '' : (source ?? '');
  cached.encoded ??= new Map();
  let copies = cached.encoded.get(key);
  if (copies === undefined) {
    copies = {};
    if (cached.encoded.size < ENCODED_SOURCES_KEPT) cached.encoded.set(key, copies);
  }
  return (copies[encoding] ??= compress(body, encoding));
}

/** One representation of a resource: the plain body or a compressed copy, each with an ETag of its own. */
export interface Representation {
  /** The plain body's ETag; a compressed copy's is derived from it. */
  etag: string;
  encoding: Encoding | undefined;
  contentType: string;
  /** Cache-Control and whatever else the answer carries (a Vary here replaces the default). */
  headers: Record<string, string>;
  /** The bytes to send, asked for only when they are sent (not for a 304). */
  body: () => Uint8Array<ArrayBuffer>;
}

/** Sends a representation, or a 304 when the reader already has it (If-None-Match). */
export function sendRepresentation(c: Context, r: Representation): Response {
  const etag = r.encoding === undefined ? r.etag : `${r.etag.slice(0, -1)}-${r.encoding}"`;
  const headers: Record<string, string> = { ETag: etag, Vary: 'Accept-Encoding', ...r.headers };
  if (matchesEtag(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers);
  return c.body(r.body(), 200, {
    ...headers,
    'Content-Type': r.contentType,
    ...(r.encoding === undefined ? {} : { 'Content-Encoding': r.encoding }),
  });
}

export function sendCached(
  c: Context,
  cached: CachedBody,
  extraHeaders: Record<string, string> = {},
  source?: string,
): Response {
  const { body, etag } = forSource(cached, source);
  const encoding = body.length >= COMPRESS_FROM_BYTES ? chooseEncoding(c.req.header('accept-encoding')) : undefined;
  return sendRepresentation(c, {
    etag,
    encoding,
    contentType: cached.contentType,
    headers: { 'Cache-Control': SHORT_CACHE, ...extraHeaders },
    body: () => (encoding === undefined ? body : encodedBody(cached, source, body, encoding)),
  });
}
