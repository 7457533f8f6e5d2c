// "You have already signed": sent when an address signs again where no confirmation is asked, so the page
// never has to say whether an address has signed.
import { z } from 'zod';
import { defineMailKind, signerMail } from '../mail-kind.js';

export const alreadySignedMail = defineMailKind({
  name: 'already_signed',
  payload: z.object({}).loose(),
  prepare: (lookup) =>
    signerMail(lookup, { wantsUpdates: false }, ({ t, title, url }) => ({
      subject: t.t('mail.already.subject', { title }),
      paragraphs: [t.t('mail.already.intro', { title })],
      action: { label: t.t('mail.shareAction'), url },
      after: [],
    })),
});
