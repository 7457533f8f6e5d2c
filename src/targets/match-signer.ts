// Which district of each targeted chamber a signer lives in, decided when they sign: from their ZIP code through the
// crosswalk when the ZIP lies wholly in one district; from their street address (geocoded, then the boundaries)
// when it does not and they gave one; otherwise the ZIP's districts are kept as "split between X and Y" — never a
// silent guess. The street address is used here and forgotten: only the district is stored.
import type { Db } from '../platform/db/connect.js';
import { createTtlCache, type TtlCache } from '../platform/http/ttl-cache.js';
import { zipShares } from './boundary-store.js';
import type { Chamber, ZipShareRecord } from './directory.js';
import type { Geocoder } from './geocoder.js';
import type { DistrictIndexCache } from './offices-for.js';

/**
 * How a signature's district was decided: 'zip' (the crosswalk alone), 'address' (a geocoded street address),
 * 'signer' (the signer chose among the districts their ZIP is split between), 'split' (undecided: the ZIP lies in
 * several districts), 'unknown' (a ZIP the crosswalk does not know, or an address outside every district).
 */
export const MATCH_METHODS = ['zip', 'address', 'signer', 'split', 'unknown'] as const;
export type MatchMethod = (typeof MATCH_METHODS)[number];

export interface DistrictMatch {
  bodyId: number;
  chamber: Chamber;
  method: MatchMethod;
  /** Null while split or unknown. */
  district: string | null;
  /** Split: the districts the ZIP lies in, largest share first (empty otherwise). */
  candidates: string[];
}

export interface SignerPlace {
  postalCode: string;
  country: string;
  /** Given on the form or the thank-you page; used only when the ZIP alone cannot decide. */
  street?: string | undefined;
}

export interface SignerMatcher {
  /** One match per targeted chamber, in the order given. */
  match(seats: readonly { bodyId: number; chamber: Chamber }[], place: SignerPlace): Promise<DistrictMatch[]>;
  /** Whether a street address can be matched at all (a geocoder is configured). */
  readonly geocodes: boolean;
}

export interface SignerMatcherDeps {
  db: Db;
  indexes: DistrictIndexCache;
  /** Undefined when no geocoder is configured: no street address is asked, split ZIPs stay split. */
  geocoder: Geocoder | undefined;
  now: () => number;
}

/** A ZIP's crosswalk rows stay in memory this long: a spike of signers from one town asks the database once. */
const ZIP_TTL_MS = 60_000;

export function createSignerMatcher(deps: SignerMatcherDeps): SignerMatcher {
  const zips: TtlCache<ZipShareRecord[]> = createTtlCache(ZIP_TTL_MS, deps.now, { maxEntries: 50_000 });
  const sharesOf = (bodyId: number, zip: string) => zips.get(`${bodyId}/${zip}`, () => zipShares(deps.db, bodyId, zip));

  return {
    geocodes: deps.geocoder !== undefined,
    async match(seats, place) {
      const matches: DistrictMatch[] = [];
      for (const { bodyId, chamber } of seats) {
        const inChamber = (await sharesOf(bodyId, place.postalCode)).filter((s) => s.chamber === chamber);
        const only = inChamber.length === 1 ? inChamber[0] : undefined;
        if (only !== undefined)
          matches.push({ bodyId, chamber, method: 'zip', district: only.district, candidates: [] });
        else if (inChamber.length > 1)
          matches.push({
            bodyId,
            chamber,
            method: 'split',
            district: null,
            candidates: inChamber.map((s) => s.district),
          });
        else matches.push({ bodyId, chamber, method: 'unknown', district: null, candidates: [] });
      }
      const street = place.street?.trim() ?? '';
      if (street === '' || deps.geocoder === undefined || matches.every((m) => m.method === 'zip')) return matches;
      const found = await deps.geocoder.locate({ street, postalCode: place.postalCode, country: place.country });
      if (found.kind !== 'found') return matches;
      const { lon, lat } = found.point;
      for (const m of matches) {
        if (m.method === 'zip') continue;
        const district = (await deps.indexes.get(m.bodyId, m.chamber)).districtAt(lon, lat);
        if (district !== undefined) Object.assign(m, { method: 'address', district, candidates: [] });
      }
      return matches;
    },
  };
}
