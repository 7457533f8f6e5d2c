// To a signer whose signature was entered from a paper sheet with their email: it was entered, and how to withdraw
// it (someone else may have written their address).
import { z } from 'zod';
import { defineMailKind, signerMail } from '../mail-kind.js';

export const paperNoticeMail = defineMailKind({
  name: 'paper_notice',
  payload: z.object({}).loose(),
  prepare: (lookup) =>
    signerMail(lookup, { wantsUpdates: false }, ({ t, title, url, links }) => ({
      subject: t.t('mail.paperNotice.subject', { title }),
      paragraphs: [t.t('mail.paperNotice.intro', { title }), t.t('mail.paperNotice.notYou')],
      action: { label: t.t('mail.paperNotice.withdraw'), url: links.withdraw },
      after: [t.t('mail.paperNotice.petition', { url })],
    })),
});
