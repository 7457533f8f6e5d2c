// A petition to each signer's senator and representative in the sample assembly, and the sample crosswalk's
// districts for a ZIP: what the tests of district targets start from.
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

/** A petition to every signer's senator and representative in the sample assembly. */
export async function districtPetition(t: TestApp, overrides: Parameters<typeof makePetition>[1] = {}) {
  await seedSampleAssembly({ db: t.deps.db, now: t.deps.now });
  const body = await findBody(t.deps.db, SAMPLE_BODY_SLUG);
  if (body === undefined) throw new Error('the sample assembly was seeded');
  const petition = await makePetition(t.deps.db, {
    seatTargets: [
      { bodyId: body.id, chamber: 'upper' },
      { bodyId: body.id, chamber: 'lower' },
    ],
    ...overrides,
  });
  return { ...petition, bodyId: body.id };
}
