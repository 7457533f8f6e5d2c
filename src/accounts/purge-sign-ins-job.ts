// Hourly (and at start): expired sessions and sign-in links are deleted.
import type { Logger } from 'pino';
import type { Db } from '../platform/db/connect.js';
import { HOURLY, type ScheduledJob } from '../platform/jobs.js';
import { purgeStaleSignIns } from './purge-accounts.js';

export const purgeSignInsJob: ScheduledJob<{ db: Db; now: () => Date; logger: Logger }> = {
  name: 'sign-ins',
  everyMs: HOURLY,
  async run(deps) {
    const purged = await purgeStaleSignIns(deps.db, deps.now());
    if (purged.sessions + purged.tokens > 0) deps.logger.info(purged, 'expired sessions and sign-in links deleted');
  },
};
