import { beforeEach, describe, expect, it } from 'vitest';
import { getAs, postFormAs, signedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { makeSignature } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';
import { editedId, petitionFields } from './petition-form-fields.js';
import { writeSetting } from '../../src/settings/settings-store.js';

describe.each(enginesToTest())('revisions and the edited notice on $name', (engine) => {
  const t = useTestApp(engine);
  beforeEach(async () => {
    // Not about moderation: what an organizer publishes is public at once (post-moderation).
    await writeSetting(t.deps.db, 'moderationMode', 'post', null, t.deps.now());
    t.deps.settings.invalidate();
  });

  it('every save, draft or published, records a revision with who and when, listed on the edit page', async () => {
    const ana = await signedIn(t, { name: 'Ana Organizer' });
    const moderator = await signedIn(t, { role: 'moderator', name: 'Mo Moderator' });
    const id = editedId(await postFormAs(t, ana, '/organize/new', petitionFields()));
    const createdAt = t.deps.now().toISOString();
    t.advance(3600_000);
    await postFormAs(t, ana, `/organize/${id}/edit`, petitionFields({ title_en: 'Second title' }));
    await postFormAs(t, ana, `/organize/${id}/publish`, {});
    t.advance(86_400_000);
    await postFormAs(t, moderator, `/organize/${id}/edit`, petitionFields({ title_en: 'Third title' }));

    const revisions = await t.deps.db
      .selectFrom('petition_revisions')
      .selectAll()
      .where('petition_id', '=', id)
      .orderBy('id')
      .execute();
    expect(revisions.map((r) => [r.user_id, r.created_at])).toEqual([
      [ana.user.id, createdAt],
      [ana.user.id, '2026-11-25T13:00:00.000Z'],
      [moderator.user.id, '2026-11-26T13:00:00.000Z'],
    ]);
    const last = JSON.parse(revisions[2]?.snapshot ?? '{}');
    expect(last).toMatchObject({
      status: 'open',
      slug: 'light-the-park-street-crossing',
      texts: { en: { title: 'Third title' } },
    });

    const html = await (await getAs(t, ana, `/organize/${id}/edit`)).text();
    expect(html).toContain('November 26, 2026 (now) by Mo Moderator');
    expect(html).toContain('November 25, 2026 (yesterday) by Ana Organizer');
  });

  it('the public page says “Edited on” only for an edit made after people signed', async () => {
    const ana = await signedIn(t);
    const id = editedId(await postFormAs(t, ana, '/organize/new', petitionFields()));
    await postFormAs(t, ana, `/organize/${id}/publish`, {});
    await postFormAs(t, ana, `/organize/${id}/edit`, petitionFields({ why_en: 'Better reasons.' }));
    let page = await (await t.app.request('/en/p/light-the-park-street-crossing')).text();
    expect(page).toContain('<p>Better reasons.</p>');
    expect(page).not.toContain('Edited on');

    await makeSignature(t.deps.db, id);
    t.advance(2 * 86_400_000);
    await postFormAs(t, ana, `/organize/${id}/edit`, petitionFields({ why_en: 'Even better reasons.' }));
    const row = await t.deps.db
      .selectFrom('petitions')
      .select('edited_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.edited_at).toBe('2026-11-27T12:00:00.000Z');
    page = await (await t.app.request('/en/p/light-the-park-street-crossing')).text();
    expect(page).toContain('<p>Even better reasons.</p>');
    expect(page).toContain('<time datetime="2026-11-27T12:00:00.000Z">Edited on November 27, 2026</time>');
    const es = await (await t.app.request('/es/p/light-the-park-street-crossing')).text();
    expect(es).toContain('Editada el 27 de noviembre de 2026');
  });
});
