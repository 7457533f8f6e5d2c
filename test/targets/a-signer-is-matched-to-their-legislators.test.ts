// A petition to each signer's own senator and representative, on both engines, with the sample legislature: a ZIP
// wholly in one district matches at once and the thank-you page and the email name the legislators; a ZIP split
// between House districts stays split until the signer chooses (without JavaScript) or gives a street address that
// a geocoder (a real HTTP server started here) places; only the district is stored; the public JSON, the dashboard
// and the CSV count by district; a repeat signer's page looks the same and changes nothing; bad tickets are refused.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { postForm, TEST_ORIGIN, useTestApp, validSignature, type TestApp } from '../support/test-app.js';
import { makePetition } from '../support/factories.js';
import { get, petitionJson } from '../support/requests.js';
import { openMailroom } from '../support/mailroom.js';
import { getAs, signedIn } from '../support/accounts.js';
import { ADDRESS_LOOKUPS_PER_HOUR } from '../../src/web/public/sign-routes.js';
import { sampleZipPoint } from '../../src/targets/sample/sample-assembly.js';
import { crosswalk, districtPetition } from '../support/district-petition.js';
import { SAMPLE_BODY_SLUG } from '../../src/targets/sample/seed-sample-assembly.js';
import { flushSignatureDistricts, unpackDistricts } from '../../src/targets/signature-districts.js';

async function sign(t: TestApp, slug: string, fields: Record<string, string>, locale = 'en') {
  const res = await postForm(t, `/${locale}/p/${slug}/sign`, validSignature(fields));
  expect(res.status).toBe(303);
  const location = res.headers.get('location') ?? '';
  const page = await (await get(t, location)).text();
  return { location, page, ticket: new URL(location, 'http://x').searchParams.get('d') ?? '' };
}

/** The signer's rows in district order (on SQLite written after the signature: every reader flushes first). */
async function storedDistricts(t: TestApp, email: string) {
  await flushSignatureDistricts(t.deps.db);
  return t.deps.db
    .selectFrom('signature_districts as d')
    .innerJoin('signatures as s', 's.id', 'd.signature_id')
    .select(['d.chamber', 'd.method', 'd.district', 'd.candidates'])
    .where('s.email', '=', email)
    .orderBy('d.chamber', 'desc')
    .execute();
}

const plain = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');

describe.each(enginesToTest())('a signer matched to their legislators on $name', (engine) => {
  const t = useTestApp(engine);

  it('a ZIP wholly in one district of each chamber: the thank-you page and the email name both legislators', async () => {
    const { slug } = await districtPetition(t, { requiresVerification: true });
    const [senate] = crosswalk('06511', 'upper');
    const [house] = crosswalk('06511', 'lower');
    const { page } = await sign(t, slug, { postal_code: '06511', email: 'ana@example.org' });
    const sentence = `Your signature goes to Sen. Sample Senator ${senate} (District ${senate}) and Rep. Sample Representative ${house} (District ${house}).`;
    expect(plain(page)).toContain(sentence);
    expect(page).not.toContain('class="district-form"');
    expect(await storedDistricts(t, 'ana@example.org')).toEqual([
      { chamber: 'upper', method: 'zip', district: senate, candidates: null },
      { chamber: 'lower', method: 'zip', district: house, candidates: null },
    ]);
    const mailroom = await openMailroom(t);
    try {
      const [mail] = await mailroom.deliver();
      expect(mail?.text.replace(/\s+/g, ' ')).toContain(sentence);
    } finally {
      await mailroom.close();
    }
  });

  it('in Spanish, a split ZIP is said to be split and the signer chooses their representative without JavaScript', async () => {
    const { slug } = await districtPetition(t);
    const [first, second] = crosswalk('06106', 'lower');
    const { page, ticket } = await sign(t, slug, { postal_code: '06106', email: 'beto@example.org' }, 'es');
    expect(plain(page)).toContain(`Tu código postal abarca más de un distrito de la Cámara (${first} y ${second})`);
    expect(page).toContain('class="district-form"');
    expect(page).not.toContain('name="street"'); // no geocoder configured: no address asked
    expect(await storedDistricts(t, 'beto@example.org')).toEqual([
      expect.objectContaining({ chamber: 'upper', method: 'zip' }),
      { chamber: 'lower', method: 'split', district: null, candidates: `${first},${second}` },
    ]);

    const res = await postForm(t, `/es/p/${slug}/thanks/district`, { d: ticket, [`district_1_lower`]: String(second) });
    expect(res.status).toBe(303);
    const after = await (await get(t, res.headers.get('location') ?? '')).text();
    expect(plain(after)).toContain(`Rep. Sample Representative ${second} (Distrito ${second})`);
    expect(await storedDistricts(t, 'beto@example.org')).toEqual([
      expect.objectContaining({ chamber: 'upper', method: 'zip' }),
      { chamber: 'lower', method: 'signer', district: second, candidates: null },
    ]);
    // What the signature carries (what its emails read) says the same.
    const carried = await t.deps.db
      .selectFrom('signatures')
      .select('districts')
      .where('email', '=', 'beto@example.org')
      .executeTakeFirstOrThrow();
    expect(unpackDistricts(carried.districts).find((m) => m.chamber === 'lower')).toMatchObject({
      method: 'signer',
      district: String(second),
    });
  });

  it('a district not among the ZIP’s is not taken, and the same ticket cannot overwrite a decided district', async () => {
    const { slug } = await districtPetition(t);
    const [first] = crosswalk('06106', 'lower');
    const { ticket } = await sign(t, slug, { postal_code: '06106', email: 'cora@example.org' });
    await postForm(t, `/en/p/${slug}/thanks/district`, { d: ticket, district_1_lower: '150' });
    expect((await storedDistricts(t, 'cora@example.org'))[1]).toMatchObject({ method: 'split', district: null });
    await postForm(t, `/en/p/${slug}/thanks/district`, { d: ticket, district_1_lower: String(first) });
    const [, second] = crosswalk('06106', 'lower');
    // Replayed with the other district: the row is no longer split, so nothing changes.
    await postForm(t, `/en/p/${slug}/thanks/district`, { d: ticket, district_1_lower: String(second) });
    expect((await storedDistricts(t, 'cora@example.org'))[1]).toMatchObject({ method: 'signer', district: first });
  });

  it('a repeat signer sees the same page and nothing of the first signature changes', async () => {
    const { slug } = await districtPetition(t, { requiresVerification: true });
    const [first, second] = crosswalk('06106', 'lower');
    const original = await sign(t, slug, { postal_code: '06106', email: 'dana@example.org' });
    const repeat = await sign(t, slug, { postal_code: '06106', email: 'dana@example.org' });
    // The same page for both (the ticket differs in its random bytes, never in its length).
    expect(repeat.ticket.length).toBe(original.ticket.length);
    expect(plain(repeat.page).replace(/value="[^"]*"/g, '')).toBe(plain(original.page).replace(/value="[^"]*"/g, ''));
    await postForm(t, `/en/p/${slug}/thanks/district`, { d: repeat.ticket, district_1_lower: String(second) });
    expect((await storedDistricts(t, 'dana@example.org'))[1]).toMatchObject({
      method: 'split',
      candidates: `${first},${second}`,
    });
  });

  it('an altered, expired or other petition’s ticket is refused with a clear page, and the signature stays', async () => {
    const { slug } = await districtPetition(t);
    const other = await districtPetition(t);
    const { ticket } = await sign(t, slug, { postal_code: '06106', email: 'eli@example.org' });
    const altered = `${ticket.slice(0, 20)}${ticket[20] === 'A' ? 'B' : 'A'}${ticket.slice(21)}`;
    for (const [path, d] of [
      [`/en/p/${slug}/thanks/district`, altered],
      [`/en/p/${slug}/thanks/district`, 'not a ticket'],
      [`/en/p/${other.slug}/thanks/district`, ticket],
    ] as const) {
      const res = await postForm(t, path, { d, district_1_lower: '1' });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('This page has expired');
    }
    t.advance(61 * 60_000);
    const late = await postForm(t, `/en/p/${slug}/thanks/district`, { d: ticket, district_1_lower: '1' });
    expect(late.status).toBe(400);
    expect((await storedDistricts(t, 'eli@example.org'))[1]).toMatchObject({ method: 'split' });
  });

  it('a signature carries its districts; the rows by district follow it, and a count read at once includes it', async () => {
    const { slug } = await districtPetition(t);
    const [house] = crosswalk('06511', 'lower');
    await sign(t, slug, { postal_code: '06511', email: 'now@example.org' });
    const carried = await t.deps.db
      .selectFrom('signatures')
      .select('districts')
      .where('email', '=', 'now@example.org')
      .executeTakeFirstOrThrow();
    expect(unpackDistricts(carried.districts)).toContainEqual({
      bodyId: expect.any(Number),
      chamber: 'lower',
      method: 'zip',
      district: house,
      candidates: [],
    });
    const rows = () =>
      t.deps.db.selectFrom('signature_districts').select('signature_id').where('chamber', '=', 'lower').execute();
    // PostgreSQL writes the rows with the signature; SQLite with the next flush (a job every second, and every
    // reader by district first).
    expect(await rows()).toHaveLength(engine.name === 'postgres' ? 1 : 0);
    const json = (await petitionJson(t, slug)) as unknown as Record<string, unknown>;
    expect(json['signatures_by_district']).toContainEqual(
      expect.objectContaining({ chamber: 'lower', district: house, signature_count: 1 }),
    );
    expect(await rows()).toHaveLength(1);
    // Written once: a second flush finds nothing more to write.
    await flushSignatureDistricts(t.deps.db);
    expect(await rows()).toHaveLength(1);
  });

  it('what a signature carries that is not districts is left out, and the rows of the signatures after it are written', async () => {
    const { slug } = await districtPetition(t);
    const [house] = crosswalk('06511', 'lower');
    for (const email of ['a@example.org', 'b@example.org', 'c@example.org'])
      await sign(t, slug, { postal_code: '06511', email });
    // Not written by Firma; were it there, no flush may stop at it (the rows of every later signature would wait).
    await t.deps.db
      .updateTable('signatures')
      .set({ districts: 'not json' })
      .where('email', '=', 'a@example.org')
      .execute();
    await t.deps.db
      .updateTable('signatures')
      .set({ districts: '[["x"], [1, "lower"], "junk", [1, "sideways", "zip", "4", []]]' })
      .where('email', '=', 'b@example.org')
      .execute();
    const written = await storedDistricts(t, 'c@example.org');
    expect(written).toEqual([
      expect.objectContaining({ chamber: 'upper', method: 'zip' }),
      { chamber: 'lower', method: 'zip', district: house, candidates: null },
    ]);
    // PostgreSQL wrote every signer's rows when they signed; SQLite writes none for what it cannot read.
    for (const email of ['a@example.org', 'b@example.org'])
      expect(await storedDistricts(t, email)).toHaveLength(engine.name === 'postgres' ? 2 : 0);
  });

  it('an unknown ZIP is counted as such; the public JSON, the dashboard and the CSV count by district', async () => {
    const { id, slug } = await districtPetition(t);
    const [senate] = crosswalk('06511', 'upper');
    const [house] = crosswalk('06511', 'lower');
    const [h1, h2] = crosswalk('06106', 'lower');
    await sign(t, slug, { postal_code: '06511', email: 'f1@example.org' });
    await sign(t, slug, { postal_code: '06511', email: 'f2@example.org' });
    await sign(t, slug, { postal_code: '06106', email: 'f3@example.org' });
    await sign(t, slug, { postal_code: '06999', email: 'f4@example.org' });

    const json = (await petitionJson(t, slug)) as unknown as Record<string, unknown>;
    expect(json['signatures_by_district']).toContainEqual({
      body: SAMPLE_BODY_SLUG,
      chamber: 'lower',
      district: house,
      ocd_id: `ocd-division/country:us/state:ct/sldl:${house}`,
      legislators: [`Sample Representative ${house}`],
      signature_count: 2,
    });
    expect(json['signatures_without_district']).toEqual(
      expect.arrayContaining([
        {
          body: SAMPLE_BODY_SLUG,
          chamber: 'lower',
          reason: 'zip_split',
          districts: [h1, h2].sort((a, b) => Number(a) - Number(b)),
          signature_count: 1,
        },
        { body: SAMPLE_BODY_SLUG, chamber: 'upper', reason: 'unknown', signature_count: 1 },
        { body: SAMPLE_BODY_SLUG, chamber: 'lower', reason: 'unknown', signature_count: 1 },
      ]),
    );
    expect(json['districts_are_sample_data']).toBe(true);

    const organizer = await signedIn(t, { role: 'admin' });
    const dashboard = await (await getAs(t, organizer, `/organize/${id}`)).text();
    expect(dashboard).toContain('By legislator');
    expect(dashboard).toContain(`District ${house}: 2 signatures`); // the map's district title
    expect(plain(dashboard)).toContain(
      `ZIP split between districts ${[h1, h2].sort((a, b) => Number(a) - Number(b)).join(' and ')}: 1`,
    );
    expect(dashboard).toContain('Sample data');

    const csv = await (await getAs(t, organizer, `/organize/${id}/export.csv`)).text();
    const [header, ...rows] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header).toContain('upper_district,upper_ocd_id,upper_legislator,upper_match,lower_district');
    expect(rows[0]).toContain(`${senate},ocd-division/country:us/state:ct/sldu:${senate},Sample Senator ${senate},zip`);
    expect(rows[2]).toContain(`,,,split ${h1}/${h2}`);
    expect(rows[3]).toMatch(/,,,unknown,,,,unknown$/);

    // A signature stored before signatures carried their districts (migration 0025) has only its rows: the CSV
    // reads them.
    await flushSignatureDistricts(t.deps.db);
    await t.deps.db.updateTable('signatures').set({ districts: null }).where('email', '=', 'f1@example.org').execute();
    const again = (await (await getAs(t, organizer, `/organize/${id}/export.csv`)).text()).trim().split('\r\n');
    expect(again[1]).toBe(rows[0]);
  });

  it('the embedded form’s thank-you page names the legislators and sends a split ZIP to the full page to settle', async () => {
    const { slug } = await districtPetition(t);
    const [senate] = crosswalk('06106', 'upper');
    const res = await postForm(
      t,
      `/en/p/${slug}/embed/sign`,
      validSignature({ postal_code: '06106', email: 'kai@example.org' }),
    );
    expect(res.status).toBe(303);
    const location = res.headers.get('location') ?? '';
    expect(location).toMatch(new RegExp(`^/en/p/${slug}/embed/thanks\\?d=`));
    const page = await (await get(t, location)).text();
    expect(plain(page)).toContain(`Your signature goes to Sen. Sample Senator ${senate} (District ${senate}).`);
    const settle = /href="([^"]*\/thanks\?d=[^"]*)"/.exec(page)?.[1]?.replace(/&amp;/g, '&') ?? '';
    expect(settle.startsWith(`${TEST_ORIGIN}/en/p/${slug}/thanks?d=`)).toBe(true);
    const full = await (await get(t, settle.slice(TEST_ORIGIN.length))).text();
    expect(full).toContain('class="district-form"');
  });

  it('a petition without district targets has empty district counts and asks nothing more', async () => {
    const { slug } = await makePetition(t.deps.db);
    const json = (await petitionJson(t, slug)) as unknown as Record<string, unknown>;
    expect(json['signatures_by_district']).toEqual([]);
    expect(json['signatures_without_district']).toEqual([]);
    const { location, page } = await sign(t, slug, { postal_code: '06106' });
    expect(location).not.toContain('d=');
    expect(page).not.toContain('class="recipients"');
  });
});

/** A US Census Geocoder–compatible server: every address it is asked is at `point` (or not found). */
function startGeocoder() {
  const asked: string[] = [];
  let point: [number, number] | undefined;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    asked.push(url.searchParams.get('address') ?? '');
    const matches = point === undefined ? [] : [{ matchedAddress: 'X', coordinates: { x: point[0], y: point[1] } }];
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ result: { addressMatches: matches } }));
  });
  return {
    asked,
    at(p: [number, number] | undefined) {
      point = p;
    },
    async listen() {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/geocoder/locations/onelineaddress`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.each(enginesToTest())('a street address placed by a geocoder on $name', (engine) => {
  const geocoder = startGeocoder();
  let url = '';
  beforeAll(async () => {
    url = await geocoder.listen();
  });
  afterAll(() => geocoder.close());
  const t = useTestApp(engine, () => ({ env: { GEOCODER_URL: url, GEOCODER: 'census' } }));

  it('the sign form asks for the street address, which finds the district of a split ZIP and is not stored', async () => {
    const { slug } = await districtPetition(t);
    const form = await (await get(t, `/en/p/${slug}`)).text();
    expect(form).toContain('name="street"');
    const [first] = crosswalk('06106', 'lower');
    geocoder.at(sampleZipPoint('06106'));
    await sign(t, slug, { postal_code: '06106', email: 'gia@example.org', street: '1 Main St' });
    expect(geocoder.asked).toContain('1 Main St, 06106');
    expect((await storedDistricts(t, 'gia@example.org'))[1]).toEqual({
      chamber: 'lower',
      method: 'address',
      district: first,
      candidates: null,
    });
    const row = await t.deps.db
      .selectFrom('signatures')
      .selectAll()
      .where('email', '=', 'gia@example.org')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain('Main St');
  });

  it('a ZIP wholly in its districts never sends the address anywhere', async () => {
    const { slug } = await districtPetition(t);
    const before = geocoder.asked.length;
    await sign(t, slug, { postal_code: '06511', email: 'hal@example.org', street: '2 Elm St' });
    expect(geocoder.asked.length).toBe(before);
  });

  it('on the thank-you page: an address the geocoder cannot place says so, another one settles it', async () => {
    const { slug } = await districtPetition(t);
    geocoder.at(undefined);
    const { page, ticket } = await sign(t, slug, { postal_code: '06106', email: 'ivy@example.org' });
    expect(page).toContain('name="street"');
    const miss = await postForm(t, `/en/p/${slug}/thanks/district`, { d: ticket, street: 'Nowhere 9' });
    const missPage = await (await get(t, miss.headers.get('location') ?? '')).text();
    expect(missPage).toContain('We could not place that address in a district');
    expect((await storedDistricts(t, 'ivy@example.org'))[1]).toMatchObject({ method: 'split' });
    geocoder.at(sampleZipPoint('06106'));
    await postForm(t, `/en/p/${slug}/thanks/district`, { d: ticket, street: '3 Oak St' });
    const [first] = crosswalk('06106', 'lower');
    expect((await storedDistricts(t, 'ivy@example.org'))[1]).toMatchObject({ method: 'address', district: first });
  });

  it('one client has at most ten addresses geocoded from thank-you pages an hour; past it the page says so', async () => {
    const { slug } = await districtPetition(t);
    geocoder.at(undefined);
    const { ticket } = await sign(t, slug, { postal_code: '06106', email: 'jo@example.org' });
    const before = geocoder.asked.length;
    let last = '';
    for (let i = 0; i < ADDRESS_LOOKUPS_PER_HOUR + 3; i += 1) {
      const res = await postForm(t, `/en/p/${slug}/thanks/district`, { d: ticket, street: `${i} Elm St` });
      last = res.headers.get('location') ?? '';
    }
    expect(geocoder.asked.length - before).toBe(ADDRESS_LOOKUPS_PER_HOUR);
    expect(last).toContain('unsettled=1');
    expect((await storedDistricts(t, 'jo@example.org'))[1]).toMatchObject({ method: 'split' });
  });
});
