// The directory of decision-makers on both engines: an admin imports a legislature's people from an Open
// States CSV (again, with changed seats), its district boundaries and a ZIP crosswalk; a bad file changes
// nothing and every problem is listed in the admin's language; only admins reach any of it.
import { describe, expect, it } from 'vitest';
import { getAs, signedIn, type SignedIn } from '../support/accounts.js';
import { copy } from '../support/copy.js';
import { enginesToTest } from '../support/databases.js';
import { TEST_ORIGIN, useTestApp, type TestApp } from '../support/test-app.js';
import { seatsOn } from '../../src/targets/directory-store.js';
import { currentDistricts } from '../../src/targets/boundary-store.js';

const HEADER =
  'id,name,current_party,current_district,current_chamber,given_name,family_name,gender,email,biography,birth_date,death_date,image,links,sources,capitol_address,capitol_voice,capitol_fax,district_address,district_voice,district_fax,twitter,youtube,instagram,facebook,wikidata';

function person(id: string, name: string, chamber: string, district: string, email: string): string {
  return `ocd-person/${id},${name},Democratic,${district},${chamber},,,,${email},,,,,https://www.cga.ct.gov/,,"Legislative Office Building, Room 2000
Hartford, CT 06106",860-240-0000,,,,,,,,,`;
}

const FIRST = [
  HEADER,
  person('a1', 'Ana Alvarez', 'upper', '5', 'ana@example.org'),
  person('b2', 'Ben Brooks', 'upper', '6', 'ben@example.org'),
  person('c3', 'Cora Chen', 'lower', '12', 'cora@example.org'),
  person('d4', 'Dan Diaz', 'lower', '13', 'dan@example.org'),
].join('\n');

// Ben left; Cora has a new email; Dan moved to the Senate; Eve is new.
const SECOND = [
  HEADER,
  person('a1', 'Ana Alvarez', 'upper', '5', 'ana@example.org'),
  person('c3', 'Cora Chen', 'lower', '12', 'cora.chen@example.org'),
  person('d4', 'Dan Diaz', 'upper', '6', 'dan@example.org'),
  person('e5', 'Eve Evans', 'lower', '13', 'eve@example.org'),
].join('\n');

function square(x: number, y: number, size = 0.1): number[][] {
  return [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
    [x, y],
  ];
}

const DISTRICTS = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { SLDUST: '005' },
      geometry: { type: 'Polygon', coordinates: [square(-72.7, 41.7)] },
    },
    {
      type: 'Feature',
      properties: { SLDUST: '006' },
      geometry: { type: 'MultiPolygon', coordinates: [[square(-72.6, 41.7)], [square(-72.4, 41.7, 0.05)]] },
    },
    { type: 'Feature', properties: { SLDUST: 'ZZZ' }, geometry: { type: 'Polygon', coordinates: [square(-72, 41)] } },
    {
      type: 'Feature',
      properties: { SLDUST: '007' },
      geometry: { type: 'Polygon', coordinates: [square(-72.5, 41.7)] },
    },
  ],
});

describe.each(enginesToTest())('the directory of decision-makers on $name', (engine) => {
  const t = useTestApp(engine);

  function upload(who: SignedIn, path: string, fields: Record<string, string>, file?: [string, string], locale = 'en') {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    if (file !== undefined) form.append('file', new File([file[1]], file[0], { type: 'application/octet-stream' }));
    return t.app.request(path, {
      method: 'POST',
      body: form,
      headers: { Origin: TEST_ORIGIN, 'Sec-Fetch-Site': 'same-origin', Cookie: who.cookie, 'Accept-Language': locale },
    });
  }

  async function bodyId(app: TestApp, slug: string): Promise<number> {
    const row = await app.deps.db
      .selectFrom('target_bodies')
      .select('id')
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  it('imports the people, then a new file ends the seats of those gone, moves the one who changed seats, and dates each seat', async () => {
    const admin = await signedIn(t, { role: 'admin' });
    const first = await upload(admin, '/admin/targets/imports/people', { body: 'ct-general-assembly', state: 'ct' }, [
      'ct.csv',
      FIRST,
    ]);
    expect(first.status).toBe(200);
    const firstPage = await first.text();
    expect(firstPage).toContain(
      copy('en', 'targets.imported.people', { added: 4, updated: 0, moved: 0, ended: 0, unchanged: 0 }),
    );
    expect(firstPage).toContain('Cora Chen');

    t.advance(2 * 24 * 3600 * 1000);
    const second = await upload(admin, '/admin/targets/imports/people', { body: 'ct-general-assembly' }, [
      'ct.csv',
      SECOND,
    ]);
    expect(second.status).toBe(200);
    expect(await second.text()).toContain(
      copy('en', 'targets.imported.people', { added: 1, updated: 1, moved: 1, ended: 1, unchanged: 1 }),
    );

    const id = await bodyId(t, 'ct-general-assembly');
    const seats = (day: string) =>
      seatsOn(t.deps.db, id, day).then((s) => s.map((x) => `${x.chamber} ${x.district} ${x.name}`));
    // The day of the first import: its holders; two days later: the new ones.
    expect(await seats('2026-11-25')).toEqual([
      'upper 5 Ana Alvarez',
      'upper 6 Ben Brooks',
      'lower 12 Cora Chen',
      'lower 13 Dan Diaz',
    ]);
    expect(await seats('2026-11-27')).toEqual([
      'upper 5 Ana Alvarez',
      'upper 6 Dan Diaz',
      'lower 12 Cora Chen',
      'lower 13 Eve Evans',
    ]);
    const cora = (await seatsOn(t.deps.db, id, '2026-11-27')).find((s) => s.name === 'Cora Chen');
    expect(cora?.email).toBe('cora.chen@example.org');
    expect(cora?.address).toBe('Legislative Office Building, Room 2000\nHartford, CT 06106');
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'targets.%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['targets.import_people', 'targets.import_people']);
  });

  it('a bad people file lists every problem with its line, in Spanish too, and changes nothing', async () => {
    const admin = await signedIn(t, { role: 'admin' });
    const bad = [
      HEADER,
      person('a1', 'Ana Alvarez', 'senate', '5', 'ana@example.org'),
      person('a1', 'Ana Again', 'upper', '', 'not-an-email'),
    ].join('\n');
    for (const locale of ['en', 'es'] as const) {
      const res = await upload(
        admin,
        '/admin/targets/imports/people',
        { body: 'ct-general-assembly', state: 'ct' },
        ['bad.csv', bad],
        locale,
      );
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toContain(copy(locale, 'targets.problems.heading', { count: 4 }));
      const chamber = copy(locale, 'targets.problem.chamber', { value: 'senate' });
      expect(html).toContain(escapeHtml(copy(locale, 'targets.problem.atLine', { line: 2, problem: chamber })));
      // The second row starts on line 4: the first row's quoted address spans two lines.
      expect(html).toContain(
        escapeHtml(
          copy(locale, 'targets.problem.atLine', {
            line: 4,
            problem: copy(locale, 'targets.problem.duplicatePerson', { id: 'ocd-person/a1', line: 2 }),
          }),
        ),
      );
    }
    expect(await t.deps.db.selectFrom('target_bodies').selectAll().execute()).toEqual([]);
    expect(await t.deps.db.selectFrom('target_people').selectAll().execute()).toEqual([]);
  });

  it('imports district boundaries as new versions, with Open Civic Data ids, leaving water out, and a ZIP crosswalk', async () => {
    const admin = await signedIn(t, { role: 'admin' });
    await upload(admin, '/admin/targets/imports/people', { body: 'ct-general-assembly', state: 'ct' }, [
      'ct.csv',
      FIRST,
    ]);
    const path = '/admin/targets/imports/ct-general-assembly/districts';
    const res = await upload(admin, path, { chamber: 'upper', id_property: 'SLDUST' }, [
      'tl_2023_09_sldu.geojson',
      DISTRICTS,
    ]);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(copy('en', 'targets.imported.districts', { version: 1, districts: 3 }));
    expect(html).toContain(escapeHtml(copy('en', 'targets.imported.withoutPeople', { list: '7' })));
    const id = await bodyId(t, 'ct-general-assembly');
    const districts = await currentDistricts(t.deps.db, id, 'upper');
    expect(districts.map((d) => [d.district, d.ocdId, d.geometry.type])).toEqual([
      ['5', 'ocd-division/country:us/state:ct/sldu:5', 'Polygon'],
      ['6', 'ocd-division/country:us/state:ct/sldu:6', 'MultiPolygon'],
      ['7', 'ocd-division/country:us/state:ct/sldu:7', 'Polygon'],
    ]);
    const again = await upload(admin, path, { chamber: 'upper', id_property: 'SLDUST' }, [
      'redrawn.geojson',
      DISTRICTS,
    ]);
    expect(await again.text()).toContain(copy('en', 'targets.imported.districts', { version: 2, districts: 3 }));

    const zips = await upload(admin, '/admin/targets/imports/ct-general-assembly/zips', {}, [
      'zips.csv',
      'zip,chamber,district,share\n06106,upper,5,1\n06106,lower,12,0.6\n06106,lower,13,0.4\n06511,upper,6,1\n',
    ]);
    expect(zips.status).toBe(200);
    expect(await zips.text()).toContain(copy('en', 'targets.imported.zips', { zips: 2, split: 1 }));
  });

  it('a boundary file in a projection, or naming no district, is refused feature by feature and adds no version', async () => {
    const admin = await signedIn(t, { role: 'admin' });
    await upload(admin, '/admin/targets/imports/people', { body: 'ct-general-assembly', state: 'ct' }, [
      'ct.csv',
      FIRST,
    ]);
    const projected = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { SLDUST: '005' },
          geometry: { type: 'Polygon', coordinates: [square(1_000_000, 600_000, 5000)] },
        },
        {
          type: 'Feature',
          properties: { NAME: 'x' },
          geometry: { type: 'Polygon', coordinates: [square(-72.5, 41.7)] },
        },
      ],
    });
    const res = await upload(
      admin,
      '/admin/targets/imports/ct-general-assembly/districts',
      { chamber: 'upper', id_property: 'SLDUST' },
      ['state-plane.geojson', projected],
      'es',
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain(
      escapeHtml(
        copy('es', 'targets.problem.atFeature', { feature: 1, problem: copy('es', 'targets.problem.coordinates') }),
      ),
    );
    expect(html).toContain(
      escapeHtml(
        copy('es', 'targets.problem.atFeature', {
          feature: 2,
          problem: copy('es', 'targets.problem.idProperty', { property: 'SLDUST' }),
        }),
      ),
    );
    expect(await t.deps.db.selectFrom('target_boundary_sets').selectAll().execute()).toEqual([]);
  });

  it('the form without a chamber, a property or a file answers 422 beside each field', async () => {
    const admin = await signedIn(t, { role: 'admin' });
    await upload(admin, '/admin/targets/imports/people', { body: 'ct-general-assembly', state: 'ct' }, [
      'ct.csv',
      FIRST,
    ]);
    const res = await upload(admin, '/admin/targets/imports/ct-general-assembly/districts', {}, undefined, 'es');
    expect(res.status).toBe(422);
    const html = await res.text();
    for (const key of ['targets.error.chamber', 'targets.error.idProperty', 'targets.error.file'] as const)
      expect(html).toContain(escapeHtml(copy('es', key)));
    const noBody = await upload(admin, '/admin/targets/imports/people', { body: 'Not A Slug!' }, undefined);
    expect(noBody.status).toBe(422);
  });

  it('only admins reach the directory: organizers and moderators get 404, signed-out visitors the sign-in page', async () => {
    const admin = await signedIn(t, { role: 'admin' });
    await upload(admin, '/admin/targets/imports/people', { body: 'ct-general-assembly', state: 'ct' }, [
      'ct.csv',
      FIRST,
    ]);
    for (const role of ['organizer', 'moderator'] as const) {
      const who = await signedIn(t, { role });
      expect((await getAs(t, who, '/admin/targets')).status).not.toBe(200);
      const res = await upload(who, '/admin/targets/imports/people', { body: 'ct-general-assembly' }, [
        'ct.csv',
        SECOND,
      ]);
      expect(res.status).not.toBe(200);
    }
    const anonymous = await t.app.request('/admin/targets/ct-general-assembly');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/signin?next=%2Fadmin%2Ftargets%2Fct-general-assembly');
    // Nothing the others sent was imported.
    const id = await bodyId(t, 'ct-general-assembly');
    expect(await seatsOn(t.deps.db, id, '2026-11-25')).toHaveLength(4);
    expect((await getAs(t, admin, '/admin/targets/ct-general-assembly')).status).toBe(200);
  });
});

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
