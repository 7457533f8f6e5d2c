// The SQL of boundary sets and their districts, and of the ZIP crosswalk.
import type { Db } from '../platform/db/connect.js';
import type { Chamber, DistrictRecord, ZipShareRecord } from './directory.js';
import { ocdDivisionId } from './district-id.js';
import type { Body } from './directory-store.js';

/** Districts are inserted this many at a time: a district's geometry can be a few hundred kilobytes. */
const DISTRICTS_PER_INSERT = 20;

/** Adds the next version of the chamber's boundary set; returns its version number. */
export async function insertBoundarySet(
  db: Db,
  set: { body: Body; chamber: Chamber; source: string },
  districts: DistrictRecord[],
  now: Date,
): Promise<number> {
  const latest = await db
    .selectFrom('target_boundary_sets')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('body_id', '=', set.body.id)
    .where('chamber', '=', set.chamber)
    .executeTakeFirst();
  const version = Number(latest?.version ?? 0) + 1;
  const { id } = await db
    .insertInto('target_boundary_sets')
    .values({
      body_id: set.body.id,
      chamber: set.chamber,
      version,
      source: set.source,
      imported_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (let i = 0; i < districts.length; i += DISTRICTS_PER_INSERT) {
    await db
      .insertInto('target_districts')
      .values(
        districts.slice(i, i + DISTRICTS_PER_INSERT).map((d) => ({
          set_id: id,
          district: d.district,
          ocd_id: ocdDivisionId(set.body.state, set.chamber, d.district),
          geometry: JSON.stringify(d.geometry),
        })),
      )
      .execute();
  }
  return version;
}

export interface BoundarySetSummary {
  chamber: Chamber;
  version: number;
  source: string;
  importedAt: string;
  districts: number;
}

/** The newest boundary set of each chamber of the body, with its district count. */
export async function currentBoundarySets(db: Db, bodyId: number): Promise<BoundarySetSummary[]> {
  const rows = await db
    .selectFrom('target_boundary_sets as s')
    .leftJoin('target_districts as d', 'd.set_id', 's.id')
    .select((eb) => [
      's.chamber',
      's.version',
      's.source',
      's.imported_at',
      eb.fn.count<number>('d.id').as('districts'),
    ])
    .where('s.body_id', '=', bodyId)
    .groupBy(['s.id', 's.chamber', 's.version', 's.source', 's.imported_at'])
    .orderBy('s.version', 'desc')
    .execute();
  const newest = new Map<string, BoundarySetSummary>();
  for (const row of rows) {
    if (newest.has(row.chamber)) continue;
    newest.set(row.chamber, {
      chamber: row.chamber === 'upper' ? 'upper' : 'lower',
      version: row.version,
      source: row.source,
      importedAt: row.imported_at,
      districts: Number(row.districts),
    });
  }
  return [...newest.values()].sort((a, b) => (a.chamber === b.chamber ? 0 : a.chamber === 'upper' ? -1 : 1));
}

/** The id of the chamber's newest boundary set (the one in use), if it has any. */
export async function newestBoundarySetId(db: Db, bodyId: number, chamber: Chamber): Promise<number | undefined> {
  const set = await db
    .selectFrom('target_boundary_sets')
    .select('id')
    .where('body_id', '=', bodyId)
    .where('chamber', '=', chamber)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return set?.id;
}

/** The districts of the chamber's newest boundary set, geometry parsed. */
export async function currentDistricts(
  db: Db,
  bodyId: number,
  chamber: Chamber,
): Promise<(DistrictRecord & { ocdId: string })[]> {
  const setId = await newestBoundarySetId(db, bodyId, chamber);
  return setId === undefined ? [] : districtsOfSet(db, setId);
}

/** The district ids of the chamber's newest boundary set (no geometry read). */
export async function currentDistrictIds(db: Db, bodyId: number, chamber: Chamber): Promise<string[]> {
  const setId = await newestBoundarySetId(db, bodyId, chamber);
  if (setId === undefined) return [];
  const rows = await db.selectFrom('target_districts').select('district').where('set_id', '=', setId).execute();
  return rows.map((r) => r.district);
}

/** The districts of one boundary set, geometry parsed. */
export async function districtsOfSet(db: Db, setId: number): Promise<(DistrictRecord & { ocdId: string })[]> {
  const rows = await db
    .selectFrom('target_districts')
    .select(['district', 'ocd_id', 'geometry'])
    .where('set_id', '=', setId)
    .execute();
  return rows.map((row) => ({
    district: row.district,
    ocdId: row.ocd_id,
    geometry: JSON.parse(row.geometry) as DistrictRecord['geometry'], // written by insertBoundarySet from a checked record
  }));
}

/** Replaces the body's ZIP crosswalk. */
export async function replaceZipShares(db: Db, bodyId: number, rows: ZipShareRecord[]): Promise<void> {
  await db.deleteFrom('target_zip_districts').where('body_id', '=', bodyId).execute();
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('target_zip_districts')
      .values(
        rows.slice(i, i + 500).map((r) => ({
          body_id: bodyId,
          zip: r.zip,
          chamber: r.chamber,
          district: r.district,
          share: r.share,
        })),
      )
      .execute();
  }
}

/** The districts a ZIP's addresses are in, per chamber, largest share first. */
export async function zipShares(db: Db, bodyId: number, zip: string): Promise<ZipShareRecord[]> {
  const rows = await db
    .selectFrom('target_zip_districts')
    .select(['zip', 'chamber', 'district', 'share'])
    .where('body_id', '=', bodyId)
    .where('zip', '=', zip)
    .orderBy('chamber', 'desc')
    .orderBy('share', 'desc')
    .execute();
  return rows.map((r) => ({
    zip: r.zip,
    chamber: r.chamber === 'upper' ? 'upper' : 'lower',
    district: r.district,
    share: r.share,
  }));
}

export async function zipCount(db: Db, bodyId: number): Promise<number> {
  const row = await db
    .selectFrom('target_zip_districts')
    .select((eb) => eb.fn.count<number>('zip').distinct().as('zips'))
    .where('body_id', '=', bodyId)
    .executeTakeFirst();
  return Number(row?.zips ?? 0);
}
