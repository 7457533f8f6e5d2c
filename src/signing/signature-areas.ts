// Where a petition is being signed: confirmed signatures by postal area. A US ZIP code's first three digits name
// its sectional center (a city and the towns around it: 061 is Hartford's), so "near" needs no map data: the
// petitions most signed in a visitor's area are the ones people around them are signing.
import { sql } from 'kysely';
import type { Db } from '../platform/db/connect.js';

/** The postal area of a US ZIP code ("06106" → "061"), or undefined for anything else. */
export function postalArea(zip: string): string | undefined {
  return /^\d{5}$/.test(zip) ? zip.slice(0, 3) : undefined;
}

/**
 * Fewer signers than this from an area are not told: a petition listed as signed "around" a place by one or two
 * people would point at them. Signers may be afraid of exposure.
 */
export const MIN_SIGNERS_IN_AREA = 5;

/**
 * The petitions with the most confirmed signatures from postal codes in `areas` (at least MIN_SIGNERS_IN_AREA),
 * most first, with those counts.
 * Bounded by digits only ("06100" to "06199…"), which every collation orders the same way, so the index by
 * postal code serves it on both engines.
 */
export async function mostSignedInAreas(
  db: Db,
  areas: readonly string[],
  limit: number,
): Promise<{ petitionId: number; count: number }[]> {
  const valid = areas.filter((a) => /^\d{3}$/.test(a));
  if (valid.length === 0) return [];
  const rows = await db
    .selectFrom('signatures')
    .select(['petition_id', sql<number>`count(*)`.as('count')])
    .where('status', '=', 'confirmed')
    .where((eb) =>
      eb.or(valid.map((a) => eb.and([eb('postal_code', '>=', `${a}00`), eb('postal_code', '<=', `${a}999999`)]))),
    )
    .groupBy('petition_id')
    .having(sql`count(*)`, '>=', MIN_SIGNERS_IN_AREA)
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('petition_id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ petitionId: r.petition_id, count: Number(r.count) }));
}
