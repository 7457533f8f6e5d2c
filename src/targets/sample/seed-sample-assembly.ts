// The demo's legislature: the generated sample Connecticut General Assembly (people, districts of both chambers,
// ZIP crosswalk), imported through the same services as real files and marked as sample data, so that a
// newcomer sees the directory on first start and no one takes it for the real one.
import { isUniqueViolation } from '../../platform/db/connect.js';
import { CHAMBERS } from '../directory.js';
import { findBody, insertBody } from '../directory-store.js';
import { importBoundaries } from '../import-boundaries.js';
import { importPeople, type DirectoryDeps } from '../import-people.js';
import { importZipCrosswalk } from '../import-zips.js';
import { sampleDistricts, samplePeople, sampleZipCrosswalk } from './sample-assembly.js';

export const SAMPLE_BODY_SLUG = 'ct-general-assembly';

const NAMES = {
  en: 'Connecticut General Assembly',
  es: 'Asamblea General de Connecticut',
  'pt-BR': 'Assembleia Geral de Connecticut',
  ht: 'Asanble Jeneral Connecticut',
  ar: 'الجمعية العامة لولاية كونيتيكت',
};

/** Imports the sample legislature unless a body of its slug exists (a real one loaded by the organizer). */
export async function seedSampleAssembly(deps: DirectoryDeps): Promise<boolean> {
  if ((await findBody(deps.db, SAMPLE_BODY_SLUG)) !== undefined) return false;
  try {
    await insertBody(deps.db, { slug: SAMPLE_BODY_SLUG, state: 'ct', sample: true, names: NAMES }, deps.now());
  } catch (err) {
    // Another process starting at the same moment made it first.
    if (isUniqueViolation(err)) return false;
    throw err;
  }
  const actor = null;
  await importPeople(deps, { bodySlug: SAMPLE_BODY_SLUG, state: 'ct', names: NAMES, records: samplePeople(), actor });
  for (const chamber of CHAMBERS) {
    const records = sampleDistricts(chamber);
    await importBoundaries(deps, { bodySlug: SAMPLE_BODY_SLUG, chamber, source: 'Firma sample data', records, actor });
  }
  await importZipCrosswalk(deps, { bodySlug: SAMPLE_BODY_SLUG, records: sampleZipCrosswalk(), actor });
  return true;
}
