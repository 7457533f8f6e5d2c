// The one place where one feature's events meet the features that react to them.
import { createEventBus, type EventBus } from './platform/events.js';
import { forgetRemovedComments } from './privacy/retention-store.js';
import type { SigningEvents } from './signing/events.js';
import { queueUpdatesPassedBy } from './updates/fan-out-updates.js';
import { queueResponsesPassedBy } from './targets/fan-out-responses.js';

/** Every event Firma announces, by name. */
export type FirmaEvents = SigningEvents;

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

  return events;
}
