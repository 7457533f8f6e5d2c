// The directory's port: which seats of a body a place is in — a point (a geocoded street address) through the
// district boundaries, or a ZIP code through the crosswalk — and who holds them on a given day. Signing asks it
// to tell a signer whose desk their signature lands on, and to count signatures by district. A ZIP split between
// districts is answered as split, with each district's share: never a silent guess.
import type { Db } from '../platform/db/connect.js';
import { districtsOfSet, newestBoundarySetId, zipShares } from './boundary-store.js';
import { CHAMBERS, type Chamber } from './directory.js';
import { findBody, seatsOn, type Body, type Seat } from './directory-store.js';
import { buildDistrictIndex, type DistrictIndex } from './district-index.js';
import { ocdDivisionId } from './district-id.js';

export type Place = { point: { lon: number; lat: number } } | { postalCode: string };

/** One chamber's answer for a place. */
export type Office =
  | { chamber: Chamber; kind: 'district'; district: string; ocdId: string; holders: Seat[] }
  /** The ZIP's addresses lie in several districts of the chamber: each with its share, largest first. */
  | { chamber: Chamber; kind: 'split'; districts: { district: string; share: number }[] }
  /** Outside every district, or a ZIP the crosswalk does not know. */
  | { chamber: Chamber; kind: 'unknown' };

export interface OfficesDeps {
  db: Db;
}

/**
 * The built indexes of the newest boundary set of each body and chamber, by the set's id: building one reads
 * every district's geometry, which a spike of signers must not do again for each of them.
 */
export interface DistrictIndexCache {
  get(bodyId: number, chamber: Chamber): Promise<DistrictIndex>;
}

export function districtIndexCache(db: Db): DistrictIndexCache {
  const built = new Map<string, { setId: number | undefined; index: Promise<DistrictIndex> }>();
  return {
    async get(bodyId, chamber) {
      const key = `${bodyId}/${chamber}`;
      const setId = await newestBoundarySetId(db, bodyId, chamber);
      const cached = built.get(key);
      if (cached !== undefined && cached.setId === setId) return cached.index;
      const districts = setId === undefined ? Promise.resolve([]) : districtsOfSet(db, setId);
      const index = districts.then(buildDistrictIndex);
      built.set(key, { setId, index });
      return index;
    },
  };
}

/** The body's seats for `place` on `day` (an ISO date), one answer per chamber; undefined for an unknown body. */
export async function officesFor(
  deps: OfficesDeps & { indexes: DistrictIndexCache },
  bodySlug: string,
  place: Place,
  day: string,
): Promise<Office[] | undefined> {
  const body = await findBody(deps.db, bodySlug);
  if (body === undefined) return undefined;
  const seats = await seatsOn(deps.db, body.id, day);
  const shares = 'postalCode' in place ? await zipShares(deps.db, body.id, place.postalCode) : [];
  const offices: Office[] = [];
  for (const chamber of CHAMBERS) {
    let district: string | undefined;
    if ('point' in place) {
      district = (await deps.indexes.get(body.id, chamber)).districtAt(place.point.lon, place.point.lat);
    } else {
      const inChamber = shares.filter((s) => s.chamber === chamber);
      if (inChamber.length > 1) {
        offices.push({
          chamber,
          kind: 'split',
          districts: inChamber.map(({ district: d, share }) => ({ district: d, share })),
        });
        continue;
      }
      district = inChamber[0]?.district;
    }
    offices.push(district === undefined ? { chamber, kind: 'unknown' } : officeOf(body, chamber, district, seats));
  }
  return offices;
}

function officeOf(body: Body, chamber: Chamber, district: string, seats: Seat[]): Office {
  const holders = seats.filter((s) => s.chamber === chamber && s.district === district);
  return { chamber, kind: 'district', district, ocdId: ocdDivisionId(body.state, chamber, district), holders };
}
