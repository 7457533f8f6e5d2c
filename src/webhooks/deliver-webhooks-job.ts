// Every second: due webhook deliveries are sent (deliver-webhooks.ts), round after round for up to half a second.
// Inside the web process the rounds give way to signers: while the event loop was nearly always busy in the last
// second (a signing spike), only one small round runs every eight seconds, so deliveries wait in the outbox and go
// out at full pace once the spike is over (docs/performance.md#webhooks). `firma worker` sends at full pace always.
import type { ScheduledJob } from '../platform/jobs.js';
import { createBusyTurns, type BusyTurn } from '../platform/mail/busy-gate.js';
import { deliverWebhooks, WEBHOOK_BATCH, type WebhookRound, type WebhookWorkerDeps } from './deliver-webhooks.js';

/** The deliveries a round takes on a busy turn (one tick in eight while the event loop is over 90 % used). */
const BUSY_BATCH = 50;
/** How long a tick's rounds may run back to back (at most half of each second: the worker never looks busy itself). */
const TICK_MS = 500;

export function webhookDeliveryJob(
  worker: WebhookWorkerDeps,
  options: { inWebProcess: boolean; onRound?: (round: WebhookRound) => void; utilization?: () => number },
): ScheduledJob<unknown> {
  const turn: () => BusyTurn = options.inWebProcess
    ? createBusyTurns(options.utilization === undefined ? {} : { utilization: options.utilization })
    : () => 'quiet';
  const round = async (limit: number) => {
    const done = await deliverWebhooks(worker, limit);
    options.onRound?.(done);
    return done.delivered + done.retried + done.failed + done.cancelled;
  };
  return {
    name: 'webhooks',
    everyMs: 1000,
    run: async () => {
      const now = turn();
      if (now === 'wait') return;
      if (now === 'busy') {
        await round(BUSY_BATCH);
        return;
      }
      const until = Date.now() + TICK_MS;
      while ((await round(WEBHOOK_BATCH)) > 0 && Date.now() < until);
    },
  };
}
