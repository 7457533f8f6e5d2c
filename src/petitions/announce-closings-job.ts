// Every minute: open petitions whose closing date passed are announced as closed (`petition.closed`), once.
import type { Db } from '../platform/db/connect.js';
import type { EventEmitter } from '../platform/events.js';
import type { ScheduledJob } from '../platform/jobs.js';
import { announcePassedClosings } from './closing-announcements.js';
import type { PetitionEvents } from './events.js';

export const announceClosingsJob: ScheduledJob<{ db: Db; now: () => Date; events: EventEmitter<PetitionEvents> }> = {
  name: 'closings',
  everyMs: 60_000,
  run: async (deps) => {
    await announcePassedClosings(deps.db, deps.now(), deps.events);
  },
};
