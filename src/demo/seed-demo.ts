// Creates the demo petition with clearly synthetic signatures spread over Connecticut towns.
import { isUniqueViolation, type Db } from '../platform/db/connect.js';
import { recordMilestones } from '../milestones/milestone-store.js';
import { milestonesBetween } from '../milestones/notify-milestones.js';
import { insertPetition } from '../petitions/petition-store.js';
import { addToCount } from '../signing/signature-counts.js';
import { NAME_DISPLAYS } from '../signing/sign-form.js';
import { connecticutZipCodes } from '../platform/zip-towns.js';
import { ctTrustActPetition, DEMO_SLUG } from './ct-trust-act.js';
import { SAMPLE_BODY_SLUG, seedSampleAssembly } from '../targets/sample/seed-sample-assembly.js';
import { findBody } from '../targets/directory-store.js';
import { CHAMBERS, type Chamber } from '../targets/directory.js';
import type { DistrictMatch } from '../targets/match-signer.js';
import { flushSignatureDistricts, packDistricts, writeDistrictRows } from '../targets/signature-districts.js';

export const DEMO_SIGNATURES = 120;

const FIRST_NAMES = [
  'María',
  'José',
  'Ana',
  'Luis',
  'Carmen',
  'Jorge',
  'Rosa',
  'Miguel',
  'Sofía',
  'Carlos',
  'Emily',
  'James',
  'Sarah',
  'David',
  'Grace',
  'Kevin',
  'Lucía',
  'Diego',
  'Valentina',
  'Mateo',
  'Guadalupe',
  'Andrés',
  'Jennifer',
  'Michael',
  'Fátima',
  'Nadia',
  'Omar',
  'Peter',
  'Yesenia',
  'Samuel',
];
// Surnames that say "this is not a real person".
const SYNTHETIC_SURNAMES = ['Ejemplo', 'Muestra', 'Demo', 'Sample', 'Example', 'Prueba', 'Placeholder', 'Ficticio'];
const COMMENTS = [
  'Our neighbors deserve due process.',
  'Nuestra comunidad merece confianza, no miedo.',
  'Keep ICE out of our courthouses and jails.',
  'Por mi familia y por todas las familias de Connecticut.',
  'Local police should protect everyone.',
];

/** A small deterministic generator, so every demo database looks the same. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** A demo signer's district in one chamber, from the crosswalk alone (a split ZIP stays split, as for any signer). */
function zipMatch(
  crosswalk: readonly { zip: string; chamber: string; district: string }[],
  seat: { bodyId: number; chamber: Chamber },
  zip: string,
): DistrictMatch {
  const districts = crosswalk
    .filter((row) => row.zip === zip && row.chamber === seat.chamber)
    .map((row) => row.district);
  const [only] = districts;
  if (districts.length === 1 && only !== undefined) return { ...seat, method: 'zip', district: only, candidates: [] };
  return { ...seat, method: districts.length > 1 ? 'split' : 'unknown', district: null, candidates: districts };
}

export interface SeedDemoOptions {
  now: Date;
  signatures?: number;
}

/** Creates the demo petition unless it exists; returns its id, or undefined when it was already there. */
export async function seedDemo(
  db: Db,
  { now, signatures = DEMO_SIGNATURES }: SeedDemoOptions,
): Promise<number | undefined> {
  const existing = await db.selectFrom('petitions').select('id').where('slug', '=', DEMO_SLUG).executeTakeFirst();
  if (existing !== undefined) return undefined;
  // The petition's legislature, as generated sample data (docs/targets.md says where the real files are).
  await seedSampleAssembly({ db, now: () => now });
  // The demo petition goes to each signer's own senator and representative in it (a real legislature loaded under
  // the same slug instead is used the same way).
  const assembly = await findBody(db, SAMPLE_BODY_SLUG);
  const seatTargets = assembly === undefined ? [] : CHAMBERS.map((chamber) => ({ bodyId: assembly.id, chamber }));
  const start = new Date(now.getTime() - 30 * 24 * 3600 * 1000);
  let petitionId: number;
  try {
    petitionId = await insertPetition(db, { ...ctTrustActPetition(start.toISOString()), seatTargets });
  } catch (err) {
    // Another process starting at the same moment made it first.
    if (isUniqueViolation(err)) return undefined;
    throw err;
  }
  const crosswalk =
    assembly === undefined
      ? []
      : await db
          .selectFrom('target_zip_districts')
          .selectAll()
          .where('body_id', '=', assembly.id)
          .orderBy('share', 'desc')
          .execute();
  const random = seededRandom(2018);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T; // index is within bounds
  const zips = connecticutZipCodes();
  const span = now.getTime() - start.getTime();
  // Spread over the last thirty days, in order.
  const signedAt = (n: number) => new Date(start.getTime() + Math.floor((span * n) / (signatures + 1))).toISOString();
  const BATCH = 500;
  for (let first = 0; first < signatures; first += BATCH) {
    const size = Math.min(BATCH, signatures - first);
    const rows = Array.from({ length: size }, (_, i) => {
      const n = first + i + 1;
      const [zip, town] = pick(zips);
      const locale = random() < 0.45 ? 'es' : 'en';
      const email = `demo-signer-${n}@example.org`;
      return {
        petition_id: petitionId,
        locale,
        name: `${pick(FIRST_NAMES)} ${pick(SYNTHETIC_SURNAMES)}`,
        email,
        email_normalized: email,
        postal_code: zip,
        town,
        comment: random() < 0.15 ? pick(COMMENTS) : null,
        name_display: pick(NAME_DISPLAYS),
        opt_in: random() < 0.6 ? 1 : 0,
        source: random() < 0.3 ? pick(['whatsapp', 'email', 'facebook', 'flyer']) : null,
        status: 'confirmed',
        ip_hash: null,
        created_at: signedAt(n),
      };
    });
    await db.transaction().execute(async (trx) => {
      const matchesOf = (zip: string) => seatTargets.map((seat) => zipMatch(crosswalk, seat, zip));
      const ids = await trx
        .insertInto('signatures')
        .values(rows.map((row) => ({ ...row, districts: packDistricts(matchesOf(row.postal_code)) })))
        .returning(['id', 'postal_code', 'created_at'])
        .execute();
      await writeDistrictRows(
        trx,
        ids.flatMap((row) =>
          matchesOf(row.postal_code).map((match) => ({
            signatureId: row.id,
            petitionId,
            match,
            updatedAt: row.created_at,
          })),
        ),
      );
      await addToCount(trx, petitionId, size, 0);
    });
  }
  await flushSignatureDistricts(db);
  // The milestones the demo history passed, dated by the signature that reached each; nobody is emailed for them.
  let previous = 0;
  for (const milestone of milestonesBetween(0, signatures)) {
    await recordMilestones(db, {
      petitionId,
      previous,
      milestones: [milestone],
      reachedAt: signedAt(milestone),
      announcedAt: signedAt(milestone),
    });
    previous = milestone;
  }
  return petitionId;
}
