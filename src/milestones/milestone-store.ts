// Milestones reached, with their dates, and the mail they set off.
import type { EventEmitter } from '../platform/events.js';
import type { MilestoneEvents } from './events.js';
import { sql } from 'kysely';
import type { Db } from '../platform/db/connect.js';
import { enqueueMail, type NewMail } from '../platform/outbox/outbox-store.js';

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

export interface MilestoneRecord {
  petitionId: number;
  /** The petition's marker as read: the record is made only if no one moved it since. */
  previous: number;
  milestones: number[];
  reachedAt: string;
  /** Set for history that needs no emails (the demo's past). */
  announcedAt?: string;
  /** Queued in the same transaction, so the organizer hears of every milestone recorded. */
  organizerMail?: NewMail;
}

/**
 * Records milestones as reached and moves the petition's marker, once: only the caller whose
 * update moved the marker from `previous` gets true, so two workers never record one milestone twice.
 */
export async function recordMilestones(
  db: Db,
  r: MilestoneRecord,
  events?: EventEmitter<MilestoneEvents>,
): Promise<boolean> {
  const highest = Math.max(...r.milestones);
  return db.transaction().execute(async (trx) => {
    const moved = await trx
      .updateTable('petitions')
      .set({ last_milestone_notified: highest })
      .where('id', '=', r.petitionId)
      .where('last_milestone_notified', '=', r.previous)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) === 0) return false;
    for (const milestone of r.milestones) {
      await trx
        .insertInto('petition_milestones')
        .values({ petition_id: r.petitionId, milestone, reached_at: r.reachedAt, announced_at: r.announcedAt ?? null })
        .onConflict((oc) => oc.columns(['petition_id', 'milestone']).doNothing())
        .execute();
    }
    if (r.organizerMail !== undefined) await enqueueMail(trx, r.organizerMail);
    await events?.emit('milestone.reached', { petitionId: r.petitionId, milestone: highest, now: r.reachedAt }, trx);
    return true;
  });
}

export interface UnannouncedMilestone {
  petitionId: number;
  milestone: number;
  toSigners: boolean;
}

/** Milestones recorded whose signer emails were not (yet, or not known to be) queued. */
export async function unannouncedMilestones(db: Db): Promise<UnannouncedMilestone[]> {
  const rows = await db
    .selectFrom('petition_milestones as m')
    .innerJoin('petitions as p', 'p.id', 'm.petition_id')
    .select(['m.petition_id', 'm.milestone', 'p.milestone_emails_to_signers'])
    .where('m.announced_at', 'is', null)
    .orderBy('m.petition_id')
    .orderBy('m.milestone')
    .execute();
  return rows.map((r) => ({
    petitionId: r.petition_id,
    milestone: r.milestone,
    toSigners: r.milestone_emails_to_signers === 1,
  }));
}

export async function markAnnounced(db: Db, petitionId: number, upTo: number, now: string): Promise<void> {
  await db
    .updateTable('petition_milestones')
    .set({ announced_at: now })
    .where('petition_id', '=', petitionId)
    .where('milestone', '<=', upTo)
    .where('announced_at', 'is', null)
    .execute();
}

export async function milestonesReached(db: Db, petitionId: number) {
  return db
    .selectFrom('petition_milestones')
    .select(['milestone', 'reached_at'])
    .where('petition_id', '=', petitionId)
    .orderBy('milestone')
    .execute();
}

/**
 * Queues a milestone email for each confirmed, opted-in signer, in batches by id so the signing
 * path never waits long on this; the dedupe key makes a re-run after a crash (the milestone is
 * still unannounced then) queue nothing twice.
 */
export async function enqueueMilestoneForSigners(
  db: Db,
  petitionId: number,
  milestone: number,
  now: string,
  batch = 5000,
): Promise<number> {
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
