import { beforeEach, describe, expect, it } from 'vitest';
import { getAs, postFormAs, signedIn, type SignedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { postForm, useTestApp } from '../support/test-app.js';
import { editedId, petitionFields } from './petition-form-fields.js';
import { copy } from '../support/copy.js';

describe.each(enginesToTest())('who may manage a petition on $name', (engine) => {
  const t = useTestApp(engine);
  let owner: SignedIn;
  let other: SignedIn;
  let id: number;
  beforeEach(async () => {
    owner = await signedIn(t, { name: 'Owner' });
    other = await signedIn(t, { name: 'Other organizer' });
    id = editedId(await postFormAs(t, owner, '/organize/new', petitionFields({ slug: 'owned' })));
  });

  const status = async () =>
    await t.deps.db
      .selectFrom('petitions')
      .select(['status', 'victory_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('another organizer gets 404 for the edit page, both previews and the victory form', async () => {
    for (const path of [
      `/organize/${id}/edit`,
      `/organize/${id}/preview/en`,
      `/organize/${id}/preview/es`,
      `/organize/${id}/victory`,
    ]) {
      const res = await getAs(t, other, path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain('Light the Park Street crossing');
    }
  });

  it('another organizer’s posts to edit, publish, close, reopen and victory get 404 and change nothing', async () => {
    expect((await postFormAs(t, other, `/organize/${id}/edit`, petitionFields({ title_en: 'Hijacked' }))).status).toBe(
      404,
    );
    expect((await postFormAs(t, other, `/organize/${id}/publish`, {})).status).toBe(404);
    expect(await status()).toEqual({ status: 'draft', victory_at: null });
    await postFormAs(t, owner, `/organize/${id}/publish`, {});
    expect((await postFormAs(t, other, `/organize/${id}/close`, {})).status).toBe(404);
    expect(await status()).toEqual({ status: 'open', victory_at: null });
    await postFormAs(t, owner, `/organize/${id}/close`, {});
    expect((await postFormAs(t, other, `/organize/${id}/reopen`, {})).status).toBe(404);
    expect((await postFormAs(t, other, `/organize/${id}/victory`, { message_en: 'x', message_es: 'y' })).status).toBe(
      404,
    );
    expect(await status()).toEqual({ status: 'closed', victory_at: null });
    const title = await t.deps.db
      .selectFrom('petition_translations')
      .select('title')
      .where('petition_id', '=', id)
      .where('locale', '=', 'en')
      .executeTakeFirstOrThrow();
    expect(title.title).toBe('Light the Park Street crossing');
    expect(await t.deps.db.selectFrom('petition_updates').select('id').execute()).toEqual([]);
  });

  it('a missing or malformed id is 404 like someone else’s', async () => {
    for (const path of ['/organize/999/edit', '/organize/abc/edit', '/organize/1e3/preview/en'])
      expect((await getAs(t, owner, path)).status, path).toBe(404);
  });

  it('another organizer does not see the petition in their list; moderators and admins see it and may edit it', async () => {
    expect(await (await getAs(t, other, '/organize')).text()).not.toContain('Light the Park Street crossing');
    expect(await (await getAs(t, owner, '/organize')).text()).toContain('Light the Park Street crossing');
    for (const role of ['moderator', 'admin'] as const) {
      const staff = await signedIn(t, { role });
      const list = await (await getAs(t, staff, '/organize')).text();
      expect(list).toContain(copy('en', 'organize.list.allTitle'));
      expect(list).toContain('Light the Park Street crossing');
      expect((await getAs(t, staff, `/organize/${id}/edit`)).status).toBe(200);
      expect((await getAs(t, staff, `/organize/${id}/preview/es`)).status).toBe(200);
    }
  });

  it('anonymous readers are sent to sign in, and anonymous posts are refused', async () => {
    const res = await t.app.request(`/organize/${id}/edit`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/signin?next=${encodeURIComponent(`/organize/${id}/edit`)}`);
    expect((await t.app.request('/organize')).status).toBe(303);
    expect((await postForm(t, '/organize/new', petitionFields())).status).toBe(403);
    expect((await postForm(t, `/organize/${id}/publish`, {})).status).toBe(403);
  });

  it('a form posted from another site is refused', async () => {
    const res = await postFormAs(
      t,
      owner,
      `/organize/${id}/publish`,
      {},
      { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
    );
    expect(res.status).toBe(403);
    expect((await status()).status).toBe('draft');
  });

  it('the public page of a draft is 404 in every language and its JSON too', async () => {
    for (const path of ['/p/owned', '/en/p/owned', '/es/p/owned', '/p/owned.json'])
      expect((await t.app.request(path)).status, path).toBe(404);
  });
});
