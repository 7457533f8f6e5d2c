// The organizer declared victory.
import { withPetition, type WebhookEvent } from '../webhook-event.js';

export const petitionWonEvent: WebhookEvent = {
  type: 'petition.won',
  label: 'webhooks.event.petitionWon',
  data: (lookup) => withPetition(lookup, () => ({})),
};
