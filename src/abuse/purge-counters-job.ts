// Rate-limit counters of past windows and used proof-of-work solutions are dropped as they expire.
import type { Db } from '../platform/db/connect.js';
import type { ScheduledJob } from '../platform/jobs.js';
import { PURGE_COUNTERS_EVERY_MS, purgeAbuseCounters } from './purge-counters.js';

export const purgeAbuseCountersJob: ScheduledJob<{ db: Db; now: () => Date }> = {
  name: 'rate-limit counters',
  everyMs: PURGE_COUNTERS_EVERY_MS,
  run: (deps) => purgeAbuseCounters(deps.db, deps.now()),
};
