// Hourly (and at start): records of mail sent more than MAIL_HISTORY_DAYS ago are deleted.
import type { Logger } from 'pino';
import type { Db } from '../platform/db/connect.js';
import { HOURLY, type ScheduledJob } from '../platform/jobs.js';
import { purgeDeliveredMailBefore } from '../platform/outbox/outbox-store.js';
import { expiredBefore } from '../signing/purge-unconfirmed-job.js';

/** Sent mail is kept this long (to answer "did my email go out?"), then deleted. */
export const MAIL_HISTORY_DAYS = 30;

export const purgeMailHistoryJob: ScheduledJob<{ db: Db; now: () => Date; logger: Logger }> = {
  name: 'mail history',
  everyMs: HOURLY,
  async run(deps) {
    const deleted = await purgeDeliveredMailBefore(deps.db, expiredBefore(deps.now(), MAIL_HISTORY_DAYS));
    if (deleted > 0) deps.logger.info({ deleted }, 'old sent mail records deleted');
  },
};
