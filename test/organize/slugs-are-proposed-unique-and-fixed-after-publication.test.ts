import { beforeEach, describe, expect, it } from 'vitest';
import { postFormAs, signedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';
import { editedId, petitionFields } from './petition-form-fields.js';
import { writeSetting } from '../../src/settings/settings-store.js';
import { copy } from '../support/copy.js';

describe.each(enginesToTest())('petition slugs on $name', (engine) => {
  const t = useTestApp(engine);
  beforeEach(async () => {
    // Not about moderation: what an organizer publishes is public at once (post-moderation).
    await writeSetting(t.deps.db, 'moderationMode', 'post', null, t.deps.now());
    t.deps.settings.invalidate();
  });

  const slugOf = async (id: number) =>
    (await t.deps.db.selectFrom('petitions').select('slug').where('id', '=', id).executeTakeFirstOrThrow()).slug;

  it('is proposed from the default language’s title with accents folded, and made unique with a suffix', async () => {
    const ana = await signedIn(t);
    await makePetition(t.deps.db, { slug: 'aprobar-la-ley' });
    const fields = petitionFields({ languages: 'es+en', title_es: '¡Aprobar la Ley!' });
    const first = editedId(await postFormAs(t, ana, '/organize/new', fields));
    const second = editedId(await postFormAs(t, ana, '/organize/new', fields));
    expect(await slugOf(first)).toBe('aprobar-la-ley-2');
    expect(await slugOf(second)).toBe('aprobar-la-ley-3');
  });

  it('can be chosen and changed before publication, but a slug in use is refused', async () => {
    const ana = await signedIn(t);
    await makePetition(t.deps.db, { slug: 'taken' });
    const id = editedId(await postFormAs(t, ana, '/organize/new', petitionFields({ slug: 'park-street' })));
    expect(await slugOf(id)).toBe('park-street');
    expect(
      (await postFormAs(t, ana, `/organize/${id}/edit`, petitionFields({ slug: 'park-street-light' }))).status,
    ).toBe(303);
    expect(await slugOf(id)).toBe('park-street-light');
    const taken = await postFormAs(t, ana, `/organize/${id}/edit`, petitionFields({ slug: 'taken' }));
    expect(taken.status).toBe(422);
    expect(await taken.text()).toContain(
      'id="slug-error">Another petition already uses this address. Try another one.</p>',
    );
    expect(await slugOf(id)).toBe('park-street-light');
  });

  it('is fixed once the petition is published', async () => {
    const ana = await signedIn(t);
    const id = editedId(await postFormAs(t, ana, '/organize/new', petitionFields({ slug: 'park-street' })));
    await postFormAs(t, ana, `/organize/${id}/publish`, {});
    const res = await postFormAs(
      t,
      ana,
      `/organize/${id}/edit`,
      petitionFields({ slug: 'something-else', title_en: 'A new title' }),
    );
    expect(res.status).toBe(303);
    expect(await slugOf(id)).toBe('park-street');
    const edit = await (await t.app.request(`/organize/${id}/edit`, { headers: { Cookie: ana.cookie } })).text();
    expect(edit).not.toContain('name="slug"');
    expect(edit).toContain(copy('en', 'organize.form.slugFixed'));
    expect(await (await t.app.request('/en/p/park-street')).text()).toContain('<h1>A new title</h1>');
  });
});
