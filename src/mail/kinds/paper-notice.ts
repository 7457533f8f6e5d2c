// To a signer whose signature was gathered in person (a paper sheet, a kiosk) with their email: it was entered, and
// how to withdraw it (someone else may have written their address).
import { z } from 'zod';
import { defineMailKind, signerMail } from '../mail-kind.js';

export const paperNoticeMail = defineMailKind({
  name: 'paper_notice',
  payload: z.object({ method: z.enum(['paper', 'kiosk']).optional() }).loose(),
  prepare: (lookup, { method }) =>
    signerMail(lookup, { wantsUpdates: false }, ({ t, title, url, links }) => ({
      subject: t.t('mail.paperNotice.subject', { title }),
      paragraphs: [
        t.t(method === 'kiosk' ? 'mail.paperNotice.introKiosk' : 'mail.paperNotice.intro', { title }),
        t.t('mail.paperNotice.notYou'),
      ],
      action: { label: t.t('mail.paperNotice.withdraw'), url: links.withdraw },
      after: [t.t('mail.paperNotice.petition', { url })],
    })),
});
