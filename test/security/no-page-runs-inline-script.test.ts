import fs from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getAs } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { postForm, validSignature, useTestApp } from '../support/test-app.js';
import { fillPath, registeredRoutes } from './app-routes.js';
import { attackScene, type Scene } from './attack-scene.js';
import { unsafeMarkup } from './html-safety.js';

// A walk over every route the app registers: it grows with the app and runs slower on a loaded machine than one
// test's usual 30 s allow.
vi.setConfig({ testTimeout: 180_000 });

describe('the markup checker', () => {
  it('finds what a page must never contain, and passes what Firma writes', () => {
    const bad = [
      '<script>alert(1)</script>',
      '<script src="https://cdn.example/x.js"></script>',
      '<img src=x onerror=alert(1)>',
      '<img src="x" onerror="alert(1)">',
      '<a href="javascript:alert(1)">x</a>',
      '<a href="&#106;avascript:alert(1)">x</a>',
      '<a href=" java\tscript:alert(1)">x</a>',
      '<iframe src="/"></iframe>',
      '<div style="color:red">x</div>',
      '<svg onload="alert(1)"></svg>',
      '<object data="data:text/html,x"></object>',
      '<meta http-equiv="refresh" content="0;url=https://evil.example">',
      '<a href="https://evil.example" target="_blank">x</a>',
    ];
    for (const html of bad)
      expect(unsafeMarkup(`<!doctype html><html><body>${html}</body></html>`), html).not.toEqual([]);
    const good =
      '<!doctype html><html lang="en"><head><script src="/static/firma.js" defer=""></script><meta http-equiv="refresh" content="5;url=/admin"></head><body><p class="x">&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img onerror=x&gt;</p><input value="&quot; onmouseover=&quot;x" /><a href="/en/p/x">ok</a><a href="https://wa.me/?text=x" rel="noopener noreferrer" target="_blank">share</a><img src="data:image/png;base64,AAAA" alt="" /><!-- a comment --></body></html>';
    expect(unsafeMarkup(good)).toEqual([]);
  });

  it('the site’s own scripts never build markup from strings or evaluate code', () => {
    for (const file of fs.readdirSync(new URL('../../public/', import.meta.url)).filter((f) => f.endsWith('.js'))) {
      const source = fs.readFileSync(new URL(`../../public/${file}`, import.meta.url), 'utf8');
      expect(source, file).not.toMatch(
        /\beval\s*\(|new\s+Function\s*\(|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write|setTimeout\s*\(\s*['"`]/,
      );
    }
  });
});

describe.each(enginesToTest())('no page runs inline script on $name', (engine) => {
  const t = useTestApp(engine);
  let scene: Scene;
  beforeEach(async () => {
    scene = await attackScene(t);
  });

  it('every page the app registers, in both languages and for every kind of visitor, has no inline script, handler, javascript: URL, frame or new-tab link without noopener', async () => {
    const gets = registeredRoutes(t).filter((r) => r.method === 'GET');
    let pages = 0;
    for (const locale of ['en', 'es']) {
      for (const route of gets) {
        const path = fillPath(route.pattern, { ...scene.params, locale });
        for (const [who, res] of [
          ['anonymous', await t.app.request(path, { headers: { 'Accept-Language': locale } })],
          ['the owner', await getAs(t, scene.owner, path, { 'Accept-Language': locale })],
          ['an admin', await getAs(t, scene.admin, path, { 'Accept-Language': locale })],
        ] as const) {
          expect(res.status, `${path} as ${who}`).toBeLessThan(500);
          if (!(res.headers.get('content-type') ?? '').startsWith('text/html')) continue;
          pages += 1;
          expect(unsafeMarkup(await res.text()), `${path} as ${who}`).toEqual([]);
        }
      }
    }
    // Error pages and a form sent back with its mistakes too.
    for (const res of [
      await t.app.request('/no/such/page'),
      await postForm(t, '/en/p/attacked/sign', validSignature({ email: 'not-an-email', name: '' })),
      await postForm(t, '/es/p/attacked/embed/sign', validSignature({ postal_code: 'abc' })),
      await t.app.request('/en/p/attacked/sign', { method: 'POST', headers: { Origin: 'https://evil.example' } }),
    ]) {
      pages += 1;
      expect(unsafeMarkup(await res.text())).toEqual([]);
    }
    expect(pages).toBeGreaterThan(100);
  });
});
