// Every 2 s: petitions whose count passed a milestone are announced (emails to the organizer and to
// opted-in signers are queued; see notify-milestones.ts).
import type { Db } from '../platform/db/connect.js';
import type { EventEmitter } from '../platform/events.js';
import type { ScheduledJob } from '../platform/jobs.js';
import type { MilestoneEvents } from './events.js';
import { notifyMilestones } from './notify-milestones.js';

export const announceMilestonesJob: ScheduledJob<{ db: Db; now: () => Date; events: EventEmitter<MilestoneEvents> }> = {
  name: 'milestones',
  everyMs: 2000,
  run: (deps) => notifyMilestones(deps.db, deps.now(), deps.events),
};
