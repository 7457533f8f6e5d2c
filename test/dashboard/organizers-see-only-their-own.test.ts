import { beforeEach, describe, expect, it } from 'vitest';
import { getAs, postFormAs, signedIn, type SignedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { get } from '../support/requests.js';
import { postForm, useTestApp } from '../support/test-app.js';

const UPDATE = {
  title_en: 'Hijacked',
  body_en: 'Not yours.',
  title_es: 'Secuestrada',
  body_es: 'No es tuya.',
  email_signers: 'yes',
};

describe.each(enginesToTest())('dashboard, updates and share kit authorization on $name', (engine) => {
  const t = useTestApp(engine);
  let owner: SignedIn;
  let petitionId: number;
  const pages = (id: number) => [
    `/organize/${id}`,
    `/organize/${id}/updates`,
    `/organize/${id}/updates/new`,
    `/organize/${id}/share`,
    `/organize/${id}/share?source=x`,
    `/organize/${id}/qr.svg`,
    `/organize/${id}/qr.png`,
  ];

  beforeEach(async () => {
    owner = await signedIn(t);
    ({ id: petitionId } = await makePetition(t.deps.db, { ownerId: owner.user.id }));
  });

  const updateCount = async () => (await t.deps.db.selectFrom('petition_updates').selectAll().execute()).length;

  it('another organizer gets 404 for every page, and cannot post an update by URL', async () => {
    const stranger = await signedIn(t);
    await makePetition(t.deps.db, { ownerId: stranger.user.id });
    for (const path of pages(petitionId)) {
      const res = await getAs(t, stranger, path);
      expect(res.status, path).toBe(404);
      const body = await res.text();
      expect(body).not.toContain('Fix the bus shelter');
    }
    const post = await postFormAs(t, stranger, `/organize/${petitionId}/updates/new`, UPDATE);
    expect(post.status).toBe(404);
    expect(await updateCount()).toBe(0);
  });

  it('a petition id that does not exist is 404 too, the same answer', async () => {
    for (const path of pages(999999)) expect((await getAs(t, owner, path)).status, path).toBe(404);
  });

  it('the owner, moderators and admins see every page', async () => {
    for (const role of ['organizer', 'moderator', 'admin'] as const) {
      const who = role === 'organizer' ? owner : await signedIn(t, { role });
      for (const path of pages(petitionId)) expect((await getAs(t, who, path)).status, `${role} ${path}`).toBe(200);
    }
    const moderator = await signedIn(t, { role: 'moderator' });
    expect((await postFormAs(t, moderator, `/organize/${petitionId}/updates/new`, UPDATE)).status).toBe(303);
    expect(await updateCount()).toBe(1);
  });

  it('someone not signed in is sent to sign in, and a post without a session is refused', async () => {
    for (const path of pages(petitionId)) {
      const res = await get(t, path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get('location')).toBe(`/signin?next=${encodeURIComponent(path)}`);
    }
    expect((await postForm(t, `/organize/${petitionId}/updates/new`, UPDATE)).status).toBe(403);
    expect(await updateCount()).toBe(0);
  });

  it('a cross-site post with the owner’s cookie is refused', async () => {
    const res = await t.app.request(`/organize/${petitionId}/updates/new`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Cookie: owner.cookie,
        Origin: 'https://evil.example',
        'Sec-Fetch-Site': 'cross-site',
      },
      body: new URLSearchParams(UPDATE).toString(),
    });
    expect(res.status).toBe(403);
    expect(await updateCount()).toBe(0);
  });
});
