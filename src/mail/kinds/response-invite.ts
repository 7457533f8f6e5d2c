// A legislator's invitation to answer a petition: the single-use link (made again from the salt: the outbox never
// holds the token), how many of their constituents signed so far, and until when the link works.
import { z } from 'zod';
import { responseLinkUrl, responseToken } from '../../targets/respond.js';
import { defineMailKind, petitionMail } from '../mail-kind.js';

export const responseInviteMail = defineMailKind({
  name: 'response_invite',
  payload: z.object({ salt: z.string(), personId: z.number(), expiresAt: z.string() }),
  prepare(lookup, { salt, expiresAt }) {
    const base = petitionMail(lookup);
    if ('cancel' in base) return base;
    const { message } = lookup;
    if (message.recipient === null) return { cancel: 'no legislator address' };
    if (new Date(expiresAt) <= lookup.now) return { cancel: 'response link expired before sending' };
    const { t, title, url, locale, petition } = base;
    const link = responseLinkUrl(lookup.baseUrl, locale, petition.slug, responseToken(lookup.secret, salt));
    return {
      to: message.recipient,
      t,
      parts: {
        subject: t.t('mail.responseInvite.subject', { title }),
        paragraphs: [t.t('mail.responseInvite.intro', { title }), t.t('mail.responseInvite.public'), url],
        action: { label: t.t('mail.responseInvite.action'), url: link },
        after: [t.t('mail.responseInvite.expiry', { date: t.date(expiresAt) }), t.t('mail.responseInvite.once')],
      },
    };
  },
});
