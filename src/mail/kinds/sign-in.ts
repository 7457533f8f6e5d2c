// An organizer's sign-in link. No petition; the token is made again from the salt (the outbox never holds it).
import { z } from 'zod';
import { signInLinkUrl } from '../../accounts/sign-in-links.js';
import { isLocale, translator, type Locale } from '../../platform/i18n/translator.js';
import { defineMailKind } from '../mail-kind.js';

export const signInMail = defineMailKind({
  name: 'sign_in',
  payload: z.object({ salt: z.string(), minutes: z.number(), expiresAt: z.string().optional() }),
  prepare(lookup, { salt, minutes, expiresAt }) {
    const { message } = lookup;
    if (message.recipient === null) return { cancel: 'malformed sign-in mail' };
    if (expiresAt !== undefined && new Date(expiresAt) <= lookup.now)
      return { cancel: 'sign-in link expired before sending' };
    const locale: Locale = isLocale(message.locale) ? message.locale : 'en';
    const t = translator(locale);
    const site = t.t('site.name');
    return {
      to: message.recipient,
      t,
      parts: {
        subject: t.t('mail.signIn.subject', { site }),
        paragraphs: [t.t('mail.signIn.intro', { site })],
        action: { label: t.t('mail.signIn.action'), url: signInLinkUrl(lookup.baseUrl, lookup.secret, salt) },
        after: [t.t('mail.signIn.expiry', { count: minutes }), t.t('mail.signIn.notYou')],
      },
    };
  },
});
