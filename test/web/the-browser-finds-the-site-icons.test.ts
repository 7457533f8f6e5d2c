// Every browser asks for /favicon.ico on a first visit, and a phone for the home-screen icon: both answer,
// as the images they say they are, with caching; every page links them and the web app manifest, whose
// icons answer too. (A 404 here is logged as an error by every browser on every first visit.)
import { describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(bytes: Uint8Array): [number, number] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
  return [view.getUint32(16), view.getUint32(20)];
}

describe.each(enginesToTest())('the site’s icons on $name', (engine) => {
  const t = useTestApp(engine);

  it('/favicon.ico is an icon with 16, 32 and 48 pixel images, cached for a day', async () => {
    const res = await t.app.request('/favicon.ico');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/x-icon');
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
    const bytes = new Uint8Array(await res.arrayBuffer());
    const view = new DataView(bytes.buffer);
    expect([view.getUint16(0, true), view.getUint16(2, true)]).toEqual([0, 1]); // reserved, type icon
    const count = view.getUint16(4, true);
    const sizes = Array.from({ length: count }, (_, i) => bytes[6 + 16 * i]);
    expect(sizes).toEqual([16, 32, 48]);
    // Each entry points at a whole PNG of its size inside the file.
    for (let i = 0; i < count; i++) {
      const length = view.getUint32(6 + 16 * i + 8, true);
      const offset = view.getUint32(6 + 16 * i + 12, true);
      expect(pngSize(bytes.slice(offset, offset + length))).toEqual([sizes[i], sizes[i]]);
    }
  });

  it('the home-screen icon is a 180 pixel PNG, at the address iOS asks for without a link', async () => {
    for (const path of ['/apple-touch-icon.png', '/apple-touch-icon-precomposed.png']) {
      const res = await t.app.request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(pngSize(new Uint8Array(await res.arrayBuffer()))).toEqual([180, 180]);
    }
  });

  it('every page links the icons and the manifest, and the manifest’s icons answer at their sizes', async () => {
    const { slug } = await makePetition(t.deps.db);
    for (const page of ['/', `/p/${slug}`, '/es/privacy']) {
      const html = await (await t.app.request(page)).text();
      expect(html).toContain('<link rel="icon" href="/favicon.ico" sizes="48x48"/>');
      expect(html).toContain('<link rel="apple-touch-icon" href="/apple-touch-icon.png"/>');
      expect(html).toContain('<link rel="manifest" href="/manifest.webmanifest"/>');
    }
    const res = await t.app.request('/manifest.webmanifest');
    expect(res.headers.get('content-type')).toBe('application/manifest+json');
    const manifest = (await res.json()) as { name: string; icons: { src: string; sizes: string; type: string }[] };
    expect(manifest.name).toBe('Firma');
    for (const icon of manifest.icons) {
      const image = await t.app.request(icon.src);
      expect(image.status, icon.src).toBe(200);
      if (icon.type === 'image/png') {
        const [w, h] = pngSize(new Uint8Array(await image.arrayBuffer()));
        expect(`${w}x${h}`).toBe(icon.sizes);
      }
    }
  });
});
