import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';
import { linkFor, openMailroom, useLink, type Mailroom } from './sign-in-mail.js';
import { copy } from '../support/copy.js';

describe.each(enginesToTest())('sign-in links that cannot be used fail clearly on $name', (engine) => {
  const t = useTestApp(engine);
  let mailroom: Mailroom;

  beforeEach(async () => {
    mailroom = await openMailroom(t);
  });
  afterEach(async () => {
    await mailroom?.close();
  });

  it('a link past its 20 minutes says it expired, and signs no one in', async () => {
    const path = await linkFor(t, mailroom, 'ana@example.org');
    t.advance(20 * 60_000 + 1);
    const opened = await t.app.request(path, { headers: { 'Accept-Language': 'en' } });
    expect(opened.status).toBe(410);
    expect(await opened.text()).toContain(copy('en', 'signin.expired.title'));
    const used = await useLink(t, path);
    expect(used.status).toBe(410);
    expect(used.headers.getSetCookie()).toEqual([]);
    expect(await used.text()).toContain('href="/signin"');
    expect(await t.deps.db.selectFrom('users').select('id').execute()).toEqual([]);
  });

  it('a link still works a moment before it expires', async () => {
    const path = await linkFor(t, mailroom, 'ana@example.org');
    t.advance(20 * 60_000 - 1000);
    expect((await useLink(t, path)).status).toBe(303);
  });

  it('a forged token of the right shape is not found, in the reader’s language', async () => {
    await linkFor(t, mailroom, 'ana@example.org');
    const forged = `/signin/${'A'.repeat(43)}`;
    const opened = await t.app.request(forged, { headers: { 'Accept-Language': 'es' } });
    expect(opened.status).toBe(404);
    const html = await opened.text();
    expect(html).toContain(copy('es', 'link.invalid.title'));
    expect(html).toContain(copy('es', 'signin.sent.again'));
    expect((await useLink(t, forged)).status).toBe(404);
  });

  it('malformed tokens are answered with the same page, never a 500', async () => {
    for (const token of ['short', 'x'.repeat(500), '%00%00', 'a%2Fb', `${'A'.repeat(42)}!`]) {
      const opened = await t.app.request(`/signin/${token}`, { headers: { 'Accept-Language': 'en' } });
      expect(opened.status, token).toBe(404);
      expect(await opened.text()).toContain(copy('en', 'signin.invalid.title'));
      expect((await useLink(t, `/signin/${token}`)).status, token).toBe(404);
    }
  });

  it('a link for a signed-out browser is refused when posted from another site', async () => {
    const path = await linkFor(t, mailroom, 'ana@example.org');
    const res = await t.app.request(path, {
      method: 'POST',
      headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
    });
    expect(res.status).toBe(403);
    // Still usable by its owner.
    expect((await useLink(t, path)).status).toBe(303);
  });
});
