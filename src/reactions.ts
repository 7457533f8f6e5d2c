// The one place where one feature's events meet the features that react to them.
import { createEventBus, type EventBus } from './platform/events.js';
import type { Db } from './platform/db/connect.js';
import { queueWebhookEvent, type QueuedEvent } from './webhooks/queue-webhook-event.js';
import { forgetRemovedComments } from './privacy/retention-store.js';
import type { SigningEvents } from './signing/events.js';
import type { PetitionEvents } from './petitions/events.js';
import type { MilestoneEvents } from './milestones/events.js';
import type { DeliveryEvents } from './delivery/events.js';
import type { UpdateEvents } from './updates/events.js';
import { queueUpdatesPassedBy } from './updates/fan-out-updates.js';
import { queueResponsesPassedBy } from './targets/fan-out-responses.js';

/** Every event Firma announces, by name. */
export type FirmaEvents = SigningEvents & PetitionEvents & MilestoneEvents & DeliveryEvents & UpdateEvents;

export function createReactions(): EventBus<FirmaEvents> {
  const events = createEventBus<FirmaEvents>();

  // A signer who asked for updates also gets the ones already emailed while their signature was pending, and their
  // own legislators' responses emailed meanwhile.
  events.on('signature.confirmed', async (e, trx) => {
    if (!e.wantsUpdates) return;
    const signer = { id: e.signatureId, petitionId: e.petitionId, locale: e.locale, createdAt: e.createdAt };
    await queueUpdatesPassedBy(trx, signer, e.now);
    await queueResponsesPassedBy(trx, signer, e.now);
  });

  // A moderator's removal of the withdrawn signer's comment kept the text in its audit row: it goes too.
  events.on('signature.withdrawn', async (e, trx) => {
    await forgetRemovedComments(trx, [e.petitionId], [e.signatureId]);
  });

  // Webhooks: each event is queued for the petition's endpoints that take it, in the event's transaction.
  events.on('signature.confirmed', (e, trx) =>
    webhook(trx, { petitionId: e.petitionId, type: 'signature.confirmed', subjectIds: [e.signatureId], now: e.now }),
  );
  events.on('signatures.counted', (e, trx) =>
    webhook(trx, { petitionId: e.petitionId, type: 'signature.confirmed', subjectIds: e.signatureIds, now: e.now }),
  );
  events.on('signature.withdrawn', (e, trx) =>
    webhook(trx, {
      petitionId: e.petitionId,
      type: 'signature.withdrawn',
      subjectIds: [e.signatureId],
      now: e.now,
    }),
  );
  events.on('milestone.reached', (e, trx) =>
    webhook(trx, {
      petitionId: e.petitionId,
      type: 'milestone.reached',
      subjectIds: [null],
      data: { milestone: e.milestone },
      now: e.now,
    }),
  );
  events.on('petition.closed', (e, trx) =>
    webhook(trx, { petitionId: e.petitionId, type: 'petition.closed', subjectIds: [null], now: e.now }),
  );
  events.on('petition.won', (e, trx) =>
    webhook(trx, { petitionId: e.petitionId, type: 'petition.won', subjectIds: [null], now: e.now }),
  );
  events.on('petition.delivered', (e, trx) =>
    webhook(trx, {
      petitionId: e.petitionId,
      type: 'petition.delivered',
      subjectIds: [e.deliveryId],
      data: { delivered_on: e.deliveredOn },
      now: e.now,
    }),
  );
  events.on('update.sent', (e, trx) =>
    webhook(trx, {
      petitionId: e.petitionId,
      type: 'update.sent',
      subjectIds: [e.updateId],
      data: { emailed_to_signers: e.emailSigners },
      now: e.now,
    }),
  );

  return events;
}

async function webhook(trx: Db, event: QueuedEvent): Promise<void> {
  await queueWebhookEvent(trx, event);
}
