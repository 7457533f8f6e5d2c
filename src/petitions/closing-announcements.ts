// Announcing a petition's closing (`petition.closed`) exactly once: whoever claims `closing_announced_at` first
// announces it, in the same transaction — the organizer's close, or the job that finds a closing date passed.
import type { Db } from '../platform/db/connect.js';
import type { EventEmitter } from '../platform/events.js';
import type { PetitionEvents } from './events.js';

/** True when this call marked the closing announced (nobody had): the caller announces it, in `trx`. */
export async function claimClosingAnnouncement(trx: Db, petitionId: number, now: Date): Promise<boolean> {
  const result = await trx
    .updateTable('petitions')
    .set({ closing_announced_at: now.toISOString() })
    .where('id', '=', petitionId)
    .where('closing_announced_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Petitions looked at per round: a round is short however many dates passed at once. */
const ROUND = 100;

/**
 * Open petitions whose closing date has passed and whose closing nobody announced: each announced once, at the
 * time it closed (its `closes_at`). The petitions announced, by id.
 */
export async function announcePassedClosings(
  db: Db,
  now: Date,
  events: EventEmitter<PetitionEvents>,
): Promise<number[]> {
  const at = now.toISOString();
  const due = await db
    .selectFrom('petitions')
    .select(['id', 'closes_at'])
    .where('status', '=', 'open')
    .where('closes_at', '<=', at)
    .where('closing_announced_at', 'is', null)
    .orderBy('id')
    .limit(ROUND)
    .execute();
  const announced: number[] = [];
  for (const petition of due) {
    const claimed = await db.transaction().execute(async (trx) => {
      if (!(await claimClosingAnnouncement(trx, petition.id, now))) return false;
      await events.emit('petition.closed', { petitionId: petition.id, now: petition.closes_at ?? at }, trx);
      return true;
    });
    if (claimed) announced.push(petition.id);
  }
  return announced;
}
