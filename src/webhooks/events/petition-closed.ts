// The petition was closed to new signatures.
import { withPetition, type WebhookEvent } from '../webhook-event.js';

export const petitionClosedEvent: WebhookEvent = {
  type: 'petition.closed',
  label: 'webhooks.event.petitionClosed',
  data: (lookup) => withPetition(lookup, () => ({})),
};
