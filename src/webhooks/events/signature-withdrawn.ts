// A signer withdrew: only the signature's id, since everything else about it is deleted.
import { withPetition, type WebhookEvent } from '../webhook-event.js';

export const signatureWithdrawnEvent: WebhookEvent = {
  type: 'signature.withdrawn',
  label: 'webhooks.event.signatureWithdrawn',
  data: (lookup) => withPetition(lookup, () => ({ signature: { id: lookup.delivery.subjectId } })),
};
