// A petition to each signer's senator and representative in the sample assembly, and the sample crosswalk's
// districts for a ZIP: what the tests of district targets start from.
import type { Chamber } from '../../src/targets/directory.js';
import { findBody } from '../../src/targets/directory-store.js';
import { sampleZipCrosswalk } from '../../src/targets/sample/sample-assembly.js';
import { SAMPLE_BODY_SLUG, seedSampleAssembly } from '../../src/targets/sample/seed-sample-assembly.js';
import { makePetition } from './factories.js';
import type { TestApp } from './test-app.js';

/** The districts of a chamber a ZIP lies in, largest share first. */
export const crosswalk = (zip: string, chamber: string) =>
  sampleZipCrosswalk()
    .filter((r) => r.zip === zip && r.chamber === chamber)
    .sort((a, b) => b.share - a.share)
    .map((r) => r.district);

/** A petition to every signer's senator and representative in the sample assembly (or to those of `chambers`). */
export async function districtPetition(
  t: TestApp,
  overrides: Parameters<typeof makePetition>[1] = {},
  chambers: readonly Chamber[] = ['upper', 'lower'],
) {
  await seedSampleAssembly({ db: t.deps.db, now: t.deps.now });
  const body = await findBody(t.deps.db, SAMPLE_BODY_SLUG);
  if (body === undefined) throw new Error('the sample assembly was seeded');
  const petition = await makePetition(t.deps.db, {
    seatTargets: chambers.map((chamber) => ({ bodyId: body.id, chamber })),
    ...overrides,
  });
  return { ...petition, bodyId: body.id };
}

/** Two ZIPs each wholly in one House district, and those districts (different). */
export function twoHouseZips(): {
  home: { zip: string; district: string };
  elsewhere: { zip: string; district: string };
} {
  const lower = sampleZipCrosswalk().filter((r) => r.chamber === 'lower');
  const whole = [...new Set(lower.map((r) => r.zip))]
    .map((zip) => lower.filter((r) => r.zip === zip))
    .filter((rows) => rows.length === 1)
    .map((rows) => ({ zip: rows[0]?.zip ?? '', district: rows[0]?.district ?? '' }));
  const home = whole[0];
  const elsewhere = whole.find((w) => w.district !== home?.district);
  if (home === undefined || elsewhere === undefined) throw new Error('the sample crosswalk has whole ZIPs');
  return { home, elsewhere };
}
