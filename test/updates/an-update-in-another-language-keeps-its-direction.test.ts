// An update (or the victory message) with no text in the reader's language is shown in the petition's own
// language, marked as such: on the Arabic page, English words run left to right and a screen reader reads them
// as English ("Victory!" keeps its "!" at the end).
import { describe, expect, it } from 'vitest';
import { insertUpdate } from '../../src/updates/update-store.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { get } from '../support/requests.js';
import { useTestApp } from '../support/test-app.js';

describe.each(enginesToTest())('an update in another language on $name', (engine) => {
  const t = useTestApp(engine, { env: { FIRMA_LOCALES: 'en,es,ar' } });

  it('carries lang and dir on the Arabic page, and nothing extra on a page in its own language', async () => {
    const { id, slug } = await makePetition(t.deps.db, { slug: 'bus-shelter' });
    const updateId = await insertUpdate(t.deps.db, {
      petitionId: id,
      authorId: null,
      createdAt: '2026-11-24T12:00:00.000Z',
      emailSigners: false,
      texts: {
        en: { title: 'Hearing scheduled!', body: 'The committee hears it on **March 3**.' },
        es: { title: '¡Audiencia programada!', body: 'El comité la escucha el **3 de marzo**.' },
      },
    });
    const ar = await (await get(t, `/ar/p/${slug}`)).text();
    expect(ar).toContain(`<h3 id="update-${updateId}" lang="en" dir="ltr">Hearing scheduled!</h3>`);
    expect(ar).toContain('<div lang="en" dir="ltr"><p>The committee hears it on <strong>March 3</strong>.</p>');
    // A target named only in English is marked as English too.
    expect(ar).toContain('<span lang="en" dir="ltr">Town Council</span>');
    const es = await (await get(t, `/es/p/${slug}`)).text();
    expect(es).toContain('</span> Concejo Municipal');
    expect(es).toContain(`<h3 id="update-${updateId}">¡Audiencia programada!</h3>`);
    expect(es).not.toContain('<div lang=');
  });
});
