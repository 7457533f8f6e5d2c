// Queries behind an admin's answer to a deletion request: the signatures of one address, and deleting them.
import type { Db } from '../platform/db/connect.js';
import { recordAudit, type AuditDetails } from '../platform/audit/audit-store.js';
import { erasePatternsOfAddress } from '../moderation/invalidation/erase-criteria.js';
import { addToCount } from '../signing/signature-counts.js';
import { forgetRemovedComments } from './retention-store.js';

export interface SignatureOfAddress {
  id: number;
  petitionId: number;
  status: string;
  createdAt: string;
}

/** The signatures made with this normalized address, oldest first (erased ones hold no address any more). */
export async function signaturesOfAddress(db: Db, emailNormalized: string): Promise<SignatureOfAddress[]> {
  const rows = await db
    .selectFrom('signatures')
    .select(['id', 'petition_id', 'status', 'created_at'])
    .where('email_normalized', '=', emailNormalized)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, petitionId: r.petition_id, status: r.status, createdAt: r.created_at }));
}

/**
 * Deletes every signature of this address, as a withdraw does (counted ones come off their petition's
 * count), with all their mail and the email patterns of invalidations that select it, and writes the
 * audit row, in one transaction. Returns how many went.
 */
export async function deleteSignaturesOfAddress(
  db: Db,
  emailNormalized: string,
  shard: number,
  audit: { actorId: number; now: Date; details: AuditDetails },
): Promise<{ signatures: number; petitionIds: number[] }> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .deleteFrom('signatures')
      .where('email_normalized', '=', emailNormalized)
      .returning(['id', 'petition_id', 'status'])
      .execute();
    const counted = new Map<number, number>();
    for (const r of rows)
      if (r.status === 'confirmed') counted.set(r.petition_id, (counted.get(r.petition_id) ?? 0) + 1);
    for (const [petitionId, n] of counted) await addToCount(trx, petitionId, -n, shard);
    if (rows.length > 0)
      await trx
        .deleteFrom('mail_outbox')
        .where(
          'signature_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
    const petitionIds = [...new Set(rows.map((r) => r.petition_id))].sort((a, b) => a - b);
    await forgetRemovedComments(
      trx,
      petitionIds,
      rows.map((r) => r.id),
    );
    // An invalidation that picked this address out by its email pattern would otherwise keep it.
    const patterns = await erasePatternsOfAddress(trx, petitionIds, emailNormalized);
    await recordAudit(trx, {
      actorId: audit.actorId,
      action: 'privacy.erase_request',
      petitionId: null,
      details: {
        ...audit.details,
        signatures: rows.length,
        petitions: petitionIds,
        ...(patterns === 0 ? {} : { invalidationPatternsErased: patterns }),
      },
      now: audit.now,
    });
    return { signatures: rows.length, petitionIds };
  });
}
