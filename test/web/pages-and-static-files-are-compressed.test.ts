// Pages and static files are sent compressed to a reader who accepts it, brotli first, and as they are to one
// who does not; the petition page keeps its ETag and 304s per encoding; the whole petition page, with its
// stylesheet and script, transfers in under 15 KB.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEMO_SLUG } from '../../src/demo/ct-trust-act.js';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

const BROWSER = 'gzip, deflate, br, zstd';

async function bytes(res: Response): Promise<Buffer> {
  return Buffer.from(await res.arrayBuffer());
}

describe.each(enginesToTest())('compression on $name', (engine) => {
  const t = useTestApp(engine);

  it('the petition page: brotli for a browser, gzip where only gzip is accepted, the same page either way', async () => {
    const { slug } = await makePetition(t.deps.db);
    const plain = await t.app.request(`/p/${slug}`);
    expect(plain.headers.get('content-encoding')).toBeNull();
    const html = (await bytes(plain)).toString('utf8');
    expect(html).toContain('<!doctype html>');

    const br = await t.app.request(`/p/${slug}`, { headers: { 'Accept-Encoding': BROWSER } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toMatch(/Accept-Encoding/);
    const brBody = await bytes(br);
    expect(brotliDecompressSync(brBody).toString('utf8')).toBe(html);
    expect(brBody.length).toBeLessThan(Buffer.byteLength(html) / 2);

    const gz = await t.app.request(`/p/${slug}`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(await bytes(gz)).toString('utf8')).toBe(html);

    // q=0 refuses an encoding; an unknown one alone gets the page as it is.
    const refused = await t.app.request(`/p/${slug}`, { headers: { 'Accept-Encoding': 'br;q=0, gzip' } });
    expect(refused.headers.get('content-encoding')).toBe('gzip');
    const identity = await t.app.request(`/p/${slug}`, { headers: { 'Accept-Encoding': 'identity' } });
    expect(identity.headers.get('content-encoding')).toBeNull();
  });

  it('each encoding has its own ETag, and each answers If-None-Match with a 304', async () => {
    const { slug } = await makePetition(t.deps.db);
    const plain = await t.app.request(`/p/${slug}`);
    const br = await t.app.request(`/p/${slug}`, { headers: { 'Accept-Encoding': BROWSER } });
    const plainTag = plain.headers.get('etag') ?? '';
    const brTag = br.headers.get('etag') ?? '';
    expect(brTag).toMatch(/-br"$/);
    expect(brTag).not.toBe(plainTag);
    const again = await t.app.request(`/p/${slug}`, {
      headers: { 'Accept-Encoding': BROWSER, 'If-None-Match': brTag },
    });
    expect(again.status).toBe(304);
    const plainAgain = await t.app.request(`/p/${slug}`, { headers: { 'If-None-Match': plainTag } });
    expect(plainAgain.status).toBe(304);
    // A validator of the other encoding does not match: the reader gets the representation it can read.
    const crossed = await t.app.request(`/p/${slug}`, {
      headers: { 'Accept-Encoding': BROWSER, 'If-None-Match': plainTag },
    });
    expect(crossed.status).toBe(200);
  });

  it('a page reached through a share link is compressed with its source in the form', async () => {
    const { slug } = await makePetition(t.deps.db);
    const res = await t.app.request(`/p/${slug}?source=whatsapp`, { headers: { 'Accept-Encoding': BROWSER } });
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(await bytes(res)).toString('utf8')).toContain(
      '<input type="hidden" name="source" value="whatsapp"/>',
    );
  });

  it('static files: compressed once, the same bytes each time, with 304s', async () => {
    const first = await t.app.request('/static/firma.css', { headers: { 'Accept-Encoding': BROWSER } });
    expect(first.headers.get('content-encoding')).toBe('br');
    expect(first.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const body = await bytes(first);
    const plain = await bytes(await t.app.request('/static/firma.css'));
    expect(brotliDecompressSync(body).equals(plain)).toBe(true);
    const second = await bytes(await t.app.request('/static/firma.css', { headers: { 'Accept-Encoding': BROWSER } }));
    expect(second.equals(body)).toBe(true);
    const tag = first.headers.get('etag') ?? '';
    const revalidated = await t.app.request('/static/firma.css', {
      headers: { 'Accept-Encoding': BROWSER, 'If-None-Match': tag },
    });
    expect(revalidated.status).toBe(304);
    // Images are sent as they are; a file that is not there is a 404.
    const icon = await t.app.request('/static/icon-192.png', { headers: { 'Accept-Encoding': BROWSER } });
    expect(icon.headers.get('content-encoding')).toBeNull();
    expect((await t.app.request('/static/no-such-file.css')).status).toBe(404);
  });

  it('other pages are gzipped as they are sent', async () => {
    const res = await t.app.request('/p/no-such-petition', { headers: { 'Accept-Encoding': BROWSER } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(await bytes(res)).toString('utf8')).toContain('<!doctype html>');
  });

  it('the demo petition’s page with its stylesheet and script transfers in under 15 KB', async () => {
    await seedDemo(t.deps.db, { now: t.deps.now() });
    const sizes = await Promise.all(
      [`/p/${DEMO_SLUG}`, '/static/firma.css', '/static/firma.js'].map(async (path) => {
        const res = await t.app.request(path, { headers: { 'Accept-Encoding': BROWSER } });
        return (await bytes(res)).length;
      }),
    );
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(15 * 1024);
  });
});
