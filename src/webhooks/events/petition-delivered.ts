// The signatures were delivered: the delivery's id and day.
import { withPetition, type WebhookEvent } from '../webhook-event.js';

export const petitionDeliveredEvent: WebhookEvent = {
  type: 'petition.delivered',
  label: 'webhooks.event.petitionDelivered',
  data: (lookup) =>
    withPetition(lookup, () => ({
      delivery: { id: lookup.delivery.subjectId, delivered_on: lookup.delivery.data['delivered_on'] },
    })),
};
