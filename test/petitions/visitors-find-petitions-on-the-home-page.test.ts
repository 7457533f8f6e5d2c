// The home page a visitor can use: a search over open petitions in every language they are written in, accents and
// case ignored, paged, without JavaScript; and without a search, the most-signed, fastest-growing and newest open
// petitions and recent victories. Nothing a visitor may not see is ever listed.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { indexUnindexedPetitions } from '../../src/petitions/petition-search.js';
import { searchIndexJob } from '../../src/petitions/search-index-job.js';
import { postFormAs, signedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { districtPetition } from '../support/district-petition.js';
import { SAMPLE_BODY_SLUG } from '../../src/targets/sample/seed-sample-assembly.js';
import { makePetition, makeSignature } from '../support/factories.js';
import { addSignatures, get } from '../support/requests.js';
import { useTestApp, type TestApp } from '../support/test-app.js';
import { copy } from '../support/copy.js';

const TRUST = {
  en: {
    title: 'Pass the Trust Act',
    statement: 'Keep local police out of federal immigration enforcement.',
    why: 'Families are afraid.',
    deliveryDetails: '',
  },
  es: {
    title: 'Aprueben la Ley de Confianza',
    statement: 'Que la policía local no haga cumplir las leyes federales de inmigración.',
    why: 'Las familias tienen miedo.',
    deliveryDetails: '',
  },
};

function only(title: string, statement = 'A statement.') {
  return { title, statement, why: 'Why.', deliveryDetails: '' };
}

/** The petition links of a page, in order. */
function listedSlugs(html: string): string[] {
  return [...html.matchAll(/<a href="\/(?:en|es)\/p\/([a-z0-9-]+)"/g)].map((m) => m[1] ?? '');
}

async function search(t: TestApp, lang: string, query: string, page?: string) {
  const params = new URLSearchParams({ q: query });
  if (page !== undefined) params.set('page', page);
  const res = await get(t, `/${lang}?${params.toString()}`);
  return { res, html: await res.text() };
}

describe.each(enginesToTest())('finding petitions on the home page on $name', (engine) => {
  const t = useTestApp(engine);

  it('finds a petition by a word of its Spanish text whatever the accents and case, from either language', async () => {
    const trust = await makePetition(t.deps.db, { slug: 'ct-trust-act', texts: TRUST });
    await makePetition(t.deps.db, { slug: 'bus-shelter' });

    for (const query of ['confianza', 'CONFIANZA', 'Confíanza', '  confianza!  ']) {
      const { res, html } = await search(t, 'en', query);
      expect(res.status).toBe(200);
      expect(listedSlugs(html)).toEqual([trust.slug]);
      expect(html).toContain(copy('en', 'home.search.results', { count: 1, query: query.trim() }));
    }
    // English words, the start of a word, and a target's name in Spanish find it too.
    expect(listedSlugs((await search(t, 'en', 'immigra police')).html)).toEqual([trust.slug]);
    expect(listedSlugs((await search(t, 'es', 'Concejo trust')).html)).toEqual([trust.slug]);
    // Every word must match.
    expect(listedSlugs((await search(t, 'en', 'confianza shelter')).html)).toEqual([]);
    // The Spanish page lists it with its Spanish title and a Spanish count.
    const es = (await search(t, 'es', 'inmigración')).html;
    expect(es).toContain('Aprueben la Ley de Confianza');
    expect(es).toContain(copy('es', 'home.search.results', { count: 1, query: 'inmigración' }));
  });

  it('lists a Spanish-only petition for an English reader, marked as Spanish', async () => {
    const spanish = await makePetition(t.deps.db, {
      defaultLocale: 'es',
      targets: [{ names: { es: 'Alcaldía de Hartford' } }],
      texts: { es: only('Más luz en el parque Bushnell', 'Pedimos alumbrado público.') },
    });
    const { html } = await search(t, 'en', 'alumbrado');
    expect(listedSlugs(html)).toEqual([spanish.slug]);
    expect(html).toContain(`<a href="/en/p/${spanish.slug}" lang="es">Más luz en el parque Bushnell</a>`);
    expect(html).toContain('Alcaldía de Hartford');
  });

  it('never lists a draft, closed, held, hidden or expired petition, in search or in the lists', async () => {
    const open = await makePetition(t.deps.db, { texts: { en: only('Open lantern petition') } });
    const hiddenOnes = [
      await makePetition(t.deps.db, { status: 'draft', texts: { en: only('Draft lantern petition') } }),
      await makePetition(t.deps.db, { status: 'closed', texts: { en: only('Closed lantern petition') } }),
      await makePetition(t.deps.db, {
        closesAt: '2026-11-24T00:00:00.000Z',
        texts: { en: only('Expired lantern petition') },
      }),
      await makePetition(t.deps.db, { texts: { en: only('Held lantern petition') } }),
      await makePetition(t.deps.db, { texts: { en: only('Hidden lantern petition') } }),
    ];
    const [, , , held, hidden] = hiddenOnes;
    await t.deps.db.updateTable('petitions').set({ moderation_state: 'held' }).where('id', '=', held!.id).execute();
    await t.deps.db
      .updateTable('petitions')
      .set({ hidden_at: '2026-11-24T00:00:00.000Z' })
      .where('id', '=', hidden!.id)
      .execute();
    for (const p of hiddenOnes) await addSignatures(t.deps.db, p.id, 50, `s${p.id}`);
    t.deps.petitions.forget();

    expect(listedSlugs((await search(t, 'en', 'lantern')).html)).toEqual([open.slug]);
    const home = await (await get(t, '/en')).text();
    expect(listedSlugs(home).every((slug) => slug === open.slug)).toBe(true);
    for (const word of ['Draft', 'Closed', 'Expired', 'Held', 'Hidden']) expect(home).not.toContain(word);
  });

  it('pages the results twenty at a time, most signed first, with links that work without JavaScript', async () => {
    const made: { id: number; slug: string }[] = [];
    for (let i = 0; i < 23; i++) {
      const p = await makePetition(t.deps.db, { texts: { en: only(`Crosswalk number ${i}`) } });
      await addSignatures(t.deps.db, p.id, i, `c${i}`);
      made.push(p);
    }
    const first = await search(t, 'en', 'crosswalk');
    const firstSlugs = listedSlugs(first.html);
    expect(firstSlugs).toEqual(
      made
        .toReversed()
        .slice(0, 20)
        .map((p) => p.slug),
    );
    expect(first.html).toContain(copy('en', 'home.search.results', { count: 23, query: 'crosswalk' }));
    expect(first.html).toContain(copy('en', 'home.search.page', { page: 1, pages: 2 }));
    expect(first.html).toContain('<a href="/en?q=crosswalk&amp;page=2" rel="next">');
    expect(first.html).not.toContain('rel="prev"');

    const second = await search(t, 'en', 'crosswalk', '2');
    expect(listedSlugs(second.html)).toEqual(
      made
        .toReversed()
        .slice(20)
        .map((p) => p.slug),
    );
    expect(second.html).toContain('<a href="/en?q=crosswalk" rel="prev">');
    // A page past the last is the last page.
    const past = await search(t, 'en', 'crosswalk', '7');
    expect(listedSlugs(past.html)).toEqual(listedSlugs(second.html));
    expect(past.html).toContain(copy('en', 'home.search.page', { page: 2, pages: 2 }));
    // A page number that is not one is the first page, never an error.
    for (const bad of ['0', '-1', 'abc', '1e9', '999999999999999999999'])
      expect(listedSlugs((await search(t, 'en', 'crosswalk', bad)).html)).toEqual(firstSlugs);
  });

  it('says kindly when nothing matches, in the reader’s language, and treats any input as words', async () => {
    await makePetition(t.deps.db, { slug: 'ct-trust-act', texts: TRUST });
    for (const lang of ['en', 'es'] as const) {
      const { res, html } = await search(t, lang, 'zzzz');
      expect(res.status).toBe(200);
      expect(html).toContain(copy(lang, 'home.search.none', { query: 'zzzz' }));
      expect(html).toContain(`<html lang="${lang}">`);
    }
    // Search syntax of either engine, quotes and markup are only characters.
    for (const query of [
      '"',
      'confianza OR 1=1',
      "confianza' --",
      'NEAR(a b)',
      'a & !b:*',
      '<script>x</script>',
      '*',
    ]) {
      const { res, html } = await search(t, 'en', query);
      expect(res.status).toBe(200);
      expect(html).not.toContain('<script>x</script>');
    }
    expect(listedSlugs((await search(t, 'en', 'confianza OR 1=1')).html)).toEqual([]);
    // A very long query is cut, not refused.
    expect((await search(t, 'en', 'confianza '.repeat(100))).res.status).toBe(200);
  });

  it('shows the most-signed, fastest-growing and newest open petitions and recent victories', async () => {
    const big = await makePetition(t.deps.db, {
      texts: { en: only('Big old petition') },
      now: '2026-09-01T00:00:00.000Z',
    });
    const rising = await makePetition(t.deps.db, { texts: { en: only('Rising petition') } });
    const won = await makePetition(t.deps.db, { status: 'closed', texts: { en: only('Won petition') } });
    const quiet = await makePetition(t.deps.db, { texts: { en: only('Quiet petition') } });
    for (let i = 0; i < 6; i++)
      await makeSignature(t.deps.db, big.id, { createdAt: '2026-09-10T12:00:00.000Z', email: `old-${i}@example.org` });
    for (let i = 0; i < 3; i++)
      await makeSignature(t.deps.db, rising.id, {
        createdAt: '2026-11-24T12:00:00.000Z',
        email: `new-${i}@example.org`,
      });
    await t.deps.db
      .updateTable('petitions')
      .set({ victory_at: '2026-11-22T00:00:00.000Z' })
      .where('id', '=', won.id)
      .execute();
    t.deps.petitions.forget();

    const html = await (await get(t, '/en')).text();
    const section = (id: string) => listedSlugs(html.slice(html.indexOf(`id="${id}"`)).split('</section>')[0] ?? '');
    // Each petition once, in the first list it is in.
    expect(section('most-signed')).toEqual([big.slug, rising.slug]);
    expect(section('victories')).toEqual([won.slug]);
    expect(html).not.toContain('id="growing"');
    // A petition nobody signed yet is not among the most signed, but among the newest.
    expect(section('newest')).toEqual([quiet.slug]);

    // With more open petitions than a list holds, the growing and the newest show what the first list left out.
    const more: { id: number; slug: string }[] = [];
    for (let i = 0; i < 5; i++) more.push(await makePetition(t.deps.db, { texts: { en: only(`Busy petition ${i}`) } }));
    for (const [i, p] of more.entries()) await addSignatures(t.deps.db, p.id, 10 + i, `busy${i}`);
    t.advance(61_000);
    const later = await (await get(t, '/en')).text();
    const sectionOf = (id: string) =>
      listedSlugs(later.slice(later.indexOf(`id="${id}"`)).split('</section>')[0] ?? '');
    expect(sectionOf('most-signed')).toEqual(more.toReversed().map((p) => p.slug));
    // addSignatures dates its rows 2026-11-20: within the week, like the rising petition's three.
    expect(sectionOf('growing')).toEqual([rising.slug]);
    expect(later).toContain(copy('en', 'home.growing.recent', { count: 3 }));
    expect(sectionOf('newest')).toEqual([quiet.slug, big.slug]);
  });

  it('finds a petition to each signer’s legislators by the body’s name, and by its new name once an admin renames it', async () => {
    const petition = await districtPetition(t, { texts: { en: only('Fund the clinics') } });
    expect(listedSlugs((await search(t, 'en', 'general assembly')).html)).toEqual([petition.slug]);
    const admin = await signedIn(t, { role: 'admin' });
    const names = { name_en: 'Nutmeg Legislature', name_es: 'Legislatura de Nutmeg' };
    const res = await postFormAs(t, admin, `/admin/targets/${SAMPLE_BODY_SLUG}/names`, names);
    expect(res.status).toBe(303);
    expect(listedSlugs((await search(t, 'en', 'nutmeg')).html)).toEqual([petition.slug]);
    expect(listedSlugs((await search(t, 'es', 'legislatura')).html)).toEqual([petition.slug]);
  });

  it('indexes petitions saved before the search existed when the job runs', async () => {
    const p = await makePetition(t.deps.db, { texts: { en: only('Library hours petition') } });
    const byId = engine.name === 'postgres' ? 'petition_id' : 'rowid';
    await sql`DELETE FROM petition_search WHERE ${sql.ref(byId)} = ${p.id}`.execute(t.deps.db);
    expect(listedSlugs((await search(t, 'en', 'library')).html)).toEqual([]);
    expect(await indexUnindexedPetitions(t.deps.db)).toBe(1);
    expect(await searchIndexJob.run(t.deps, { pause: async () => {} })).toBe(0);
    t.advance(11_000);
    expect(listedSlugs((await search(t, 'en', 'library')).html)).toEqual([p.slug]);
  });
});
