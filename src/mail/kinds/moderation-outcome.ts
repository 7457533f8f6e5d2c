// A moderator's decision about a petition, to its organizer, with the reason and note in their language.
import { z } from 'zod';
import { MODERATION_OUTCOMES, outcomeMailParts } from '../../moderation/outcome-mail.js';
import { defineMailKind, organizerMail } from '../mail-kind.js';

export const moderationOutcomeMail = defineMailKind({
  name: 'moderation_outcome',
  payload: z.object({
    outcome: z.enum(MODERATION_OUTCOMES),
    reason: z.string().catch(''),
    note: z.string().catch(''),
  }),
  prepare: (lookup, payload) =>
    organizerMail(lookup, ({ t, title, url, petition }) =>
      outcomeMailParts(t, title, url, {
        ...payload,
        manageUrl: `${lookup.baseUrl}/organize/${petition.id}/edit`,
      }),
    ),
});
