import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getAs, postFormAs, signedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { createTestApp, postForm, type TestApp } from '../support/test-app.js';
import { createSession } from '../../src/accounts/session-store.js';
import { linkFor, openMailroom, sessionCookieFrom } from './sign-in-mail.js';
import { copy } from '../support/copy.js';

describe.each(enginesToTest())('signing out on $name', (engine) => {
  let t: TestApp;

  beforeEach(async (ctx) => {
    if (engine.skipReason !== undefined) ctx.skip();
    t = await createTestApp(engine);
  });
  afterEach(async () => {
    await t?.close();
  });

  it('signing out ends this session and clears the cookie', async () => {
    const ana = await signedIn(t);
    const res = await postFormAs(t, ana, '/signout', {}, { 'Accept-Language': 'en' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/signin?out=1');
    const cleared = res.headers.getSetCookie().find((c) => c.startsWith('firma_session=')) ?? '';
    expect(cleared).toMatch(/Max-Age=0/);
    expect((await getAs(t, ana, '/account')).status).toBe(303);
    expect(await (await t.app.request('/signin?out=1', { headers: { 'Accept-Language': 'en' } })).text()).toContain(
      copy('en', 'signin.signedOut'),
    );
  });

  it('signing out everywhere ends every session of the user, another browser’s included', async () => {
    const laptop = await signedIn(t, { email: 'ana@example.org' });
    const phone = {
      ...laptop,
      cookie: `firma_session=${await createSession(t.deps.db, laptop.user.id, t.deps.now())}`,
    };
    const someoneElse = await signedIn(t);
    expect((await getAs(t, phone, '/account')).status).toBe(200);

    const res = await postFormAs(t, laptop, '/account/signout-everywhere', {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/signin?out=everywhere');
    expect((await getAs(t, laptop, '/account')).status).toBe(303);
    expect((await getAs(t, phone, '/account')).status).toBe(303);
    expect((await getAs(t, someoneElse, '/account')).status).toBe(200);
  });

  it('signing out everywhere needs a signed-in browser and a form from this site', async () => {
    expect((await postForm(t, '/account/signout-everywhere', {})).status).toBe(403);
    const ana = await signedIn(t);
    const crossSite = await t.app.request('/account/signout-everywhere', {
      method: 'POST',
      headers: { Cookie: ana.cookie, Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    expect((await getAs(t, ana, '/account')).status).toBe(200);
  });

  it('on https the session cookie is __Host-firma_session: Secure, path /, no domain; it signs in and out', async () => {
    await t.close();
    t = await createTestApp(engine, { env: { BASE_URL: 'https://firma.example.org' } });
    const mailroom = await openMailroom(t);
    try {
      const path = await linkFor(t, mailroom, 'ana@example.org', { headers: { Origin: 'https://firma.example.org' } });
      const res = await postForm(t, path, {}, { Origin: 'https://firma.example.org' });
      expect(res.status).toBe(303);
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-firma_session=')) ?? '';
      expect(cookie).toContain('Secure');
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('SameSite=Lax');
      expect(cookie).toContain('Path=/');
      expect(cookie).not.toMatch(/Domain=/i);
      expect(sessionCookieFrom(res)).toMatch(/^__Host-firma_session=[A-Za-z0-9_-]{43}$/);
      expect((await t.app.request('/account', { headers: { Cookie: sessionCookieFrom(res) } })).status).toBe(200);
      // The unprefixed name is not read on https: a cookie set by a sibling host or over http does nothing.
      const plain = sessionCookieFrom(res).replace('__Host-', '');
      expect((await t.app.request('/account', { headers: { Cookie: plain } })).status).toBe(303);
      const out = await postForm(
        t,
        '/signout',
        {},
        { Origin: 'https://firma.example.org', Cookie: sessionCookieFrom(res) },
      );
      expect(out.headers.getSetCookie().find((c) => c.startsWith('__Host-firma_session=')) ?? '').toContain('Secure');
      expect((await t.app.request('/account', { headers: { Cookie: sessionCookieFrom(res) } })).status).toBe(303);
    } finally {
      await mailroom.close();
    }
  });
});
