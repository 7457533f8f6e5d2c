import { beforeEach, describe, expect, it } from 'vitest';
import { getAs, postFormAs, signedIn, type SignedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { TEST_ORIGIN, useTestApp } from '../support/test-app.js';
import { addSigners } from './seed.js';

describe.each(enginesToTest())('who reaches the trending report and bulk invalidation on $name', (engine) => {
  const t = useTestApp(engine);
  let admin: SignedIn;
  let petition: { id: number; slug: string };
  let id: number;
  const form = () => ({ slug: petition.slug, domain: 'mailinator.com', reason: 'Scripted' });

  beforeEach(async () => {
    admin = await signedIn(t, { role: 'admin' });
    petition = await makePetition(t.deps.db);
    await addSigners(t, petition.id, [{ email: 'bot@mailinator.com' }, { email: 'rosa@example.org' }]);
    const res = await postFormAs(t, admin, '/admin/invalidations', form());
    id = Number(/(\d+)\?done=created$/.exec(res.headers.get('location') ?? '')?.[1]);
  });

  const pages = () => ['/admin/trending', '/admin/invalidations', `/admin/invalidations/${id}`];
  const posts = () => [
    '/admin/invalidations/preview',
    '/admin/invalidations',
    `/admin/invalidations/${id}/cancel`,
    `/admin/invalidations/${id}/reverse`,
  ];

  async function unchanged() {
    const invalidations = await t.deps.db.selectFrom('invalidations').select(['state']).execute();
    expect(invalidations).toEqual([{ state: 'queued' }]);
    expect(await t.deps.db.selectFrom('audit_log').select('action').execute()).toEqual([
      { action: 'invalidation.create' },
    ]);
  }

  it("an organizer, even the petition's own, and a moderator get 404 and change nothing", async () => {
    const owner = await signedIn(t);
    await t.deps.db.updateTable('petitions').set({ owner_id: owner.user.id }).where('id', '=', petition.id).execute();
    const moderator = await signedIn(t, { role: 'moderator' });
    for (const who of [owner, moderator]) {
      for (const path of pages()) expect((await getAs(t, who, path)).status, path).toBe(404);
      for (const path of posts()) expect((await postFormAs(t, who, path, form())).status, path).toBe(404);
    }
    await unchanged();
  });

  it('an anonymous reader is sent to sign in, and an anonymous form is refused', async () => {
    for (const path of pages()) {
      const res = await t.app.request(path);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`/signin?next=${encodeURIComponent(path)}`);
    }
    for (const path of posts()) {
      const res = await t.app.request(path, {
        method: 'POST',
        headers: {
          Origin: TEST_ORIGIN,
          'Sec-Fetch-Site': 'same-origin',
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams(form()).toString(),
      });
      expect(res.status, path).toBe(403);
    }
    await unchanged();
  });

  it('a form posted to an admin from another site is refused', async () => {
    for (const path of posts()) {
      const res = await postFormAs(t, admin, path, form(), {
        Origin: 'https://evil.example',
        'Sec-Fetch-Site': 'cross-site',
      });
      expect(res.status, path).toBe(403);
    }
    await unchanged();
  });

  it('an unknown or malformed invalidation id is 404', async () => {
    for (const path of ['/admin/invalidations/999999', '/admin/invalidations/abc', '/admin/invalidations/1e3'])
      expect((await getAs(t, admin, path)).status).toBe(404);
    for (const path of ['/admin/invalidations/999999/cancel', '/admin/invalidations/x/reverse'])
      expect((await postFormAs(t, admin, path, {})).status).toBe(404);
    await unchanged();
  });
});
