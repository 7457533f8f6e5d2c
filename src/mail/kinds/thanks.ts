// "Thank you for signing", with the petition to share (a signature that counted at once).
import { z } from 'zod';
import { defineMailKind, signerMail } from '../mail-kind.js';
import { recipientSentences } from '../../targets/recipients.js';

export const thanksMail = defineMailKind({
  name: 'thanks',
  payload: z.object({}).loose(),
  prepare: (lookup) =>
    signerMail(lookup, { wantsUpdates: false }, ({ t, title, url }) => ({
      subject: t.t('mail.thanks.subject', { title }),
      paragraphs: [t.t('mail.thanks.intro', { title }), ...recipientSentences(t, lookup.recipients)],
      action: { label: t.t('mail.shareAction'), url },
      after: [],
    })),
});
