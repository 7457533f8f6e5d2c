// The review state a petition enters in the database: publishing a draft into review, and going back to the
// queue after an organizer's edit. Moderators' decisions on that state are moderation's (review-store.ts there).
import type { Db } from '../platform/db/connect.js';
import type { ModerationState } from './petition.js';

/**
 * An organizer is trusted once a moderator approved one of their petitions (or one published before
 * moderation existed): in 'first_petition' mode their later petitions go public at once.
 */
export async function hasApprovedPetition(db: Db, ownerId: number, exceptId: number): Promise<boolean> {
  const row = await db
    .selectFrom('petitions')
    .select('id')
    .where('owner_id', '=', ownerId)
    .where('id', '<>', exceptId)
    .where('status', '<>', 'draft')
    .where('moderation_state', '=', 'approved')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Draft → open, entering review in `moderation`, in one update (never public for an instant by mistake). False when it was no longer a draft. */
export async function publishDraft(
  db: Db,
  petitionId: number,
  moderation: ModerationState,
  now: Date,
): Promise<boolean> {
  const at = now.toISOString();
  const result = await db
    .updateTable('petitions')
    .set({ status: 'open', published_at: at, updated_at: at, moderation_state: moderation, submitted_at: at })
    .where('id', '=', petitionId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * An approved petition edited by its organizer goes back into the queue, still public ('unreviewed'):
 * an approval covers the text a moderator read, not whatever it is changed into later.
 */
export async function requeueAfterEdit(db: Db, petitionId: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('petitions')
    .set({ moderation_state: 'unreviewed', submitted_at: now.toISOString() })
    .where('id', '=', petitionId)
    .where('status', '<>', 'draft')
    .where('moderation_state', '=', 'approved')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A rejected petition, edited by its organizer, asks for another review: held again, back in the queue. */
export async function resubmitForReview(db: Db, petitionId: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('petitions')
    .set({ moderation_state: 'held', submitted_at: now.toISOString(), updated_at: now.toISOString() })
    .where('id', '=', petitionId)
    .where('status', '<>', 'draft')
    .where('moderation_state', '=', 'rejected')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
