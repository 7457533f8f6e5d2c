// A webhook endpoint failed for three days and Firma stopped sending to it: to the petition's organizer, with the
// page where it is turned back on.
import { z } from 'zod';
import { defineMailKind, organizerMail } from '../mail-kind.js';

export const webhookDisabledMail = defineMailKind({
  name: 'webhook_disabled',
  payload: z.object({ endpoint: z.number().int(), url: z.string() }),
  prepare: (lookup, { endpoint, url }) =>
    organizerMail(lookup, ({ t, title, petition }) => ({
      subject: t.t('mail.webhookDisabled.subject', { title }),
      paragraphs: [t.t('mail.webhookDisabled.intro', { url, title }), t.t('mail.webhookDisabled.after')],
      action: {
        label: t.t('mail.webhookDisabled.action'),
        url: `${lookup.baseUrl}/organize/${petition.id}/webhooks/${endpoint}`,
      },
      after: [],
    })),
});
