// Imports one chamber's district boundaries, already read and checked, as a new version of that chamber's
// boundary set (districts are redrawn after each census; the newest set is the one used). One transaction,
// with its audit row. Says which districts have nobody seated and which seats have no district in the file.
import type { User } from '../accounts/user.js';
import { recordAudit } from '../platform/audit/audit-store.js';
import type { Chamber, DistrictRecord } from './directory.js';
import { openSeats, findBody } from './directory-store.js';
import { insertBoundarySet } from './boundary-store.js';
import { compareDistrictIds } from './district-id.js';
import type { DirectoryDeps } from './import-people.js';

export interface BoundariesImport {
  bodySlug: string;
  chamber: Chamber;
  /** Where the districts came from (the file's name), kept with the set. */
  source: string;
  records: DistrictRecord[];
  actor: User | null;
}

export type BoundariesImported =
  | { kind: 'no_body' }
  | {
      kind: 'imported';
      version: number;
      districts: number;
      /** Districts in the file that no current seat of the chamber names. */
      withoutPeople: string[];
      /** Current seats of the chamber whose district the file lacks. */
      withoutBoundary: string[];
    };

export async function importBoundaries(deps: DirectoryDeps, input: BoundariesImport): Promise<BoundariesImported> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const body = await findBody(trx, input.bodySlug);
    if (body === undefined) return { kind: 'no_body' } as const;
    const version = await insertBoundarySet(
      trx,
      { body, chamber: input.chamber, source: input.source },
      input.records,
      now,
    );
    const inFile = new Set(input.records.map((d) => d.district));
    const seated = new Set(
      (await openSeats(trx, body.id)).filter((s) => s.chamber === input.chamber).map((s) => s.district),
    );
    const withoutPeople = [...inFile].filter((d) => !seated.has(d)).sort(compareDistrictIds);
    const withoutBoundary = [...seated].filter((d) => !inFile.has(d)).sort(compareDistrictIds);
    await recordAudit(trx, {
      actorId: input.actor?.id ?? null,
      action: 'targets.import_boundaries',
      petitionId: null,
      details: { body: body.slug, chamber: input.chamber, version, districts: inFile.size, source: input.source },
      now,
    });
    return { kind: 'imported', version, districts: inFile.size, withoutPeople, withoutBoundary } as const;
  });
}
