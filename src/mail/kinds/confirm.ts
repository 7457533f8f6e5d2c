// "Please confirm your signature": the link that makes a pending signature count, while it is pending.
import { z } from 'zod';
import { defineMailKind, signerMail } from '../mail-kind.js';
import { recipientSentences } from '../../targets/recipients.js';

export const confirmMail = defineMailKind({
  name: 'confirm',
  payload: z.object({}).loose(),
  prepare: (lookup) =>
    signerMail(lookup, { wantsUpdates: false }, ({ t, title, signer, links }) => {
      if (signer.status !== 'pending') return { cancel: 'already confirmed' };
      return {
        subject: t.t('mail.confirm.subject', { title }),
        paragraphs: [t.t('mail.confirm.intro', { title }), ...recipientSentences(t, lookup.recipients)],
        action: { label: t.t('mail.confirm.action'), url: links.confirm },
        after: [t.t('mail.confirm.expiry', { count: lookup.confirmationExpiryDays }), t.t('mail.confirm.notYou')],
      };
    }),
});
