// Hourly (and at start): signatures never confirmed within CONFIRMATION_EXPIRY_DAYS of their last link are
// deleted with their queued mail (pending signatures were never counted).
import type { Logger } from 'pino';
import type { Db } from '../platform/db/connect.js';
import { HOURLY, type ScheduledJob } from '../platform/jobs.js';
import { purgeUnconfirmedBefore } from './signer-link-store.js';

/** The moment `days` days before `now`, as stored timestamps are compared. */
export function expiredBefore(now: Date, days: number): string {
  return new Date(now.getTime() - days * 24 * 3600 * 1000).toISOString();
}

export const purgeUnconfirmedJob: ScheduledJob<{
  db: Db;
  now: () => Date;
  logger: Logger;
  config: { confirmationExpiryDays: number };
}> = {
  name: 'unconfirmed signatures',
  everyMs: HOURLY,
  async run(deps) {
    const purged = await purgeUnconfirmedBefore(deps.db, expiredBefore(deps.now(), deps.config.confirmationExpiryDays));
    if (purged > 0) deps.logger.info({ purged }, 'unconfirmed signatures past expiry deleted');
  },
};
