// Every kind of webhook event Firma sends. A new one is a file in events/ and a line here.
import { milestoneReachedEvent } from './events/milestone-reached.js';
import { petitionClosedEvent } from './events/petition-closed.js';
import { petitionDeliveredEvent } from './events/petition-delivered.js';
import { petitionWonEvent } from './events/petition-won.js';
import { signatureConfirmedEvent } from './events/signature-confirmed.js';
import { signatureWithdrawnEvent } from './events/signature-withdrawn.js';
import { updateSentEvent } from './events/update-sent.js';
import { webhookTestEvent } from './events/webhook-test.js';
import type { WebhookEvent } from './webhook-event.js';

export const WEBHOOK_EVENTS: readonly WebhookEvent[] = [
  signatureConfirmedEvent,
  signatureWithdrawnEvent,
  milestoneReachedEvent,
  petitionClosedEvent,
  petitionWonEvent,
  petitionDeliveredEvent,
  updateSentEvent,
  webhookTestEvent,
];

const BY_TYPE = new Map(WEBHOOK_EVENTS.map((event) => [event.type, event]));

export function webhookEvent(type: string): WebhookEvent | undefined {
  return BY_TYPE.get(type);
}

/** The events an organizer chooses from (all but the test event). */
export const CHOOSABLE_EVENTS: readonly WebhookEvent[] = WEBHOOK_EVENTS.filter((e) => e.onDemand !== true);
