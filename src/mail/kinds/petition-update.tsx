// An organizer's update (or a victory), to signers who asked for updates, in the signer's language when the
// update was written in it (else the petition's default language, else any it has).
import { z } from 'zod';
import { MarkdownHtml, markdownToPlainText } from '../../platform/text/markdown.js';
import { updateTextFor } from '../../updates/update-text.js';
import { defineMailKind, signerMail } from '../mail-kind.js';

export const petitionUpdateMail = defineMailKind({
  name: 'petition_update',
  payload: z.object({ update: z.number().int() }),
  updateId: ({ update }) => update,
  prepare: (lookup, { update: updateId }) =>
    signerMail(lookup, { wantsUpdates: true }, ({ t, title, url, locale, petition }) => {
      const update = updateTextFor(lookup.updates.get(updateId) ?? new Map(), locale, petition.defaultLocale);
      if (update === undefined) return { cancel: 'update is gone' };
      return {
        subject: update.title,
        paragraphs: [markdownToPlainText(update.body)],
        rich: <MarkdownHtml html={update.bodyHtml} text={update.body} />,
        action: { label: t.t('mail.viewPetition'), url },
        after: [t.t('mail.update.footer', { title })],
      };
    }),
});
