// The organizer posted an update: its id, its title in each language, and whether signers are emailed it.
import { withPetition, type WebhookEvent } from '../webhook-event.js';

export const updateSentEvent: WebhookEvent = {
  type: 'update.sent',
  subject: 'update',
  label: 'webhooks.event.updateSent',
  data: (lookup) =>
    withPetition(lookup, () => {
      if (lookup.updateTitles === undefined) return { cancel: 'update is gone' };
      return {
        update: {
          id: lookup.delivery.subjectId,
          titles: Object.fromEntries(lookup.updateTitles),
          emailed_to_signers: lookup.delivery.data['emailed_to_signers'] === true,
        },
      };
    }),
};
