// "Petitions signed near you": a visitor types a town or a ZIP code (the browser is never asked where they are)
// and the home page lists the open petitions with the most confirmed signatures from that ZIP code area (the first
// three digits: 061 is Hartford and the towns around it). Nothing a visitor may not see is listed.
import { describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { makePetition, makeSignature } from '../support/factories.js';
import { get } from '../support/requests.js';
import { useTestApp } from '../support/test-app.js';

const only = (title: string) => ({ en: { title, statement: 'A statement.', why: 'Why.', deliveryDetails: '' } });

function listed(html: string): string[] {
  const section = /<section class="home-section near-results"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
  return [...section.matchAll(/<a href="\/(?:en|es)\/p\/([a-z0-9-]+)"/g)].map((m) => m[1] ?? '');
}

describe.each(enginesToTest())('petitions signed near a visitor on $name', (engine) => {
  const t = useTestApp(engine);

  async function signedFrom(petitionId: number, zip: string, n: number, requiresVerification = false) {
    for (let i = 0; i < n; i += 1)
      await makeSignature(t.deps.db, petitionId, { postalCode: zip, requiresVerification });
  }

  it('lists the open petitions most signed around a ZIP code or a town, however it is typed, most first', async () => {
    const bus = await makePetition(t.deps.db, { slug: 'bus-shelter', texts: only('Fix the bus shelter') });
    const library = await makePetition(t.deps.db, { slug: 'library-hours', texts: only('Keep the library open') });
    const harbor = await makePetition(t.deps.db, { slug: 'clean-harbor', texts: only('Clean the harbor') });
    const few = await makePetition(t.deps.db, { slug: 'few-signers', texts: only('Four signers') });
    await signedFrom(bus.id, '06106', 3);
    await signedFrom(bus.id, '06112', 2); // Hartford too: the same area
    await signedFrom(library.id, '06105', 6);
    await signedFrom(library.id, '06511', 1);
    await signedFrom(library.id, '06106', 9, true); // waiting for confirmation: not counted
    await signedFrom(harbor.id, '06511', 5); // New Haven
    // Four signers from around Hartford: too few to be told (it would point at them).
    await signedFrom(few.id, '06106', 4);

    for (const typed of ['06106', ' 06106 ', 'Hartford', 'HARTFORD', 'hartford.', '06103']) {
      const res = await get(t, `/en?near=${encodeURIComponent(typed)}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(listed(html), typed).toEqual(['library-hours', 'bus-shelter']);
      expect(html).toContain('Petitions signed around Hartford');
      expect(html).toContain('6 signatures from around here (7 in all)');
      expect(html).toContain('5 signatures from around here (5 in all)');
      expect(res.headers.get('cache-control')).toBe('private, no-cache');
      expect(res.headers.get('x-robots-tag')).toBe('noindex');
    }
    expect(listed(await (await get(t, '/en?near=New%20Haven')).text())).toEqual(['clean-harbor']);
    const es = await (await get(t, '/es?near=06106')).text();
    expect(es).toContain('Peticiones que se firman en los alrededores de Hartford');
    expect(es).toContain('5 firmas de los alrededores (5 en total)');
  });

  it('never lists a draft, closed, hidden or held petition, however signed around the place', async () => {
    const open = await makePetition(t.deps.db, { slug: 'open-one', texts: only('An open one') });
    const closed = await makePetition(t.deps.db, { slug: 'closed-one', status: 'closed', texts: only('Closed') });
    const hidden = await makePetition(t.deps.db, { slug: 'hidden-one', texts: only('Hidden') });
    const held = await makePetition(t.deps.db, { slug: 'held-one', texts: only('Held') });
    await t.deps.db
      .updateTable('petitions')
      .set({ hidden_at: '2026-11-24T00:00:00.000Z' })
      .where('id', '=', hidden.id)
      .execute();
    await t.deps.db.updateTable('petitions').set({ moderation_state: 'held' }).where('id', '=', held.id).execute();
    for (const p of [open, closed, hidden, held]) await signedFrom(p.id, '06106', 5);
    expect(listed(await (await get(t, '/en?near=06106')).text())).toEqual(['open-one']);
  });

  it('says kindly when it does not know the place, or when nothing is signed there yet, and shows what was typed as text', async () => {
    await makePetition(t.deps.db, { slug: 'bus-shelter' });
    const unknown = await (await get(t, `/en?near=${encodeURIComponent('<b>Atlantis</b>')}`)).text();
    expect(unknown).toContain('We do not know the place “&lt;b&gt;Atlantis&lt;/b&gt;”. Try its five-digit ZIP code.');
    expect(unknown).not.toContain('<b>Atlantis');
    const none = await (await get(t, '/en?near=06901')).text();
    expect(none).toContain('No open petition has confirmed signatures from around Stamford yet.');
    const esUnknown = await (await get(t, '/es?near=Atlantis')).text();
    expect(esUnknown).toContain('No conocemos el lugar «Atlantis». Prueba con su código postal de cinco cifras.');
    // An empty place is the home page's lists.
    const lists = await (await get(t, '/en?near=')).text();
    expect(lists).toContain('id="newest"');
    expect(lists).not.toContain('near-results');
  });
});
