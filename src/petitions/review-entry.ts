// The review state a petition enters when its organizer publishes it, edits it after approval, or resubmits
// it after a rejection, in the caller's transaction. What moderators then decide is moderation's.
import type { User } from '../accounts/user.js';
import { seesAllPetitions } from '../accounts/policy.js';
import type { Db } from '../platform/db/connect.js';
import type { ModerationMode } from '../settings/instance-settings.js';
import type { ModerationState } from './petition.js';
import { hasApprovedPetition, publishDraft, requeueAfterEdit, resubmitForReview } from './review-entry-store.js';

/**
 * The review state of a petition being published: moderators' own petitions are approved; otherwise the
 * instance's mode decides ('first_petition': held until one of the organizer's petitions was approved).
 */
export function initialModeration(mode: ModerationMode, publisher: User, trustedOrganizer: boolean): ModerationState {
  if (seesAllPetitions(publisher)) return 'approved';
  if (mode === 'post') return 'unreviewed';
  if (mode === 'pre') return 'held';
  return trustedOrganizer ? 'unreviewed' : 'held';
}

/**
 * Publishes a draft into review, in the caller's transaction: the state `initialModeration` chooses, set
 * in the same update as the status (never public for an instant by mistake). Undefined when it was no
 * longer a draft.
 */
export async function enterReview(
  trx: Db,
  petition: { id: number; ownerId: number | null },
  publisher: User,
  mode: ModerationMode,
  now: Date,
): Promise<ModerationState | undefined> {
  const trusted = petition.ownerId !== null && (await hasApprovedPetition(trx, petition.ownerId, petition.id));
  const moderation = initialModeration(mode, publisher, trusted);
  return (await publishDraft(trx, petition.id, moderation, now)) ? moderation : undefined;
}

/** An approval covers the text a moderator read: an organizer's edit sends the petition back to the queue. */
export async function returnToReviewAfterEdit(trx: Db, petitionId: number, editor: User, now: Date): Promise<void> {
  if (!seesAllPetitions(editor)) await requeueAfterEdit(trx, petitionId, now);
}

/** A rejected petition, edited by its organizer, asks for another review; false when it was not rejected. */
export function resubmitRejected(trx: Db, petitionId: number, now: Date): Promise<boolean> {
  return resubmitForReview(trx, petitionId, now);
}
