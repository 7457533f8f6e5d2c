import { describe, expect, it } from 'vitest';
import { getAs, postFormAs, signedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';
import { editedId, petitionFields } from './petition-form-fields.js';

describe.each(enginesToTest())('invalid petition forms on $name', (engine) => {
  const t = useTestApp(engine);

  it('a draft without a title is refused with 422, a message beside the field, and everything typed kept', async () => {
    const ana = await signedIn(t);
    const res = await postFormAs(
      t,
      ana,
      '/organize/new',
      petitionFields({ title_en: '  ', slug: 'Not A Slug!', closes_on: '2020-01-01' }),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('<p class="field-error" id="title_en-error">Write a title.</p>');
    expect(html).toContain('aria-describedby="title_en-hint title_en-error"');
    expect(html).toContain(
      'id="slug-error">Use only lowercase letters, numbers and single hyphens, up to 60 characters.</p>',
    );
    expect(html).toContain('id="closes_on-error">Choose a date that has not passed yet.</p>');
    expect(html).toContain('There are problems with 3 fields:');
    expect(html).toContain('href="#title_en"');
    expect(html).toContain('value="Not A Slug!"');
    expect(html).toContain('Install a traffic light at the Park Street crossing before winter.</textarea>');
    expect(html).toContain('value="Hartford City Council"');
    expect(await t.deps.db.selectFrom('petitions').select('id').execute()).toEqual([]);
  });

  it('the messages are in Spanish for an organizer reading in Spanish', async () => {
    const rosa = await signedIn(t);
    const res = await postFormAs(
      t,
      rosa,
      '/organize/new',
      petitionFields({ languages: 'es', title_es: '', delivery_method: 'pigeon', closes_on: 'mañana' }),
      { Cookie: `${rosa.cookie}; lang=es` },
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('id="title_es-error">Escribe un título.</p>');
    expect(html).toContain('id="delivery_method-error">Elige cómo entregarás las firmas.</p>');
    expect(html).toContain('id="closes_on-error">Escribe una fecha como 2026-12-31.</p>');
    expect(html).toContain('Hay problemas en 3 campos:');
    expect(html).toContain('value="mañana"');
  });

  it('publishing an incomplete draft is refused with 422 and says which fields are missing', async () => {
    const ana = await signedIn(t);
    const id = editedId(
      await postFormAs(t, ana, '/organize/new', petitionFields({ why_es: '', target_0_es: '', statement_en: '' })),
    );
    const res = await postFormAs(t, ana, `/organize/${id}/publish`, {});
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('The petition is not ready to publish yet');
    expect(html).toContain('id="why_es-error">Say why this is important.</p>');
    expect(html).toContain('id="statement_en-error">Write the statement people sign.</p>');
    expect(html).toContain('id="target_0_es-error">Give this target’s name in every language of the petition.</p>');
    const row = await t.deps.db.selectFrom('petitions').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.status).toBe('draft');
  });

  it('a petition needs at least one target to be published', async () => {
    const ana = await signedIn(t);
    const id = editedId(
      await postFormAs(t, ana, '/organize/new', petitionFields({ target_0_en: '', target_0_es: '' })),
    );
    const res = await postFormAs(t, ana, `/organize/${id}/publish`, {}, { Cookie: `${ana.cookie}; lang=es` });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('id="target_0_en-error">Indica al menos un destinatario.</p>');
  });

  it('a published petition cannot lose a required text', async () => {
    const ana = await signedIn(t);
    const id = editedId(await postFormAs(t, ana, '/organize/new', petitionFields()));
    await postFormAs(t, ana, `/organize/${id}/publish`, {});
    const res = await postFormAs(t, ana, `/organize/${id}/edit`, petitionFields({ why_en: '' }));
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('id="why_en-error">Say why this is important.</p>');
  });

  it('texts over their limits and control characters are refused, never a 500', async () => {
    const ana = await signedIn(t);
    const res = await postFormAs(
      t,
      ana,
      '/organize/new',
      petitionFields({ title_en: 'x'.repeat(151), why_en: 'a\u0000b', target_0_en: 'Council\u202E' }),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('id="title_en-error">This is too long. Please shorten it.</p>');
    expect(html).toContain('id="why_en-error">This contains characters that cannot be used.</p>');
    expect(html).toContain('id="target_0_en-error">This contains characters that cannot be used.</p>');
  });

  it('the form page itself shows in the organizer’s language', async () => {
    const rosa = await signedIn(t);
    const html = await (await getAs(t, rosa, '/organize/new', { Cookie: `${rosa.cookie}; lang=es` })).text();
    expect(html).toContain('<h1>Inicia una petición</h1>');
    // …and a new petition is written in that language until the organizer adds another.
    expect(html).toContain('<input type="hidden" name="languages" value="es"/>');
    expect(html).toContain('id="title_es"');
    expect(html).not.toContain('id="title_en"');
  });
});
