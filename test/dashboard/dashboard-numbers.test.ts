import { beforeEach, describe, expect, it } from 'vitest';
import {
  confirmedByPlace,
  confirmedBySource,
  confirmedPerDay,
  signatureCounts,
} from '../../src/dashboard/dashboard-store.js';
import { getAs, signedIn, type SignedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition, makeSignature } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';

describe.each(enginesToTest())('the dashboard numbers on $name', (engine) => {
  const t = useTestApp(engine);
  let organizer: SignedIn;
  let petitionId: number;

  beforeEach(async () => {
    organizer = await signedIn(t);
    ({ id: petitionId } = await makePetition(t.deps.db, { ownerId: organizer.user.id }));
    const sign = (day: string, fields: Parameters<typeof makeSignature>[2] = {}) =>
      makeSignature(t.deps.db, petitionId, { createdAt: `2026-11-${day}T15:30:00.000Z`, ...fields });
    // Confirmed: 3 on the 18th, none on the 19th, 2 on the 20th, 1 on the 22nd.
    await sign('18', { source: 'ct-students', postalCode: '06106', town: 'Hartford', comment: 'Ya basta.' });
    await sign('18', { source: 'ct-students', postalCode: '06106', town: 'Hartford' });
    await sign('18', { source: null, postalCode: '06510', town: 'New Haven' });
    await sign('20', { source: 'whatsapp', postalCode: '06106', town: 'Hartford' });
    await sign('20', { source: 'ct-students', postalCode: '06604', town: 'Bridgeport', comment: 'For my neighbours.' });
    await sign('22', { source: null, postalCode: '06106', town: 'Hartford' });
    // Pending (waiting for email confirmation): counted apart, in no other number.
    await sign('19', {
      requiresVerification: true,
      source: 'ct-students',
      postalCode: '06510',
      town: 'New Haven',
      comment: 'Not confirmed yet.',
    });
    await sign('22', { requiresVerification: true, source: 'flyer', postalCode: '06604', town: 'Bridgeport' });
    // Another petition's signatures never count here.
    const other = await makePetition(t.deps.db);
    await makeSignature(t.deps.db, other.id, { source: 'ct-students', createdAt: '2026-11-18T10:00:00.000Z' });
  });

  it('counts confirmed and pending signatures apart, and groups confirmed ones by day, source and place', async () => {
    expect(await signatureCounts(t.deps.db, petitionId)).toEqual({ confirmed: 6, pending: 2, total: 8 });
    expect(await confirmedPerDay(t.deps.db, petitionId)).toEqual([
      { day: '2026-11-18', count: 3 },
      { day: '2026-11-20', count: 2 },
      { day: '2026-11-22', count: 1 },
    ]);
    expect(await confirmedBySource(t.deps.db, petitionId)).toEqual([
      { source: 'ct-students', count: 3 },
      { source: null, count: 2 },
      { source: 'whatsapp', count: 1 },
    ]);
    expect(await confirmedByPlace(t.deps.db, petitionId, 25)).toEqual([
      { postalCode: '06106', town: 'Hartford', count: 4 },
      { postalCode: '06510', town: 'New Haven', count: 1 },
      { postalCode: '06604', town: 'Bridgeport', count: 1 },
    ]);
  });

  it('shows the same numbers on the page: counts, a chart with every day, sources, places, comments', async () => {
    const res = await getAs(t, organizer, `/organize/${petitionId}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<strong data-count="confirmed">6<\/strong> confirmed signatures/);
    expect(html).toMatch(/<strong data-count="pending">2<\/strong> waiting for email confirmation/);
    expect(html).toMatch(/<strong data-count="total">8<\/strong> signatures in all/);
    // The chart: an accessible SVG with one bar per day from the 18th to the 22nd (quiet days at zero).
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<title id="chart-title">Confirmed signatures per day</title>');
    expect(svg).toContain(
      'Bar chart of 5 days, from November 18, 2026 to November 22, 2026. Busiest day: November 18, 2026 with 3 signatures.',
    );
    expect(svg.match(/<rect /g)?.length).toBe(5);
    // The table beside it, dates by the translator.
    const table = html.slice(html.indexOf('<details class="chart-table">'), html.indexOf('</details>'));
    expect(table).toContain('<time datetime="2026-11-19">November 19, 2026</time></th><td class="num">0</td>');
    expect(table).toContain('<time datetime="2026-11-18">November 18, 2026</time></th><td class="num">3</td>');
    const sources = html.slice(
      html.indexOf('class="by-source"'),
      html.indexOf('</table>', html.indexOf('class="by-source"')),
    );
    expect(sources).toMatch(
      /<code>ct-students<\/code><\/th><td class="num">3<\/td>.*<em>No source code<\/em><\/th><td class="num">2<\/td>.*<code>whatsapp<\/code><\/th><td class="num">1<\/td>/s,
    );
    expect(sources).not.toContain('flyer');
    const places = html.slice(
      html.indexOf('class="by-place"'),
      html.indexOf('</table>', html.indexOf('class="by-place"')),
    );
    expect(places).toMatch(/Hartford<\/th><td>06106<\/td><td class="num">4<\/td>/);
    expect(html).toContain('For my neighbours.');
    expect(html).toContain('Ya basta.');
    expect(html).not.toContain('Not confirmed yet.');
    for (const link of ['/edit', '/updates', '/share', '/exports'])
      expect(html).toContain(`href="/organize/${petitionId}${link}"`);
  });

  it('lists the milestones reached with their dates', async () => {
    await t.deps.db
      .insertInto('petition_milestones')
      .values({ petition_id: petitionId, milestone: 10, reached_at: '2026-11-21T09:00:00.000Z', announced_at: null })
      .execute();
    const html = await (await getAs(t, organizer, `/organize/${petitionId}`, { 'Accept-Language': 'es' })).text();
    expect(html).toContain('<html lang="es"');
    expect(html).toContain('10 firmas');
    expect(html).toContain('<time datetime="2026-11-21T09:00:00.000Z">21 de noviembre de 2026</time>');
    expect(html).toMatch(/<strong data-count="confirmed">6<\/strong> firmas confirmadas/);
  });
});
