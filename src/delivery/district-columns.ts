// The export's columns for a petition to each signer's own legislators: per targeted chamber, the signer's district,
// its Open Civic Data id, who holds the seat, and how the district was found ("zip", "address", "signer", or
// "split 38/39" and "unknown" when no district could be given).
import type { Db } from '../platform/db/connect.js';
import type { SeatTarget } from '../petitions/petition.js';
import { rostersOf, type Roster } from '../targets/district-counts.js';
import { ocdDivisionId } from '../targets/district-id.js';
import type { DistrictMatch } from '../targets/match-signer.js';
import { districtsOfCarried } from '../targets/recipients.js';

export interface DistrictColumns {
  headers: string[];
  /**
   * The cells of every signature of a page, by signature id, from what each carries (`districts`, read with the
   * page); a signature stored before signatures carried them has its rows read, one query per page.
   */
  page(signatures: readonly { id: number; districts: string | null }[]): Promise<Map<number, string[]>>;
}

interface Column {
  seat: SeatTarget;
  /** The district, its Open Civic Data id and who holds its seat, by district: made once, read per row. */
  cellsOf(district: string): readonly [string, string, string];
}

function columnOf(seat: SeatTarget, roster: Roster): Column {
  const holders = new Map<string, string[]>();
  for (const h of roster.seats)
    if (h.chamber === seat.chamber) holders.set(h.district, [...(holders.get(h.district) ?? []), h.name]);
  const cells = new Map<string, readonly [string, string, string]>();
  return {
    seat,
    cellsOf(district) {
      let found = cells.get(district);
      if (found === undefined) {
        found = [
          district,
          ocdDivisionId(roster.state, seat.chamber, district),
          (holders.get(district) ?? []).join('; '),
        ];
        cells.set(district, found);
      }
      return found;
    },
  };
}

/** How a match reads in the export: its method, with the districts a split ZIP lies in. */
export function matchLabel(m: DistrictMatch | undefined): string {
  if (m === undefined) return 'unknown';
  return m.method === 'split' ? `split ${m.candidates.join('/')}` : m.method;
}

export async function districtColumns(db: Db, seats: readonly SeatTarget[], day: string): Promise<DistrictColumns> {
  const columns: Column[] = [];
  const rosters = await rostersOf(db, seats, day);
  for (const seat of seats) {
    const roster = rosters.get(seat.bodyId);
    if (roster !== undefined) columns.push(columnOf(seat, roster));
  }
  const bodies = new Set(seats.map((s) => s.bodyId)).size;
  const prefix = (c: Column) => (bodies > 1 ? `${c.seat.bodySlug}_${c.seat.chamber}` : c.seat.chamber);
  return {
    headers: columns.flatMap((c) => ['district', 'ocd_id', 'legislator', 'match'].map((n) => `${prefix(c)}_${n}`)),
    async page(signatures) {
      const cells = new Map<number, string[]>();
      if (columns.length === 0) return cells;
      const matches = await districtsOfCarried(db, signatures);
      for (const { id } of signatures) {
        const mine = matches.get(id) ?? [];
        cells.set(
          id,
          columns.flatMap(({ seat, cellsOf }) => {
            const m = mine.find((x) => x.bodyId === seat.bodyId && x.chamber === seat.chamber);
            const district = m?.district ?? null;
            if (district === null) return ['', '', '', matchLabel(m)];
            return [...cellsOf(district), matchLabel(m)];
          }),
        );
      }
      return cells;
    },
  };
}
