import { describe, expect, it } from 'vitest';
import { findUserById } from '../../src/accounts/user-store.js';
import { getAs, postFormAs, signedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';
import { copy } from '../support/copy.js';

describe.each(enginesToTest())('an organizer sets a display name on $name', (engine) => {
  const t = useTestApp(engine);

  it('the account page shows the email, role and name, and saves a new name', async () => {
    const ana = await signedIn(t, { email: 'ana@example.org', name: 'Ana', role: 'moderator' });
    const page = await (await getAs(t, ana, '/account', { 'Accept-Language': 'en' })).text();
    expect(page).toContain('ana@example.org');
    expect(page).toContain(copy('en', 'account.role.moderator'));
    expect(page).toContain('value="Ana"');
    expect(page).toContain('href="/organize"');
    expect(page).toContain('action="/signout"');

    const saved = await postFormAs(t, ana, '/account', { name: '  Ana Ruiz, Bus Riders Union ' });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/account?saved=1');
    expect((await findUserById(t.deps.db, ana.user.id))?.name).toBe('Ana Ruiz, Bus Riders Union');
    expect(await (await getAs(t, ana, '/account?saved=1', { 'Accept-Language': 'es' })).text()).toContain(
      copy('es', 'account.saved'),
    );

    await postFormAs(t, ana, '/account', { name: '' });
    expect((await findUserById(t.deps.db, ana.user.id))?.name).toBeNull();
  });

  it('a name that is too long is refused beside the field, in Spanish, with what was typed kept', async () => {
    const ana = await signedIn(t, { name: 'Ana' });
    const long = 'a'.repeat(101);
    const res = await postFormAs(t, ana, '/account', { name: long }, { 'Accept-Language': 'es' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Tu nombre puede tener como máximo 100 caracteres.');
    expect(html).toContain(`value="${long}"`);
    expect((await findUserById(t.deps.db, ana.user.id))?.name).toBe('Ana');
    const control = await postFormAs(t, ana, '/account', { name: 'Ana\u0000' });
    expect(control.status).toBe(422);
  });

  it('a name that would show as nothing (zero-width characters, punctuation only) is refused and the old name kept', async () => {
    const ana = await signedIn(t, { name: 'Ana' });
    for (const name of ['\u200b\u200b', '...', 'Ana\tRuiz']) {
      const res = await postFormAs(t, ana, '/account', { name }, { 'Accept-Language': 'en' });
      expect(res.status).toBe(422);
      expect(await res.text()).toContain('Your name contains characters we cannot accept.');
    }
    expect((await findUserById(t.deps.db, ana.user.id))?.name).toBe('Ana');
  });

  it('an anonymous post is refused', async () => {
    const res = await t.app.request('/account', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': 'same-origin' },
      body: 'name=x',
    });
    expect(res.status).toBe(403);
  });
});
