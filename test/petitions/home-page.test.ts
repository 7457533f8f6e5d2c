import { describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { addSignatures, get } from '../support/requests.js';
import { useTestApp } from '../support/test-app.js';
import { copy } from '../support/copy.js';

function texts(title: string, titleEs: string) {
  return {
    en: { title, statement: 'Statement.', why: 'Why.', deliveryDetails: '' },
    es: { title: titleEs, statement: 'Declaración.', why: 'Por qué.', deliveryDetails: '' },
  };
}

describe.each(enginesToTest())('the home page on $name', (engine) => {
  const t = useTestApp(engine);

  it('lists open petitions with their counts, and not drafts or closed ones', async () => {
    const open = await makePetition(t.deps.db, { texts: texts('Open shelter petition', 'Petición abierta') });
    await makePetition(t.deps.db, {
      status: 'draft',
      texts: texts('Unpublished draft petition', copy('es', 'organize.status.draft')),
    });
    await makePetition(t.deps.db, {
      status: 'closed',
      texts: texts('Finished closed petition', copy('es', 'organize.status.closed')),
    });
    await makePetition(t.deps.db, {
      closesAt: '2026-11-24T00:00:00.000Z',
      texts: texts('Petition past its closing date', 'Vencida'),
    });
    await addSignatures(t.deps.db, open.id, 3);

    const res = await get(t, '/en');
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('Open shelter petition');
    expect(html).toContain(`href="/en/p/${open.slug}"`);
    expect(html).toContain('3 signatures');
    expect(html).not.toContain('Unpublished draft petition');
    expect(html).not.toContain('Finished closed petition');
    expect(html).not.toContain('Petition past its closing date');
  });

  it('is in Spanish for a Spanish reader, with links to the Spanish pages', async () => {
    const open = await makePetition(t.deps.db, { texts: texts('Open shelter petition', 'Petición abierta') });
    const res = await get(t, '/', { 'Accept-Language': 'es-MX,es;q=0.9' });
    const html = await res.text();
    expect(res.headers.get('content-language')).toBe('es');
    expect(res.headers.get('vary')).toMatch(/Accept-Language/);
    expect(html).toContain('<html lang="es">');
    expect(html).toContain(copy('es', 'home.title'));
    expect(html).toContain('Petición abierta');
    expect(html).toContain(`href="/es/p/${open.slug}"`);
  });

  it('says so when there is nothing to sign yet', async () => {
    await makePetition(t.deps.db, { status: 'draft' });
    expect(await (await get(t, '/en')).text()).toContain(copy('en', 'home.empty'));
    expect(await (await get(t, '/es')).text()).toContain(copy('es', 'home.empty'));
  });
});
