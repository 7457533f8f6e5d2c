// Queries of retention: which petitions are due, and erasing their signers' personal data a batch at a time.
import { sql } from 'kysely';
import type { Db } from '../platform/db/connect.js';
import { recordAudit, type AuditDetails } from '../platform/audit/audit-store.js';
import { erasePersonalCriteria } from '../moderation/invalidation/erase-criteria.js';

export interface DuePetition {
  id: number;
  slug: string;
}

/**
 * Petitions closed before `cutoff` whose signers' data is not yet erased. Closed means any of: the
 * closing date passed (closes_at), the organizer closed it (closed_at; updated_at for a petition
 * closed without that record, e.g. before migration 0006), or a moderator rejected it (reviewed_at).
 */
export async function petitionsDueForErasure(db: Db, cutoff: string): Promise<DuePetition[]> {
  return db
    .selectFrom('petitions')
    .select(['id', 'slug'])
    .where('personal_data_erased_at', 'is', null)
    .where('status', 'in', ['open', 'closed'])
    .where((eb) =>
      eb.or([
        eb.and([eb('closes_at', 'is not', null), eb('closes_at', '<', cutoff)]),
        eb.and([eb('status', '=', 'closed'), eb(eb.fn.coalesce('closed_at', 'updated_at'), '<', cutoff)]),
        // Rejected by a moderator (after post-moderation let people sign): it is as closed as it gets.
        eb.and([eb('moderation_state', '=', 'rejected'), eb('reviewed_at', '<', cutoff)]),
      ]),
    )
    .orderBy('id')
    .execute();
}

export interface ErasedBatch {
  /** Signatures erased in this batch (fewer than asked: the petition is done). */
  signatures: number;
  /** Outbox rows deleted with them. */
  mails: number;
  /** The highest id erased: the next batch starts after it. */
  lastId: number;
}

/**
 * Erases up to `limit` signatures of a petition after `afterId`, in one transaction: name, email, comment,
 * address hashes and link tokens go; status, place, source, language and dates stay, so counts and
 * per-town totals do not change. The unique (petition, email) pair needs a distinct value per row: the
 * normalized email becomes 'erased:<id>'. Their mail is deleted too (it may be addressed to them).
 */
export async function eraseSignatureBatch(
  db: Db,
  petitionId: number,
  afterId: number,
  limit: number,
  now: string,
): Promise<ErasedBatch> {
  return db.transaction().execute(async (trx) => {
    const ids = (
      await trx
        .selectFrom('signatures')
        .select('id')
        .where('petition_id', '=', petitionId)
        .where('id', '>', afterId)
        .where('erased_at', 'is', null)
        .orderBy('id')
        .limit(limit)
        .execute()
    ).map((r) => r.id);
    if (ids.length === 0) return { signatures: 0, mails: 0, lastId: afterId };
    await trx
      .updateTable('signatures')
      .set({
        name: '',
        email: '',
        email_normalized: sql<string>`'erased:' || cast(id as text)`,
        comment: null,
        ip_hash: null,
        ip_prefix_hash: null,
        email_domain: null,
        token_salt: null,
        token_hash: null,
        // No address is left to write to: update emails skip the row instead of queuing mail that would be cancelled.
        opt_in: 0,
        // The name is gone, so its public form is too (exports show the row as erased).
        name_display: 'erased',
        erased_at: now,
      })
      .where('id', 'in', ids)
      .execute();
    const mails = await trx.deleteFrom('mail_outbox').where('signature_id', 'in', ids).executeTakeFirst();
    return { signatures: ids.length, mails: Number(mails.numDeletedRows), lastId: ids[ids.length - 1] ?? afterId };
  });
}

/**
 * Forgets who reported the petition and what they wrote (a report's text may name people; the report's
 * reason, date and outcome stay) and the bulk invalidations' criteria that could name a signer (email
 * pattern, network, address or range; see erase-criteria.ts), records the erasure as done and
 * writes its audit row (no actor: the schedule did it), in one transaction. Undefined when another
 * process finished this petition first: its row is the one that stays.
 */
export async function finishErasure(
  db: Db,
  petitionId: number,
  now: Date,
  details: AuditDetails,
): Promise<{ reports: number } | undefined> {
  return db.transaction().execute(async (trx) => {
    const marked = await trx
      .updateTable('petitions')
      .set({ personal_data_erased_at: now.toISOString() })
      .where('id', '=', petitionId)
      .where('personal_data_erased_at', 'is', null)
      .executeTakeFirst();
    if (Number(marked.numUpdatedRows) !== 1) return undefined;
    const reports = await trx
      .updateTable('reports')
      .set({ reporter_hash: null, details: '' })
      .where('petition_id', '=', petitionId)
      .where((eb) => eb.or([eb('reporter_hash', 'is not', null), eb('details', '!=', '')]))
      .executeTakeFirst();
    const forgotten = Number(reports.numUpdatedRows);
    const comments = await forgetRemovedComments(trx, [petitionId]);
    const invalidations = await erasePersonalCriteria(trx, petitionId);
    await recordAudit(trx, {
      actorId: null,
      action: 'retention.erase',
      petitionId,
      details: {
        ...details,
        reportsForgotten: forgotten,
        removedCommentsForgotten: comments,
        invalidationCriteriaErased: invalidations,
      },
      now,
    });
    return { reports: forgotten };
  });
}

/**
 * A moderator's removal of a comment keeps the removed text in its audit row (the reason for the
 * removal); once the signer's data is erased, that copy goes too. Only rows about `signatureIds` when
 * given, else every such row of the petitions. Returns how many rows were changed.
 */
export async function forgetRemovedComments(db: Db, petitionIds: number[], signatureIds?: number[]): Promise<number> {
  if (petitionIds.length === 0) return 0;
  const rows = await db
    .selectFrom('audit_log')
    .select(['id', 'details'])
    .where('action', '=', 'comment.remove')
    .where('petition_id', 'in', petitionIds)
    .execute();
  const only = signatureIds === undefined ? undefined : new Set(signatureIds);
  let changed = 0;
  for (const row of rows) {
    let details: unknown;
    try {
      details = JSON.parse(row.details);
    } catch {
      continue;
    }
    if (typeof details !== 'object' || details === null || !('comment' in details) || details.comment === null)
      continue;
    if (
      only !== undefined &&
      !('signature' in details && typeof details.signature === 'number' && only.has(details.signature))
    )
      continue;
    await db
      .updateTable('audit_log')
      .set({ details: JSON.stringify({ ...details, comment: null, commentErased: true }) })
      .where('id', '=', row.id)
      .execute();
    changed += 1;
  }
  return changed;
}
