// The scheduled job that notices a petition passing a milestone, records when, and queues the emails.
import type { Db } from '../db/connect.js';
import { enqueueMail } from '../mail/outbox-store.js';
import { countSignatures } from '../signing/count-store.js';
import { lastMilestone, nextGoal } from './milestones.js';
import { enqueueMilestoneForSigners, openPetitionProgress, recordMilestones } from './milestone-store.js';

/** Every milestone in (after, upTo], smallest first. */
export function milestonesBetween(after: number, upTo: number): number[] {
  const found: number[] = [];
  for (let m = nextGoal(after); m <= upTo; m = nextGoal(m)) found.push(m);
  return found;
}

export async function notifyMilestones(db: Db, now: Date): Promise<{ petitionId: number; milestone: number }[]> {
  const petitions = await openPetitionProgress(db);
  const counts = await countSignatures(db, petitions.map((p) => p.id));
  const announced: { petitionId: number; milestone: number }[] = [];
  for (const petition of petitions) {
    const reached = lastMilestone(counts.get(petition.id) ?? 0);
    if (reached === undefined || reached <= petition.lastMilestoneNotified) continue;
    const crossed = milestonesBetween(petition.lastMilestoneNotified, reached);
    const iso = now.toISOString();
    if (!(await recordMilestones(db, petition.id, petition.lastMilestoneNotified, crossed, iso))) continue;
    // One email per jump, for the highest milestone: a burst past 25 and 50 at once is one piece of news.
    if (petition.organizerEmail !== null) {
      await enqueueMail(db, {
        kind: 'milestone_organizer',
        petitionId: petition.id,
        signatureId: null,
        recipient: petition.organizerEmail,
        locale: petition.defaultLocale,
        payload: { milestone: reached },
        dedupeKey: `milestone:${reached}:organizer:${petition.id}`,
        now: iso,
      });
    }
    if (petition.milestoneEmailsToSigners) await enqueueMilestoneForSigners(db, petition.id, reached, iso);
    announced.push({ petitionId: petition.id, milestone: reached });
  }
  return announced;
}
