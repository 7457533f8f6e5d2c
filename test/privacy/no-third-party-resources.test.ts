import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signerToken } from '../../src/platform/tokens/signer-token.js';
import { getAs, signedIn, type SignedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition, makeSignature, TEST_SECRET } from '../support/factories.js';
import { createTestApp, postForm, TEST_ORIGIN, validSignature, type TestApp } from '../support/test-app.js';
import { cssUrls, isOtherOrigin, isPlainLink, referencesIn, type Reference } from './page-references.js';

const PUBLIC_DIR = path.resolve('public');

/** Every GET route of the app, with its parameters filled in from `values` (one path per locale). */
function everyGetPath(t: TestApp, values: Record<string, string>): string[] {
  const paths = new Set<string>();
  for (const route of t.app.routes) {
    if (route.method !== 'GET' || route.path.includes('*')) continue;
    for (const locale of ['en', 'es']) {
      const filled = route.path.replace(/:(\w+)(\{(?:[^{}]|\{[^{}]*\})*\})?/g, (_m, name: string) =>
        name === 'locale' ? locale : (values[name] ?? '1'),
      );
      paths.add(filled);
    }
  }
  // Files and data (PDF, CSV, images, JSON) are not pages.
  return [...paths].filter((p) => !/\.(pdf|csv|png|svg|json)$/.test(p)).sort();
}

describe.each(enginesToTest())('no page loads anything from another origin, on $name', (engine) => {
  let t: TestApp;
  let admin: SignedIn;
  const visited: { who: string; path: string; status: number; html: string }[] = [];

  beforeAll(async () => {
    if (engine.skipReason !== undefined) return;
    t = await createTestApp(engine);
    admin = await signedIn(t, { role: 'admin' });
    const { id, slug } = await makePetition(t.deps.db, {
      slug: 'test-petition',
      ownerId: admin.user.id,
      organizer: { name: 'Ana', email: 'ana@example.org' },
    });
    await makeSignature(t.deps.db, id, { name: 'Rosa Martínez', email: 'rosa@example.org', comment: 'Sí, se puede' });
    const { token_salt: salt } = await t.deps.db
      .selectFrom('signatures')
      .select('token_salt')
      .where('petition_id', '=', id)
      .executeTakeFirstOrThrow();
    const token = signerToken(TEST_SECRET, salt ?? '');
    const paths = everyGetPath(t, { id: String(id), slug, token, file: `${slug}.json` });
    for (const p of [...paths, '/p/no-such-petition', '/nowhere']) {
      for (const [who, request] of [
        ['anonymous', () => t.app.request(p)],
        ['admin', () => getAs(t, admin, p)],
      ] as const) {
        const res = await request();
        if (!(res.headers.get('content-type') ?? '').startsWith('text/html')) continue;
        visited.push({ who, path: p, status: res.status, html: await res.text() });
      }
    }
    // Pages that only a form post shows: the sign form with its mistakes, and thanks.
    const mistakes = await postForm(t, `/es/p/${slug}/sign`, validSignature({ email: 'not-an-address' }));
    visited.push({
      who: 'anonymous',
      path: `POST /es/p/${slug}/sign`,
      status: mistakes.status,
      html: await mistakes.text(),
    });
  }, 120_000);
  afterAll(async () => t?.close());

  it('visits every kind of page', (ctx) => {
    if (engine.skipReason !== undefined) ctx.skip();
    const ok = new Set(visited.filter((v) => v.status === 200).map((v) => v.path));
    for (const page of [
      '/en',
      '/es',
      '/en/p/test-petition',
      '/es/p/test-petition',
      '/en/p/test-petition/thanks',
      '/en/privacy',
      '/es/privacy',
      '/en/p/test-petition/embed',
      '/organize',
      '/organize/new',
      '/admin/privacy',
      '/signin',
      '/account',
    ]) {
      expect(
        [...ok].some((p) => p === page || p.replace(/\d+/g, 'N') === page),
        page,
      ).toBe(true);
    }
    expect([...ok].some((p) => /^\/organize\/\d+\/edit$/.test(p))).toBe(true);
    expect([...ok].some((p) => /^\/organize\/\d+$/.test(p))).toBe(true);
    expect([...ok].some((p) => /^\/(en|es)\/s\/[\w-]+\/withdraw$/.test(p))).toBe(true);
    expect(visited.some((v) => v.status === 404)).toBe(true);
    expect(visited.some((v) => v.status === 422)).toBe(true);
    expect(visited.length).toBeGreaterThan(40);
  });

  it('no src, href, action, srcset or url() points elsewhere, except plain links a reader follows', (ctx) => {
    if (engine.skipReason !== undefined) ctx.skip();
    const offending: (Reference & { page: string })[] = [];
    let links = 0;
    for (const v of visited) {
      for (const ref of referencesIn(v.html)) {
        if (!isOtherOrigin(ref.url, TEST_ORIGIN)) continue;
        if (isPlainLink(ref)) links += 1;
        else offending.push({ ...ref, page: `${v.who} ${v.path}` });
      }
    }
    expect(offending).toEqual([]);
    // The share links (WhatsApp, Facebook, X) are there, and are the plain links allowed above.
    expect(links).toBeGreaterThan(0);
    expect(visited.find((v) => v.path === '/en/p/test-petition')?.html).toContain('href="https://wa.me/');
  });

  it('the stylesheets and scripts fetch nothing from another origin', async (ctx) => {
    if (engine.skipReason !== undefined) ctx.skip();
    for (const file of await readdir(PUBLIC_DIR)) {
      const text = await readFile(path.join(PUBLIC_DIR, file), 'utf8');
      if (file.endsWith('.css'))
        expect(
          cssUrls(text).filter((u) => isOtherOrigin(u, TEST_ORIGIN)),
          file,
        ).toEqual([]);
      if (file.endsWith('.js'))
        expect(text.match(/\b(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s'"`)]*/gi) ?? [], file).toEqual([]);
    }
  });

  it('the checker itself sees what it must catch', (ctx) => {
    if (engine.skipReason !== undefined) ctx.skip();
    const html = `<link rel="stylesheet" href="https://fonts.googleapis.com/css"><script src="//cdn.example/x.js"></script>
      <img srcset="/a.png 1x, https://img.example/b.png 2x"><form action="https://evil.example/collect"></form>
      <div style="background: url('https://track.example/p.gif')"></div><style>@import "https://x.example/y.css";</style>
      <a href="https://wa.me/?text=hi">share</a><a href="mailto:a@b.c">mail</a><img src="data:image/png;base64,AAAA"><a href="/en">home</a>`;
    const refs = referencesIn(html).filter((r) => isOtherOrigin(r.url, TEST_ORIGIN));
    expect(refs.filter((r) => !isPlainLink(r)).map((r) => `${r.tag} ${r.attribute} ${r.url}`)).toEqual([
      'link href https://fonts.googleapis.com/css',
      'script src //cdn.example/x.js',
      'img srcset https://img.example/b.png',
      'form action https://evil.example/collect',
      'div style https://track.example/p.gif',
      'style url() https://x.example/y.css',
    ]);
    expect(refs.filter(isPlainLink).map((r) => r.url)).toEqual(['https://wa.me/?text=hi']);
  });
});
