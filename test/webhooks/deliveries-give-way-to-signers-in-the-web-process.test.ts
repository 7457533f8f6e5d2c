// The webhook job inside the web process, on both engines, with the event loop's use given by the test: while it is
// saturated (a signing spike), seven ticks in eight send nothing and the eighth sends one round of 50; once quiet,
// a tick sends everything due (within half a second). As `firma worker` it never waits.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { webhookSender, webhookWorkerDeps } from '../../src/background-jobs.js';
import { webhookDeliveryJob } from '../../src/webhooks/deliver-webhooks-job.js';
import type { WebhookSender } from '../../src/webhooks/send-webhook.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition, newSignature } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

describe.each(enginesToTest())('webhook deliveries give way to signers on $name', (engine) => {
  const t = useTestApp(engine, { env: { WEBHOOKS_ALLOW_PRIVATE: 'true' } });
  let receiver: WebhookReceiver;
  let sender: WebhookSender;

  beforeEach(async () => {
    receiver = await startWebhookReceiver();
    sender = webhookSender(t.deps);
  });
  afterEach(async () => {
    sender?.close();
    await receiver?.close();
  });

  it('a saturated web process sends one round of 50 in eight ticks, a quiet one all that is due', async () => {
    const { id } = await makePetition(t.deps.db);
    await t.deps.db
      .insertInto('webhook_endpoints')
      .values({
        petition_id: id,
        url: receiver.url,
        description: '',
        events: 'signature.confirmed',
        secret: `whsec_${Buffer.alloc(32, 5).toString('base64')}`,
        created_at: t.deps.now().toISOString(),
      })
      .execute();
    await Promise.all(
      Array.from({ length: 180 }, () =>
        t.deps.signatures.write(newSignature(id, { createdAt: t.deps.now().toISOString() })),
      ),
    );
    let use = 1;
    const job = webhookDeliveryJob(webhookWorkerDeps(t.deps, sender), { inWebProcess: true, utilization: () => use });
    const tick = () => job.run(undefined, { pause: () => Promise.resolve() });
    for (let i = 0; i < 7; i++) await tick();
    expect(receiver.received).toHaveLength(0);
    await tick();
    expect(receiver.received).toHaveLength(50);
    use = 0.3;
    await tick();
    expect(receiver.received).toHaveLength(180);

    const worker = webhookDeliveryJob(webhookWorkerDeps(t.deps, sender), { inWebProcess: false, utilization: () => 1 });
    await Promise.all(
      Array.from({ length: 10 }, () =>
        t.deps.signatures.write(newSignature(id, { createdAt: t.deps.now().toISOString() })),
      ),
    );
    await worker.run(undefined, { pause: () => Promise.resolve() });
    expect(receiver.received).toHaveLength(190);
  });
});
