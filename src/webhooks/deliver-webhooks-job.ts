// Every second: due webhook deliveries are sent (deliver-webhooks.ts), round after round for up to half a second.
// Inside the web process the rounds give way to signers: while the event loop was nearly always busy in the last
// second (a signing spike), only one small round runs every eight seconds, so deliveries wait in the outbox and go
// out at full pace once the spike is over (docs/performance.md#webhooks). `firma worker` sends at full pace always.
import type { ScheduledJob } from '../platform/jobs.js';
import { eventLoopUtilizationSinceLastCall } from '../platform/mail/busy-gate.js';
import { deliverWebhooks, WEBHOOK_BATCH, type WebhookRound, type WebhookWorkerDeps } from './deliver-webhooks.js';

/** Above this share of the last second spent working, the web process counts as busy. */
const BUSY = 0.9;
/** While busy, one round in this many ticks still runs, so deliveries never stop altogether. */
const BUSY_EVERY = 8;
/** The deliveries such a round takes. */
const BUSY_BATCH = 50;
/** How long a tick's rounds may run back to back (at most half of each second: the worker never looks busy itself). */
const TICK_MS = 500;

export function webhookDeliveryJob(
  worker: WebhookWorkerDeps,
  options: { inWebProcess: boolean; onRound?: (round: WebhookRound) => void; utilization?: () => number },
): ScheduledJob<unknown> {
  const utilization = options.inWebProcess ? (options.utilization ?? eventLoopUtilizationSinceLastCall()) : () => 0;
  let skipped = 0;
  const round = async (limit: number) => {
    const done = await deliverWebhooks(worker, limit);
    options.onRound?.(done);
    return done.delivered + done.retried + done.failed + done.cancelled;
  };
  return {
    name: 'webhooks',
    everyMs: 1000,
    run: async () => {
      if (utilization() > BUSY) {
        skipped += 1;
        if (skipped < BUSY_EVERY) return;
        skipped = 0;
        await round(BUSY_BATCH);
        return;
      }
      skipped = 0;
      const until = Date.now() + TICK_MS;
      while ((await round(WEBHOOK_BATCH)) > 0 && Date.now() < until);
    },
  };
}
