// The count passed a milestone.
import { withPetition, type WebhookEvent } from '../webhook-event.js';

export const milestoneReachedEvent: WebhookEvent = {
  type: 'milestone.reached',
  label: 'webhooks.event.milestoneReached',
  data: (lookup) => withPetition(lookup, () => ({ milestone: lookup.delivery.data['milestone'] })),
};
