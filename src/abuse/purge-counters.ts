// The background job's part of the abuse defences: past windows' shared counters and expired proof-of-work solutions go.
import type { Db } from '../platform/db/connect.js';
import { purgeUsedSolutions } from './proof-of-work.js';
import { purgeOldRateLimitHits } from './shared-rate-limiter.js';

/** How often the job runs: the counters of a minute's window are useless a minute later. */
export const PURGE_COUNTERS_EVERY_MS = 60_000;

export async function purgeAbuseCounters(db: Db, now: Date): Promise<number> {
  return (await purgeOldRateLimitHits(db, now.getTime())) + (await purgeUsedSolutions(db, now));
}
