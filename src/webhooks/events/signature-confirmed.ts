// A signature counted: confirmed from its email, or counted at once (proof of work, the API's helper).
import { withPetition, type WebhookEvent } from '../webhook-event.js';

export const signatureConfirmedEvent: WebhookEvent = {
  type: 'signature.confirmed',
  subject: 'signature',
  label: 'webhooks.event.signatureConfirmed',
  data: (lookup) =>
    withPetition(lookup, () => {
      const s = lookup.signature;
      // Withdrawn or erased before it went out: nothing of the person is sent.
      if (s === undefined || s.erased) return { cancel: 'signature is gone' };
      return {
        signature: {
          id: s.id,
          name: s.name,
          // A signature entered from paper may have no email.
          email: s.email === '' ? null : s.email,
          postal_code: s.postalCode,
          town: s.town,
          comment: s.comment,
          source: s.source,
          language: s.locale,
          wants_updates: s.optIn,
          signed_at: s.createdAt,
          method: s.method,
          ...(s.sheet === null ? {} : { sheet: s.sheet, sheet_line: s.sheetLine }),
        },
      };
    }),
};
