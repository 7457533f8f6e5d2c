// The organizer's "send a test event": proves the URL, the secret and the receiver's check of signatures.
import { withPetition, type WebhookEvent } from '../webhook-event.js';

export const webhookTestEvent: WebhookEvent = {
  type: 'webhook.test',
  label: 'webhooks.event.test',
  onDemand: true,
  data: (lookup) => withPetition(lookup, () => ({ test: true })),
};
