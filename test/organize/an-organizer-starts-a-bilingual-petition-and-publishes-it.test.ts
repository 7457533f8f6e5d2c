import { beforeEach, describe, expect, it } from 'vitest';
import { getAs, postFormAs, signedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';
import { editedId, petitionFields } from './petition-form-fields.js';
import { writeSetting } from '../../src/settings/settings-store.js';
import { copy } from '../support/copy.js';

describe.each(enginesToTest())('starting and publishing a petition on $name', (engine) => {
  const t = useTestApp(engine);
  beforeEach(async () => {
    // Not about moderation: what an organizer publishes is public at once (post-moderation).
    await writeSetting(t.deps.db, 'moderationMode', 'post', null, t.deps.now());
    t.deps.settings.invalidate();
  });

  it('an organizer writes it in English and Spanish, previews both, publishes, and both public pages show the texts', async () => {
    const ana = await signedIn(t, { name: 'Ana Organizer', email: 'ana@example.org' });
    expect((await getAs(t, ana, '/organize/new')).status).toBe(200);

    const saved = await postFormAs(t, ana, '/organize/new', petitionFields());
    expect(saved.status).toBe(303);
    const id = editedId(saved);

    const row = await t.deps.db.selectFrom('petitions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'draft',
      slug: 'light-the-park-street-crossing',
      owner_id: ana.user.id,
      organizer_name: 'Ana Organizer',
      organizer_email: 'ana@example.org',
      published_at: null,
      requires_verification: 1,
      default_locale: 'en',
    });
    expect((await t.app.request('/p/light-the-park-street-crossing')).status).toBe(404);
    expect((await t.app.request('/es/p/light-the-park-street-crossing')).status).toBe(404);

    const edit = await (await getAs(t, ana, `/organize/${id}/edit?done=saved`)).text();
    expect(edit).toContain(copy('en', 'organize.notice.saved'));
    expect(edit).toContain('value="Light the Park Street crossing"');
    expect(edit).toContain(`href="/organize/${id}/preview/es"`);

    const previewEn = await getAs(t, ana, `/organize/${id}/preview/en`);
    expect(previewEn.status).toBe(200);
    const en = await previewEn.text();
    expect(en).toContain(copy('en', 'organize.preview.banner'));
    expect(en).toContain('<h1>Light the Park Street crossing</h1>');
    expect(en).toContain('<strong>every day</strong>');
    expect(en).toContain('Hartford City Council');
    expect(en).toMatch(/<fieldset class="preview-sign-form" disabled="">/);
    expect(en).toContain(`href="/organize/${id}/preview/es"`);
    const es = await (await getAs(t, ana, `/organize/${id}/preview/es`)).text();
    expect(es).toContain(copy('es', 'organize.preview.banner'));
    expect(es).toContain('<h1>Un semáforo en el cruce de Park Street</h1>');
    expect(es).toContain('<em>todos los días</em>');
    expect(es).toContain('Concejo Municipal de Hartford');
    expect((await getAs(t, ana, `/organize/${id}/preview/fr`)).status).toBe(404);

    const published = await postFormAs(t, ana, `/organize/${id}/publish`, {});
    expect(published.status).toBe(303);
    expect(published.headers.get('location')).toBe(`/organize/${id}/edit?done=published`);
    const after = await t.deps.db
      .selectFrom('petitions')
      .select(['status', 'published_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ status: 'open', published_at: t.deps.now().toISOString() });

    const publicEn = await (await t.app.request('/en/p/light-the-park-street-crossing')).text();
    expect(publicEn).toContain('<h1>Light the Park Street crossing</h1>');
    expect(publicEn).toContain('<p>Install a traffic light at the Park Street crossing before winter.</p>');
    expect(publicEn).toContain('<p>We will bring the signatures to the council meeting.</p>');
    expect(publicEn).toContain('action="/en/p/light-the-park-street-crossing/sign"');
    expect(publicEn).not.toContain(copy('en', 'dashboard.nav.preview'));
    const publicEs = await (await t.app.request('/es/p/light-the-park-street-crossing')).text();
    expect(publicEs).toContain('<h1>Un semáforo en el cruce de Park Street</h1>');
    expect(publicEs).toContain('Concejo Municipal de Hartford');

    const list = await (await getAs(t, ana, '/organize')).text();
    expect(list).toContain('Light the Park Street crossing');
    expect(list).toContain(`href="/organize/${id}/edit"`);
    expect(list).toContain(`href="/organize/${id}"`);
    expect(list).toContain('Open');
  });

  it('a petition in Spanish only has no English page and previews only in Spanish', async () => {
    const ana = await signedIn(t, { locale: 'es' });
    const fields = petitionFields({
      languages: 'es',
      title_en: '',
      statement_en: '',
      why_en: '',
      delivery_details_en: '',
      target_0_en: '',
    });
    const id = editedId(await postFormAs(t, ana, '/organize/new', fields));
    expect((await getAs(t, ana, `/organize/${id}/preview/en`)).status).toBe(404);
    expect((await postFormAs(t, ana, `/organize/${id}/publish`, {})).status).toBe(303);
    const petition = await t.deps.db
      .selectFrom('petitions')
      .select(['slug', 'default_locale'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(petition).toEqual({ slug: 'un-semaforo-en-el-cruce-de-park-street', default_locale: 'es' });
    const page = await (await t.app.request(`/es/p/${petition.slug}`)).text();
    expect(page).toContain('<h1>Un semáforo en el cruce de Park Street</h1>');
  });

  it('without JavaScript, “add another target” and “remove” re-render the form with what was typed', async () => {
    const ana = await signedIn(t);
    const added = await postFormAs(t, ana, '/organize/new', petitionFields({ intent: 'add_target' }));
    expect(added.status).toBe(200);
    const html = await added.text();
    expect(html).toContain('name="target_1_en"');
    expect(html).toContain('value="Hartford City Council"');
    expect(html).toContain('value="Light the Park Street crossing"');
    expect(await t.deps.db.selectFrom('petitions').select('id').execute()).toEqual([]);

    const removed = await postFormAs(
      t,
      ana,
      '/organize/new',
      petitionFields({
        intent: 'remove_target_0',
        target_count: '2',
        target_1_en: 'Mayor of Hartford',
        target_1_es: 'Alcaldesa de Hartford',
      }),
    );
    const after = await removed.text();
    expect(after).not.toContain('name="target_1_en"');
    expect(after).toContain('value="Mayor of Hartford"');
    expect(after).not.toContain('value="Hartford City Council"');

    const two = await postFormAs(
      t,
      ana,
      '/organize/new',
      petitionFields({ target_count: '2', target_1_en: 'Mayor of Hartford', target_1_es: 'Alcaldesa de Hartford' }),
    );
    const id = editedId(two);
    await postFormAs(t, ana, `/organize/${id}/publish`, {});
    const slug = (await t.deps.db.selectFrom('petitions').select('slug').where('id', '=', id).executeTakeFirstOrThrow())
      .slug;
    expect(await (await t.app.request(`/en/p/${slug}`)).text()).toContain('Hartford City Council · Mayor of Hartford');
  });

  it('a long petition in two languages is accepted (the editor takes bodies larger than the sign form)', async () => {
    const ana = await signedIn(t);
    const long = (word: string, times: number) => `${word} `.repeat(times).trim();
    const fields = petitionFields({
      why_en: long('because', 1200),
      why_es: long('información', 800),
      statement_es: long('año', 400),
    });
    expect(new URLSearchParams(fields).toString().length).toBeGreaterThan(16 * 1024);
    const res = await postFormAs(t, ana, '/organize/new', fields);
    expect(res.status).toBe(303);
    const row = await t.deps.db
      .selectFrom('petition_translations')
      .select('why')
      .where('petition_id', '=', editedId(res))
      .where('locale', '=', 'es')
      .executeTakeFirstOrThrow();
    expect(row.why).toBe(long('información', 800));
  });
});
