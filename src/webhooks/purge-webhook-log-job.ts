// Hourly: delivered and cancelled webhook deliveries older than 30 days leave the delivery log.
import type { Db } from '../platform/db/connect.js';
import { HOURLY, type ScheduledJob } from '../platform/jobs.js';
import { purgeDeliveriesBefore } from './webhook-store.js';

export const WEBHOOK_LOG_DAYS = 30;

export const purgeWebhookLogJob: ScheduledJob<{ db: Db; now: () => Date }> = {
  name: 'purge-webhook-log',
  everyMs: HOURLY,
  run: (deps) =>
    purgeDeliveriesBefore(deps.db, new Date(deps.now().getTime() - WEBHOOK_LOG_DAYS * 24 * 3600_000).toISOString()),
};
