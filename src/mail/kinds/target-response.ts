// A legislator's response, to their constituents among the signers who asked for news: who answered, the answer as
// they wrote it (in its language; the mail says which when it is not the signer's), and the petition's page.
// A response hidden after it was queued is not sent.
import { z } from 'zod';
import { isLocale } from '../../platform/i18n/translator.js';
import { isChamber } from '../../targets/directory.js';
import { recipientName } from '../../targets/recipients.js';
import { defineMailKind, signerMail } from '../mail-kind.js';

export const targetResponseMail = defineMailKind({
  name: 'target_response',
  payload: z.object({ response: z.number().int() }),
  responseId: ({ response }) => response,
  prepare: (lookup, { response: responseId }) =>
    signerMail(lookup, { wantsUpdates: true }, ({ t, title, url, locale }) => {
      const response = lookup.responses.get(responseId);
      if (response === undefined) return { cancel: 'response is gone' };
      if (response.hiddenAt !== null) return { cancel: 'response is hidden' };
      const who = isChamber(response.chamber)
        ? recipientName(t, response.chamber, response.district, [response.name])
        : response.name;
      return {
        subject: t.t('mail.targetResponse.subject', { who, title }),
        paragraphs: [
          t.t('mail.targetResponse.intro', { who, title }),
          ...(response.locale === locale
            ? []
            : [
                t.t('mail.targetResponse.language', {
                  language: isLocale(response.locale) ? t.languageName(response.locale) : response.locale,
                }),
              ]),
          ...response.body.split(/\n{2,}/),
          ...(response.onBehalf ? [t.t('mail.targetResponse.onBehalf')] : []),
        ],
        action: { label: t.t('mail.targetResponse.action'), url: `${url}#responses-heading` },
        after: [t.t('mail.targetResponse.footer', { title })],
      };
    }),
});
