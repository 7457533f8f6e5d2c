import { beforeEach, describe, expect, it } from 'vitest';
import { findUserById } from '../../src/accounts/user-store.js';
import { getAs, makeUser, postFormAs, signedIn, type SignedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';
import { copy } from '../support/copy.js';

describe.each(enginesToTest())('an admin changes roles and it is logged on $name', (engine) => {
  const t = useTestApp(engine);
  let admin: SignedIn;

  beforeEach(async () => {
    admin = await signedIn(t, { role: 'admin', email: 'admin@example.org' });
  });

  it('lists every account with its role and petitions, and finds one by part of its address', async () => {
    await makeUser(t, { email: 'rosa@example.org', name: 'Rosa <b>R</b>' });
    await makeUser(t, { email: 'mod@example.org', role: 'moderator' });
    const html = await (await getAs(t, admin, '/admin/users')).text();
    expect(html).toContain('rosa@example.org');
    expect(html).toContain('Rosa &lt;b&gt;R&lt;/b&gt;');
    // Admins first, then moderators, then organizers.
    expect(html.indexOf('admin@example.org')).toBeLessThan(html.indexOf('mod@example.org'));
    expect(html.indexOf('mod@example.org')).toBeLessThan(html.indexOf('rosa@example.org'));
    const found = await (await getAs(t, admin, '/admin/users?q=ROSA')).text();
    expect(found).toContain('rosa@example.org');
    expect(found).not.toContain('mod@example.org');
    // LIKE wildcards in a search are not wildcards.
    expect(await (await getAs(t, admin, '/admin/users?q=%25')).text()).toContain('rosa@example.org');
    expect(await (await getAs(t, admin, '/admin/users?q=zzz_')).text()).not.toContain('rosa@example.org');
  });

  it('makes an organizer a moderator, with an audit row saying who, from what, to what', async () => {
    const rosa = await makeUser(t, { email: 'rosa@example.org' });
    const res = await postFormAs(t, admin, `/admin/users/${rosa.id}/role`, { role: 'moderator' });
    expect(res.status).toBe(303);
    expect((await findUserById(t.deps.db, rosa.id))?.role).toBe('moderator');
    const rows = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'user.role').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.actor_id).toBe(admin.user.id);
    expect(JSON.parse(rows[0]?.details ?? '{}')).toMatchObject({ userId: rosa.id, from: 'organizer', to: 'moderator' });
    expect(await (await getAs(t, admin, '/admin/users?done=changed')).text()).toContain(copy('en', 'users.changed'));
  });

  it('refuses an unknown role and a change of one’s own role (so an admin always remains), in the reader’s language', async () => {
    const rosa = await makeUser(t, { email: 'rosa@example.org' });
    const bad = await postFormAs(
      t,
      admin,
      `/admin/users/${rosa.id}/role`,
      { role: 'superuser' },
      { Cookie: `${admin.cookie}; lang=es` },
    );
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain(copy('es', 'users.badRole'));
    const self = await postFormAs(t, admin, `/admin/users/${admin.user.id}/role`, { role: 'organizer' });
    expect(self.status).toBe(422);
    expect(await self.text()).toContain('You cannot change your own role');
    expect((await findUserById(t.deps.db, admin.user.id))?.role).toBe('admin');
    expect((await findUserById(t.deps.db, rosa.id))?.role).toBe('organizer');
    expect(
      await t.deps.db.selectFrom('audit_log').select('action').where('action', '=', 'user.role').execute(),
    ).toHaveLength(0);
  });

  it('is not found for organizers and moderators, by page and by form', async () => {
    const rosa = await makeUser(t, { email: 'rosa@example.org' });
    for (const role of ['organizer', 'moderator'] as const) {
      const who = await signedIn(t, { role });
      expect((await getAs(t, who, '/admin/users')).status).toBe(404);
      expect((await postFormAs(t, who, `/admin/users/${rosa.id}/role`, { role: 'admin' })).status).toBe(404);
    }
    expect((await findUserById(t.deps.db, rosa.id))?.role).toBe('organizer');
    expect((await t.app.request('/admin/users')).status).toBe(303);
  });
});
