// A petition's picture files, for its pages: from Firma's own origin (the CSP allows only 'self' images), only
// while the petition is public and the picture is not hidden, and only at its current version's address.
import { Hono } from 'hono';
import type { Deps } from '../../deps.js';
import { readPictureFile } from '../../petitions/picture-store.js';
import { isVisible, publicPicture } from '../../petitions/petition.js';
import { matchesEtag } from '../../platform/http/cached-response.js';
import { createTtlCache } from '../../platform/http/ttl-cache.js';
import type { AppEnv } from '../env.js';
import { notFound } from '../middleware/require-user.js';

/** Files read from the database are kept a minute, up to 24 MB: a shared petition's page loads them often. */
const FILE_TTL_MS = 60_000;
const FILE_BYTES = 24 * 1024 * 1024;
/**
 * An hour, not for good, though the address changes with the picture: a picture a moderator hides must leave
 * shared caches too.
 */
const PICTURE_CACHE_CONTROL = 'public, max-age=3600';

export function pictureRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const files = createTtlCache<Uint8Array | undefined>(FILE_TTL_MS, () => deps.now().getTime(), {
    maxBytes: FILE_BYTES,
    sizeOf: (bytes) => bytes?.byteLength ?? 0,
  });

  app.get('/pictures/:id{[0-9]{1,9}}/:version{[A-Za-z0-9_-]{1,32}}/:file{[0-9]{1,5}\\.(?:webp|jpg)}', async (c) => {
    const id = Number(c.req.param('id'));
    const version = c.req.param('version');
    const [widthText = '', extension] = c.req.param('file').split('.');
    const format = extension === 'webp' ? 'webp' : 'jpeg';
    const width = Number(widthText);
    const petition = await deps.petitions.byId(id);
    const picture = petition === undefined || !isVisible(petition) ? undefined : publicPicture(petition);
    if (picture?.version !== version || !picture.files.some((f) => f.format === format && f.width === width))
      return notFound(c);
    const etag = `"${version}-${width}-${format}"`;
    const headers = { 'Cache-Control': PICTURE_CACHE_CONTROL, ETag: etag };
    if (matchesEtag(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers);
    const bytes = await files.get(`${id}|${version}|${format}|${width}`, () =>
      readPictureFile(deps.db, id, version, format, width),
    );
    if (bytes === undefined) return notFound(c);
    return c.body(new Uint8Array(bytes), 200, { ...headers, 'Content-Type': `image/${format}` });
  });

  return app;
}
