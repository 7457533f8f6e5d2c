// The scheduled job that notices a petition passing a milestone, records when, and queues the emails.
import type { EventEmitter } from '../platform/events.js';
import type { MilestoneEvents } from './events.js';
import type { Db } from '../platform/db/connect.js';
import { countSignatures } from '../signing/signature-counts.js';
import { lastMilestone, nextGoal } from './milestones.js';
import {
  enqueueMilestoneForSigners,
  markAnnounced,
  openPetitionProgress,
  recordMilestones,
  unannouncedMilestones,
} from './milestone-store.js';

/** Every milestone in (after, upTo], smallest first. */
export function milestonesBetween(after: number, upTo: number): number[] {
  const found: number[] = [];
  for (let m = nextGoal(after); m <= upTo; m = nextGoal(m)) found.push(m);
  return found;
}

/**
 * Records milestones newly passed (with the organizer's email, in one transaction), then queues
 * signer emails for every recorded milestone not yet announced. A worker that dies between the two
 * leaves the milestone unannounced, and the next round (in any worker) finishes it: at least once,
 * and the outbox's dedupe keys make it at most once per signer.
 */
export async function notifyMilestones(
  db: Db,
  now: Date,
  events?: EventEmitter<MilestoneEvents>,
): Promise<{ petitionId: number; milestone: number }[]> {
  const iso = now.toISOString();
  const petitions = await openPetitionProgress(db);
  const counts = await countSignatures(
    db,
    petitions.map((p) => p.id),
  );
  for (const petition of petitions) {
    const reached = lastMilestone(counts.get(petition.id) ?? 0);
    if (reached === undefined || reached <= petition.lastMilestoneNotified) continue;
    // One email per jump, for the highest milestone: a burst past 25 and 50 at once is one piece of news.
    await recordMilestones(
      db,
      {
        petitionId: petition.id,
        previous: petition.lastMilestoneNotified,
        milestones: milestonesBetween(petition.lastMilestoneNotified, reached),
        reachedAt: iso,
        ...(petition.organizerEmail === null
          ? {}
          : {
              organizerMail: {
                kind: 'milestone_organizer',
                petitionId: petition.id,
                signatureId: null,
                recipient: petition.organizerEmail,
                locale: petition.defaultLocale,
                payload: { milestone: reached },
                dedupeKey: `milestone:${reached}:organizer:${petition.id}`,
                now: iso,
              },
            }),
      },
      events,
    );
  }
  const announced: { petitionId: number; milestone: number }[] = [];
  const pending = await unannouncedMilestones(db);
  for (const petitionId of new Set(pending.map((m) => m.petitionId))) {
    const mine = pending.filter((m) => m.petitionId === petitionId);
    const highest = mine[mine.length - 1];
    if (highest === undefined) continue;
    if (highest.toSigners) await enqueueMilestoneForSigners(db, petitionId, highest.milestone, iso);
    await markAnnounced(db, petitionId, highest.milestone, iso);
    announced.push({ petitionId, milestone: highest.milestone });
  }
  return announced;
}
