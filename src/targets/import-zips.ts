// Imports a body's ZIP-to-district crosswalk, already read and checked: the new file replaces the old one, in
// one transaction with its audit row.
import type { User } from '../accounts/user.js';
import { recordAudit } from '../platform/audit/audit-store.js';
import type { ZipShareRecord } from './directory.js';
import { findBody } from './directory-store.js';
import { replaceZipShares } from './boundary-store.js';
import type { DirectoryDeps } from './import-people.js';

export type ZipsImported =
  | { kind: 'no_body' }
  | {
      kind: 'imported';
      zips: number;
      /** ZIP and chamber pairs whose addresses lie in more than one district. */
      split: number;
    };

export async function importZipCrosswalk(
  deps: DirectoryDeps,
  input: { bodySlug: string; records: ZipShareRecord[]; actor: User | null },
): Promise<ZipsImported> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const body = await findBody(trx, input.bodySlug);
    if (body === undefined) return { kind: 'no_body' } as const;
    await replaceZipShares(trx, body.id, input.records);
    const perZipChamber = new Map<string, number>();
    for (const r of input.records)
      perZipChamber.set(`${r.zip}/${r.chamber}`, (perZipChamber.get(`${r.zip}/${r.chamber}`) ?? 0) + 1);
    const zips = new Set(input.records.map((r) => r.zip)).size;
    const split = [...perZipChamber.values()].filter((n) => n > 1).length;
    await recordAudit(trx, {
      actorId: input.actor?.id ?? null,
      action: 'targets.import_zips',
      petitionId: null,
      details: { body: body.slug, zips, rows: input.records.length, split },
      now,
    });
    return { kind: 'imported', zips, split } as const;
  });
}
