import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';
import { linkFor, openMailroom, useLink, type Mailroom } from './sign-in-mail.js';

describe.each(enginesToTest())('after signing in the organizer goes only to a page of this site on $name', (engine) => {
  const t = useTestApp(engine);
  let mailroom: Mailroom;

  beforeEach(async () => {
    mailroom = await openMailroom(t);
  });
  afterEach(async () => {
    await mailroom?.close();
  });

  it('an anonymous reader of an organizer page is sent to sign in, and comes back to it', async () => {
    for (const page of ['/organize', '/account']) {
      const res = await t.app.request(page);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`/signin?next=${encodeURIComponent(page)}`);
    }
    const form = await (await t.app.request('/signin?next=%2Faccount')).text();
    expect(form).toContain('name="next" value="/account"');
    const path = await linkFor(t, mailroom, 'ana@example.org', { next: '/account' });
    expect((await useLink(t, path)).headers.get('location')).toBe('/account');
  });

  it.for([
    '//evil.example',
    'https://evil.example',
    '/\\evil.example',
    '/\t/evil.example',
    'javascript:alert(1)',
    '\\\\evil.example',
  ])('the next path %j is not followed', async (next) => {
    const form = await (await t.app.request(`/signin?next=${encodeURIComponent(next)}`)).text();
    expect(form).toContain('name="next" value="/organize"');
    const path = await linkFor(t, mailroom, 'ana@example.org', { next });
    const res = await useLink(t, path);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/organize');
  });

  it('a signed-in reader of the sign-in page goes straight on', async () => {
    const cookie =
      (await useLink(t, await linkFor(t, mailroom, 'ana@example.org'))).headers.getSetCookie()[0]?.split(';')[0] ?? '';
    const res = await t.app.request('/signin?next=%2Faccount', { headers: { Cookie: cookie } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/account');
  });
});
