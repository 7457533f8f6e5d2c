import { beforeEach, describe, expect, it } from 'vitest';
import { getAs, postFormAs, signedIn, type SignedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { get } from '../support/requests.js';
import { useTestApp } from '../support/test-app.js';
import { copy } from '../support/copy.js';

describe.each(enginesToTest())('updates on the petition page on $name', (engine) => {
  const t = useTestApp(engine);
  let organizer: SignedIn;
  let petitionId: number;
  let slug: string;

  beforeEach(async () => {
    organizer = await signedIn(t);
    ({ id: petitionId, slug } = await makePetition(t.deps.db, { ownerId: organizer.user.id }));
  });

  const post = (fields: Record<string, string>) =>
    postFormAs(t, organizer, `/organize/${petitionId}/updates/new`, fields);
  const page = async (path: string) => {
    t.advance(1500); // past the one-second page cache
    return (await get(t, path)).text();
  };

  it('shows each update in the reader’s language, newest first, dated, with its formatting', async () => {
    expect(
      (
        await post({
          title_en: 'First hearing set',
          body_en: 'The hearing is on **March 3**.',
          title_es: 'Primera audiencia',
          body_es: 'La audiencia es el **3 de marzo**.',
        })
      ).status,
    ).toBe(303);
    t.advance(24 * 3600 * 1000);
    const res = await post({
      title_en: 'We won!',
      body_en: 'The bill passed.\n\n[Read it](https://example.org/bill)',
      title_es: '¡Ganamos!',
      body_es: 'La ley fue aprobada.',
    });
    expect(res.headers.get('location')).toBe(`/organize/${petitionId}/updates?posted=1`);

    const english = await page(`/en/p/${slug}`);
    const updates = english.slice(
      english.indexOf('class="petition-updates"'),
      english.indexOf('class="recent-signers"'),
    );
    expect(updates).toContain('<h2 id="updates-heading">Updates</h2>');
    expect(updates.indexOf('We won!')).toBeLessThan(updates.indexOf('First hearing set'));
    expect(updates).toContain('The hearing is on <strong>March 3</strong>.');
    expect(updates).toContain('<a href="https://example.org/bill" rel="nofollow ugc noopener">Read it</a>');
    expect(updates).toContain('Posted November 26, 2026');
    expect(updates).toContain('Posted November 25, 2026');
    expect(updates).not.toContain('Ganamos');

    const spanish = await page(`/es/p/${slug}`);
    const actualizaciones = spanish.slice(
      spanish.indexOf('class="petition-updates"'),
      spanish.indexOf('class="recent-signers"'),
    );
    expect(actualizaciones).toContain('<h2 id="updates-heading">Novedades</h2>');
    expect(actualizaciones).toContain('¡Ganamos!');
    expect(actualizaciones).toContain('La audiencia es el <strong>3 de marzo</strong>.');
    expect(actualizaciones).toContain('Publicada el 26 de noviembre de 2026');
    expect(actualizaciones).not.toContain('We won!');
  });

  it('the organizer’s list shows the updates, and whether they are being emailed', async () => {
    await post({
      title_en: 'Quiet news',
      body_en: 'Just so you know.',
      title_es: 'Noticia tranquila',
      body_es: 'Para que lo sepas.',
    });
    await post({
      title_en: 'Big news',
      body_en: 'Tell everyone.',
      title_es: 'Gran noticia',
      body_es: 'Cuéntaselo a todos.',
      email_signers: 'yes',
    });
    const html = await (await getAs(t, organizer, `/organize/${petitionId}/updates?posted=1`)).text();
    expect(html).toContain(copy('en', 'updates.saved'));
    expect(html.indexOf('Big news')).toBeLessThan(html.indexOf('Quiet news'));
    expect(html).toContain(copy('en', 'updates.emailing'));
    expect(html).toContain(copy('en', 'updates.notEmailed'));
  });

  it('an update of the full length in both languages, accents and all, is accepted', async () => {
    const long = (word: string) => `${word} `.repeat(4000).slice(0, 4000).trim();
    const res = await post({
      title_en: 'Long news',
      body_en: long('ñandú'),
      title_es: 'Noticia larga',
      body_es: long('acción'),
    });
    expect(res.status).toBe(303);
    expect(await t.deps.db.selectFrom('petition_update_texts').selectAll().execute()).toHaveLength(2);
  });

  it('a page with no updates has no updates section', async () => {
    expect(await page(`/en/p/${slug}`)).not.toContain('class="petition-updates"');
  });

  it('a missing title or body in any language is refused with a message per field, and what was typed is kept', async () => {
    const res = await post({
      title_en: 'Only English',
      body_en: 'Text <b>kept</b>.',
      title_es: '',
      body_es: '',
      email_signers: 'yes',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('There are 2 problems with the update');
    expect(html).toContain('Write a title in Spanish.');
    expect(html).toContain('Write the update in Spanish.');
    expect(html).toContain('value="Only English"');
    expect(html).toContain('Text &lt;b&gt;kept&lt;/b&gt;.');
    expect(html).toMatch(/id="email_signers" name="email_signers" value="yes" checked/);
    expect(await t.deps.db.selectFrom('petition_updates').selectAll().execute()).toHaveLength(0);

    const spanish = await postFormAs(
      t,
      organizer,
      `/organize/${petitionId}/updates/new`,
      { title_en: 'x'.repeat(151), body_en: 'ok', title_es: 'ok', body_es: 'ok' },
      { 'Accept-Language': 'es' },
    );
    expect(spanish.status).toBe(422);
    expect(await spanish.text()).toContain('El título en inglés debe tener menos de 150 caracteres.');
  });
});
