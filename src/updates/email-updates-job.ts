// Every 2 s: an update to be emailed has its emails queued, 1,000 signers per statement (fan-out-updates.ts).
import type { Db } from '../platform/db/connect.js';
import type { ScheduledJob } from '../platform/jobs.js';
import { fanOutUpdates } from './fan-out-updates.js';

export const emailUpdatesJob: ScheduledJob<{ db: Db; now: () => Date }> = {
  name: 'update emails',
  everyMs: 2000,
  run: (deps, { pause }) => fanOutUpdates(deps.db, deps.now, { pause }),
};
