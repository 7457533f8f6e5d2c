// /static/*: the stylesheet, scripts and icons under public/. Read once per process, each text file compressed
// once (brotli at its best, and gzip) and never per request; sent by Accept-Encoding with an ETag, 304s and
// an hour's caching. The whole folder is some 50 KB.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { chooseEncoding, sendRepresentation, type Encoding } from '../platform/http/cached-response.js';
import type { AppEnv } from './env.js';

const TYPES: Record<string, { type: string; text: boolean }> = {
  '.css': { type: 'text/css; charset=utf-8', text: true },
  '.js': { type: 'text/javascript; charset=utf-8', text: true },
  '.svg': { type: 'image/svg+xml', text: true },
  '.png': { type: 'image/png', text: false },
  '.ico': { type: 'image/x-icon', text: false },
};

export interface StaticFile {
  type: string;
  etag: string;
  body: Uint8Array<ArrayBuffer>;
  encoded: Partial<Record<Encoding, Uint8Array<ArrayBuffer>>>;
}

const bytes = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength) as Uint8Array<ArrayBuffer>;

function readFiles(dir: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  for (const name of fs.readdirSync(dir)) {
    const kind = TYPES[path.extname(name)];
    const full = path.join(dir, name);
    if (kind === undefined || !fs.statSync(full).isFile()) continue;
    const body = fs.readFileSync(full);
    const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`;
    const encoded: StaticFile['encoded'] = {};
    if (kind.text) {
      const br = brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } });
      const gzip = gzipSync(body, { level: 9 });
      // Kept only where they are smaller.
      if (br.length < body.length) encoded.br = bytes(br);
      if (gzip.length < body.length) encoded.gzip = bytes(gzip);
    }
    files.set(`/static/${name}`, { type: kind.type, etag, body: bytes(body), encoded });
  }
  return files;
}

/** One read per folder per process (tests build many apps). */
const folders = new Map<string, Map<string, StaticFile>>();

/** The files of public/, read and compressed once per process; keyed by their /static/ path. */
export function staticFiles(publicDir: string): ReadonlyMap<string, StaticFile> {
  let files = folders.get(publicDir);
  if (files === undefined) folders.set(publicDir, (files = readFiles(publicDir)));
  return files;
}

export function staticFileRoutes(publicDir: string) {
  const app = new Hono<AppEnv>();
  const known = staticFiles(publicDir);
  app.get('/static/:name', (c, next) => {
    const file = known.get(c.req.path);
    if (file === undefined) return next();
    const wanted = chooseEncoding(c.req.header('accept-encoding'));
    const encoding = wanted !== undefined && file.encoded[wanted] !== undefined ? wanted : undefined;
    return sendRepresentation(c, {
      etag: file.etag,
      encoding,
      contentType: file.type,
      headers: { 'Cache-Control': 'public, max-age=3600' },
      body: () => (encoding === undefined ? file.body : (file.encoded[encoding] ?? file.body)),
    });
  });
  return app;
}
