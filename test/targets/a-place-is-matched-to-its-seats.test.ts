// The directory's port on both engines, with the demo's sample legislature: a point goes to one district of each
// chamber and its holders, a ZIP through the crosswalk — wholly in a district, or split and said to be split —
// and a redrawn boundary set is used as soon as it is imported.
import { describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { useTestApp } from '../support/test-app.js';
import { importBoundaries } from '../../src/targets/import-boundaries.js';
import { districtIndexCache, officesFor, type Office } from '../../src/targets/offices-for.js';
import { sampleDistricts, sampleZipCrosswalk, sampleZipPoint } from '../../src/targets/sample/sample-assembly.js';
import { SAMPLE_BODY_SLUG, seedSampleAssembly } from '../../src/targets/sample/seed-sample-assembly.js';

const TODAY = '2026-11-25';

function summary(offices: Office[] | undefined): string[] {
  return (offices ?? []).map((o) =>
    o.kind === 'district'
      ? `${o.chamber} ${o.district} ${o.ocdId} ${o.holders.map((h) => h.name).join(' & ')}`
      : o.kind === 'split'
        ? `${o.chamber} split ${o.districts.map((d) => `${d.district}:${d.share}`).join(' ')}`
        : `${o.chamber} unknown`,
  );
}

describe.each(enginesToTest())('a place matched to its seats on $name', (engine) => {
  const t = useTestApp(engine);

  async function setUp() {
    await seedSampleAssembly(t.deps);
    return { db: t.deps.db, indexes: districtIndexCache(t.deps.db) };
  }

  const crosswalk = (zip: string, chamber: string) =>
    sampleZipCrosswalk().filter((r) => r.zip === zip && r.chamber === chamber);

  it('a point and a ZIP wholly in one district each find the same seats and who holds them', async () => {
    const deps = await setUp();
    const point = sampleZipPoint('06511');
    if (point === undefined) throw new Error('the sample has 06511');
    const [upper] = crosswalk('06511', 'upper');
    const [lower] = crosswalk('06511', 'lower');
    const expected = [
      `upper ${upper?.district} ocd-division/country:us/state:ct/sldu:${upper?.district} Sample Senator ${upper?.district}`,
      `lower ${lower?.district} ocd-division/country:us/state:ct/sldl:${lower?.district} Sample Representative ${lower?.district}`,
    ];
    const byPoint = await officesFor(deps, SAMPLE_BODY_SLUG, { point: { lon: point[0], lat: point[1] } }, TODAY);
    expect(summary(byPoint)).toEqual(expected);
    expect(summary(await officesFor(deps, SAMPLE_BODY_SLUG, { postalCode: '06511' }, TODAY))).toEqual(expected);
  });

  it('a ZIP split between House districts is answered as split, with each share; its Senate district is found', async () => {
    const deps = await setUp();
    const offices = summary(await officesFor(deps, SAMPLE_BODY_SLUG, { postalCode: '06106' }, TODAY));
    const [upper] = crosswalk('06106', 'upper');
    expect(offices[0]).toMatch(new RegExp(`^upper ${upper?.district} `));
    const lower = crosswalk('06106', 'lower').sort((a, b) => b.share - a.share);
    expect(offices[1]).toBe(`lower split ${lower.map((r) => `${r.district}:${r.share}`).join(' ')}`);
    expect(lower.map((r) => r.share)).toEqual([0.6, 0.4]);
  });

  it('outside every district, an unknown ZIP, a day before anyone held the seats, an unknown body', async () => {
    const deps = await setUp();
    const boston = { point: { lon: -71.06, lat: 42.36 } };
    expect(summary(await officesFor(deps, SAMPLE_BODY_SLUG, boston, TODAY))).toEqual([
      'upper unknown',
      'lower unknown',
    ]);
    expect(summary(await officesFor(deps, SAMPLE_BODY_SLUG, { postalCode: '99999' }, TODAY))).toEqual([
      'upper unknown',
      'lower unknown',
    ]);
    const before = await officesFor(deps, SAMPLE_BODY_SLUG, { postalCode: '06511' }, '2020-01-01');
    expect(before?.map((o) => (o.kind === 'district' ? o.holders.length : -1))).toEqual([0, 0]);
    expect(await officesFor(deps, 'no-such-body', { postalCode: '06511' }, TODAY)).toBeUndefined();
  });

  it('a redrawn boundary set is used from the moment it is imported, by the same cache', async () => {
    const deps = await setUp();
    const point = sampleZipPoint('06511');
    if (point === undefined) throw new Error('the sample has 06511');
    const place = { point: { lon: point[0], lat: point[1] } };
    const first = await officesFor(deps, SAMPLE_BODY_SLUG, place, TODAY);
    const district = first?.[0]?.kind === 'district' ? first[0].district : '';
    // Redrawn: the same shapes, every district renumbered n → n + 100.
    const redrawn = sampleDistricts('upper').map((d) => ({ ...d, district: String(Number(d.district) + 100) }));
    await importBoundaries(t.deps, {
      bodySlug: SAMPLE_BODY_SLUG,
      chamber: 'upper',
      source: 'redrawn',
      records: redrawn,
      actor: null,
    });
    const after = await officesFor(deps, SAMPLE_BODY_SLUG, place, TODAY);
    expect(after?.[0]).toMatchObject({ kind: 'district', district: String(Number(district) + 100), holders: [] });
  });
});
