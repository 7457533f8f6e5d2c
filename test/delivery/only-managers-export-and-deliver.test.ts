import { beforeEach, describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { getAs, postFormAs, signedIn, type SignedIn } from '../support/accounts.js';
import { makePetition, makeSignature } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

describe.each(enginesToTest())('who may export and record deliveries on $name', (engine) => {
  const t = useTestApp(engine);
  let owner: SignedIn;
  let id: number;
  const paths = (petitionId: number) => [
    `/organize/${petitionId}/exports`,
    `/organize/${petitionId}/export.csv`,
    `/organize/${petitionId}/packet.pdf`,
    `/organize/${petitionId}/delivery`,
  ];

  beforeEach(async () => {
    owner = await signedIn(t);
    ({ id } = await makePetition(t.deps.db, { ownerId: owner.user.id }));
    await makeSignature(t.deps.db, id);
  });

  it('sends an anonymous reader to sign in, and refuses an anonymous form', async () => {
    for (const path of paths(id)) {
      const res = await t.app.request(path);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`/signin?next=${encodeURIComponent(path)}`);
    }
    const post = await t.app.request(`/organize/${id}/delivery`, {
      method: 'POST',
      headers: { Origin: 'http://localhost:3000', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'location=x',
    });
    expect(post.status).toBe(403);
  });

  it('answers another organizer with 404, by URL and by form, and writes nothing', async () => {
    const other = await signedIn(t);
    for (const path of [...paths(id), ...paths(999_999)]) expect((await getAs(t, other, path)).status).toBe(404);
    const post = await postFormAs(t, other, `/organize/${id}/delivery`, {
      delivered_on: '2026-11-24',
      recipients: '0',
      location: 'Hartford',
    });
    expect(post.status).toBe(404);
    expect(await t.deps.db.selectFrom('deliveries').selectAll().execute()).toHaveLength(0);
    expect(await t.deps.db.selectFrom('audit_log').selectAll().execute()).toHaveLength(0);
  });

  it('lets moderators and admins export and record deliveries for any petition', async () => {
    for (const role of ['moderator', 'admin'] as const) {
      const who = await signedIn(t, { role });
      for (const path of paths(id)) expect((await getAs(t, who, path)).status).toBe(200);
      const post = await postFormAs(t, who, `/organize/${id}/delivery`, {
        delivered_on: '2026-11-24',
        recipients: '0',
        location: 'Hartford',
      });
      expect(post.status).toBe(303);
    }
    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'actor_id']).orderBy('id').execute();
    // Each export, and each delivery recorded, under the person who did it.
    expect(audit.map((a) => a.action)).toEqual([
      'export.csv',
      'export.pdf',
      'delivery.record',
      'export.csv',
      'export.pdf',
      'delivery.record',
    ]);
    const actors = [...new Set(audit.map((a) => a.actor_id))];
    expect(actors).toHaveLength(2);
  });
});
