// Milestones reached, with their dates, and the mail they set off.
import { sql } from 'kysely';
import type { Db } from '../db/connect.js';

export interface PetitionProgress {
  id: number;
  lastMilestoneNotified: number;
  organizerEmail: string | null;
  defaultLocale: string;
  milestoneEmailsToSigners: boolean;
}

export async function openPetitionProgress(db: Db): Promise<PetitionProgress[]> {
  const rows = await db
    .selectFrom('petitions')
    .select(['id', 'last_milestone_notified', 'organizer_email', 'default_locale', 'milestone_emails_to_signers'])
    .where('status', '=', 'open')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    lastMilestoneNotified: r.last_milestone_notified,
    organizerEmail: r.organizer_email,
    defaultLocale: r.default_locale,
    milestoneEmailsToSigners: r.milestone_emails_to_signers === 1,
  }));
}

/**
 * Records milestones as reached and moves the petition's marker, once: only the caller whose
 * update moved the marker from `previous` gets true, so two workers never announce one milestone twice.
 */
export async function recordMilestones(db: Db, petitionId: number, previous: number, milestones: number[], reachedAt: string): Promise<boolean> {
  const highest = Math.max(...milestones);
  return db.transaction().execute(async (trx) => {
    const moved = await trx
      .updateTable('petitions')
      .set({ last_milestone_notified: highest })
      .where('id', '=', petitionId)
      .where('last_milestone_notified', '=', previous)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) === 0) return false;
    for (const milestone of milestones) {
      await trx
        .insertInto('petition_milestones')
        .values({ petition_id: petitionId, milestone, reached_at: reachedAt })
        .onConflict((oc) => oc.columns(['petition_id', 'milestone']).doNothing())
        .execute();
    }
    return true;
  });
}

export async function milestonesReached(db: Db, petitionId: number) {
  return db.selectFrom('petition_milestones').select(['milestone', 'reached_at']).where('petition_id', '=', petitionId).orderBy('milestone').execute();
}

/**
 * Queues a milestone email for each confirmed, opted-in signer, in batches by id so the signing
 * path never waits long on this; the dedupe key makes a re-run after a crash queue nothing twice.
 */
export async function enqueueMilestoneForSigners(db: Db, petitionId: number, milestone: number, now: string, batch = 5000): Promise<number> {
  let after = 0;
  let total = 0;
  for (;;) {
    const ids = (
      await db
        .selectFrom('signatures')
        .select('id')
        .where('petition_id', '=', petitionId)
        .where('status', '=', 'confirmed')
        .where('opt_in', '=', 1)
        .where('unsubscribed_at', 'is', null)
        .where('id', '>', after)
        .orderBy('id')
        .limit(batch)
        .execute()
    ).map((r) => r.id);
    if (ids.length === 0) return total;
    const last = ids[ids.length - 1] ?? after;
    await sql`INSERT INTO mail_outbox (kind, petition_id, signature_id, recipient, locale, payload, dedupe_key, status, attempts, next_attempt_at, created_at)
      SELECT 'milestone_signer', petition_id, id, NULL, locale, ${JSON.stringify({ milestone })}, CAST(${`milestone:${milestone}:`} AS TEXT) || CAST(id AS TEXT), 'queued', 0, ${now}, ${now}
      FROM signatures
      WHERE petition_id = ${petitionId} AND status = 'confirmed' AND opt_in = 1 AND unsubscribed_at IS NULL AND id > ${after} AND id <= ${last}
      ON CONFLICT (dedupe_key) DO NOTHING`.execute(db);
    total += ids.length;
    after = last;
  }
}
