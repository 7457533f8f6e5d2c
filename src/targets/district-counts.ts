// Confirmed signatures by district: the one number a legislator reads. Every district of each targeted chamber
// (those without signatures at 0), with its Open Civic Data id and who holds the seat, and the signatures no
// district could be given to: a ZIP split between districts (by the districts it lies in) or not known.
import { sql } from 'kysely';
import { flushSignatureDistricts } from './signature-districts.js';
import type { Db } from '../platform/db/connect.js';
import { currentDistrictIds } from './boundary-store.js';
import type { Chamber } from './directory.js';
import { findBodyById, seatsOn, type Seat } from './directory-store.js';
import { compareDistrictIds, ocdDivisionId } from './district-id.js';

export interface DistrictCount {
  district: string;
  ocdId: string;
  /** Who holds the seat on the day counted (empty: vacant). */
  holders: { name: string; party: string; email: string | null }[];
  count: number;
}

export interface ChamberTally {
  bodyId: number;
  bodySlug: string;
  chamber: Chamber;
  sample: boolean;
  /** Every district of the chamber, in district order. */
  districts: DistrictCount[];
  /** Signatures from a ZIP split between districts, by those districts ("38,39"), largest count first. */
  split: { candidates: string[]; count: number }[];
  /** Signatures whose ZIP the crosswalk does not know (or whose address lies outside every district). */
  unknown: number;
}

/** The tally of each chamber the petition targets, on `day` (who holds the seats). */
export async function countByDistrict(
  db: Db,
  petitionId: number,
  seats: readonly { bodyId: number; chamber: Chamber }[],
  day: string,
): Promise<ChamberTally[]> {
  if (seats.length === 0) return [];
  await flushSignatureDistricts(db);
  const n = sql<number | string>`count(*)`;
  const rows = await db
    .selectFrom('signature_districts as d')
    .innerJoin('signatures as s', 's.id', 'd.signature_id')
    .select(['d.body_id', 'd.chamber', 'd.district', 'd.candidates', n.as('n')])
    .where('d.petition_id', '=', petitionId)
    .where('s.status', '=', 'confirmed')
    .groupBy(['d.body_id', 'd.chamber', 'd.district', 'd.candidates'])
    .execute();
  const tallies: ChamberTally[] = [];
  const rosters = await rostersOf(db, seats, day);
  for (const seat of seats) {
    const body = rosters.get(seat.bodyId);
    if (body === undefined) continue;
    const holders = body.seats.filter((s) => s.chamber === seat.chamber);
    const mine = rows.filter((r) => r.body_id === seat.bodyId && r.chamber === seat.chamber);
    const counted = new Map<string, number>();
    const split: ChamberTally['split'] = [];
    let unknown = 0;
    for (const row of mine) {
      const count = Number(row.n);
      if (row.district !== null) counted.set(row.district, (counted.get(row.district) ?? 0) + count);
      else if (row.candidates !== null) {
        // The same districts whatever their order of share (two ZIPs split between 34 and 35 are one row).
        const candidates = row.candidates.split(',').sort(compareDistrictIds);
        const same = split.find((s) => s.candidates.join(',') === candidates.join(','));
        if (same === undefined) split.push({ candidates, count });
        else same.count += count;
      } else unknown += count;
    }
    // The districts of the boundaries, of the people, and of the signatures (a district dropped by a redrawing
    // still shows the signatures matched to it).
    const names = new Set<string>([
      ...(await currentDistrictIds(db, seat.bodyId, seat.chamber)),
      ...holders.map((h) => h.district),
      ...counted.keys(),
    ]);
    tallies.push({
      bodyId: seat.bodyId,
      bodySlug: body.slug,
      chamber: seat.chamber,
      sample: body.sample,
      districts: [...names].sort(compareDistrictIds).map((district) => ({
        district,
        ocdId: ocdDivisionId(body.state, seat.chamber, district),
        holders: holders
          .filter((h) => h.district === district)
          .map((h) => ({ name: h.name, party: h.party, email: h.email })),
        count: counted.get(district) ?? 0,
      })),
      split: split.sort((a, b) => b.count - a.count),
      unknown,
    });
  }
  return tallies;
}

/** A body's state and who holds its seats on a day: what an export needs to name each signer's legislators. */
export interface Roster {
  slug: string;
  state: string;
  /** Firma's generated sample legislature. */
  sample: boolean;
  seats: Seat[];
}

export async function rosterOn(db: Db, bodyId: number, day: string): Promise<Roster | undefined> {
  const body = await findBodyById(db, bodyId);
  if (body === undefined) return undefined;
  return { slug: body.slug, state: body.state, sample: body.sample, seats: await seatsOn(db, bodyId, day) };
}

/** The rosters of the bodies these seats are in, by body id: each body read once (both chambers share it). */
export async function rostersOf(
  db: Db,
  seats: readonly { bodyId: number }[],
  day: string,
): Promise<Map<number, Roster>> {
  const rosters = new Map<number, Roster>();
  for (const bodyId of new Set(seats.map((s) => s.bodyId))) {
    const roster = await rosterOn(db, bodyId, day);
    if (roster !== undefined) rosters.set(bodyId, roster);
  }
  return rosters;
}
