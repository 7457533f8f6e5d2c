import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { linkFor, openMailroom } from '../accounts/sign-in-mail.js';
import { getAs } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { createTestApp, postForm, validSignature, type TestApp } from '../support/test-app.js';
import { fillPath, registeredRoutes } from './app-routes.js';
import { attackScene, type Scene } from './attack-scene.js';

// A walk over every route the app registers: it grows with the app and runs slower on a loaded machine than one
// test's usual 30 s allow.
vi.setConfig({ testTimeout: 180_000 });

const HTTPS_ORIGIN = 'https://firma.example.org';
const EMBED_PATH = /\/p\/[^/]+\/embed(\/|\s|$)/;

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

/** The social card and story picture of a petition. */
const CARD_PATH = /\/p\/[^/]+\/(card|story)\.png/;

function expectHardened(res: Response, what: string) {
  const csp = res.headers.get('content-security-policy');
  expect(csp, what).not.toBeNull();
  const policy = directives(csp ?? '');
  expect(policy.get('default-src'), what).toEqual(["'self'"]);
  expect(policy.get('script-src'), what).toEqual(["'self'"]);
  expect(policy.get('style-src'), what).toEqual(["'self'"]);
  expect(policy.get('object-src'), what).toEqual(["'none'"]);
  expect(policy.get('base-uri'), what).toEqual(["'none'"]);
  expect(policy.get('form-action'), what).toEqual(["'self'"]);
  expect(csp, what).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*\./);
  expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(res.headers.get('referrer-policy'), what).toMatch(/^(strict-origin-when-cross-origin|no-referrer)$/);
  expect(res.headers.get('cross-origin-opener-policy'), what).toBe('same-origin');
  // A petition's social card is made to be shown on other sites (a partner's page), like a link preview.
  const card = CARD_PATH.test(what) && res.status === 200;
  expect(res.headers.get('cross-origin-resource-policy'), what).toBe(card ? 'cross-origin' : 'same-origin');
  const permissions = res.headers.get('permissions-policy') ?? '';
  for (const feature of [
    'camera',
    'microphone',
    'geolocation',
    'payment',
    'usb',
    'browsing-topics',
    'serial',
    'bluetooth',
  ]) {
    expect(permissions, `${what}: ${feature}`).toContain(`${feature}=()`);
  }
  if (EMBED_PATH.test(what)) {
    expect(policy.get('frame-ancestors'), what).toEqual(['*']);
    expect(res.headers.get('x-frame-options'), what).toBeNull();
  } else {
    expect(policy.get('frame-ancestors'), what).toEqual(["'none'"]);
    expect(res.headers.get('x-frame-options'), what).toBe('DENY');
  }
}

describe.each(enginesToTest())('security headers and cookies on $name', (engine) => {
  let t: TestApp;
  let scene: Scene;
  beforeEach(async (ctx) => {
    if (engine.skipReason !== undefined) ctx.skip();
    t = await createTestApp(engine);
    scene = await attackScene(t);
  });
  afterEach(async () => t?.close());

  it('every page the app registers, and its error pages, sends the strict CSP and the other headers (no HSTS over http)', async () => {
    const paths = registeredRoutes(t)
      .filter((r) => r.method === 'GET')
      .map((r) => fillPath(r.pattern, scene.params));
    expect(paths.length).toBeGreaterThan(25);
    const responses: [string, Response][] = [];
    for (const path of paths) responses.push([path, await getAs(t, scene.admin, path)]);
    for (const path of paths) responses.push([`${path} (anonymous)`, await t.app.request(path)]);
    responses.push(['/static/firma.js', await t.app.request('/static/firma.js')]);
    responses.push(['/healthz', await t.app.request('/healthz')]);
    responses.push(['a 404', await t.app.request('/no/such/page')]);
    responses.push([
      'a cross-site 403',
      await t.app.request('/en/p/attacked/sign', { method: 'POST', headers: { Origin: 'https://evil.example' } }),
    ]);
    responses.push([
      'a 413',
      await postForm(t, '/en/p/attacked/sign', validSignature({ comment: 'x'.repeat(20_000) })),
    ]);
    responses.push(['a 422', await postForm(t, '/en/p/attacked/sign', validSignature({ email: 'nope' }))]);
    for (const [what, res] of responses) {
      expect(res.status, what).toBeLessThan(500);
      expectHardened(res, what);
      expect(res.headers.get('strict-transport-security'), what).toBeNull();
    }
    // The embed is among them, and still frameable.
    expect(responses.some(([what]) => EMBED_PATH.test(what))).toBe(true);
  });

  it('no page with an organizer’s, a moderator’s or a signer’s data may be kept by a shared cache', async () => {
    const personal = registeredRoutes(t)
      .filter(
        (r) => r.method === 'GET' && /^\/(organize|admin|moderate|account|signin\/)|\/s\/:token\//.test(r.pattern),
      )
      .map((r) => fillPath(r.pattern, scene.params));
    expect(personal.length).toBeGreaterThan(20);
    for (const path of personal) {
      const res = await getAs(t, scene.admin, path);
      expect(res.headers.get('cache-control'), path).toMatch(/\b(no-store|private)\b/);
    }
  });

  it('behind https every response carries HSTS', async () => {
    await t.close();
    t = await createTestApp(engine, { env: { BASE_URL: HTTPS_ORIGIN } });
    scene = await attackScene(t);
    for (const path of [
      '/',
      '/en/p/attacked',
      '/p/attacked.json',
      '/en/p/attacked/embed',
      '/signin',
      '/no/such/page',
    ]) {
      const res = await t.app.request(`${HTTPS_ORIGIN}${path}`);
      expect(res.headers.get('strict-transport-security'), path).toBe('max-age=31536000; includeSubDomains');
      expectHardened(res, path);
    }
  });

  it('the language cookie is HttpOnly and SameSite=Lax, and Secure only behind https', async () => {
    const plain =
      (await t.app.request('/lang/es?next=/')).headers.getSetCookie().find((c) => c.startsWith('lang=')) ?? '';
    expect(plain).toMatch(/^lang=es;/);
    expect(plain).toContain('HttpOnly');
    expect(plain).toContain('SameSite=Lax');
    expect(plain).not.toContain('Secure');
    await t.close();
    t = await createTestApp(engine, { env: { BASE_URL: HTTPS_ORIGIN } });
    const secure =
      (await t.app.request(`${HTTPS_ORIGIN}/lang/en?next=/`)).headers
        .getSetCookie()
        .find((c) => c.startsWith('lang=')) ?? '';
    expect(secure).toContain('Secure');
    expect(secure).toContain('HttpOnly');
    expect(secure).toContain('SameSite=Lax');
  });

  it('the session cookie is HttpOnly and SameSite=Lax, not Secure over http, and no public page sets a cookie', async () => {
    const mailroom = await openMailroom(t);
    try {
      const path = await linkFor(t, mailroom, 'ana@example.org');
      const res = await postForm(t, path, {});
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('firma_session=')) ?? '';
      expect(cookie).toMatch(/^firma_session=[A-Za-z0-9_-]{43};/);
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('SameSite=Lax');
      expect(cookie).toContain('Path=/');
      expect(cookie).not.toContain('Secure');
    } finally {
      await mailroom.close();
    }
    for (const path of [
      '/',
      '/en/p/attacked',
      '/es/p/attacked',
      '/p/attacked.json',
      '/en/p/attacked/embed',
      '/en/p/attacked/thanks',
    ]) {
      expect((await t.app.request(path)).headers.getSetCookie(), path).toEqual([]);
    }
    expect((await postForm(t, '/en/p/attacked/sign', validSignature())).headers.getSetCookie()).toEqual([]);
  });
});
