// Every second: due webhook deliveries are sent (deliver-webhooks.ts). Inside the web process a round gives way to
// signers while the event loop is nearly always busy, as the mail does; `firma worker` sends at full pace.
import type { ScheduledJob } from '../platform/jobs.js';
import { createBusyGate } from '../platform/mail/busy-gate.js';
import { deliverWebhooks, type WebhookRound, type WebhookWorkerDeps } from './deliver-webhooks.js';

export function webhookDeliveryJob(
  worker: WebhookWorkerDeps,
  options: { inWebProcess: boolean; onRound?: (round: WebhookRound) => void },
): ScheduledJob<unknown> {
  const mayRun = options.inWebProcess ? createBusyGate() : () => true;
  return {
    name: 'webhooks',
    everyMs: 1000,
    run: async () => {
      if (!mayRun()) return;
      // Rounds follow each other while there is more due than one round takes, up to the next tick.
      const until = Date.now() + 900;
      for (;;) {
        const round = await deliverWebhooks(worker);
        options.onRound?.(round);
        const handled = round.delivered + round.retried + round.failed + round.cancelled;
        if (handled === 0 || Date.now() > until) return;
      }
    },
  };
}
