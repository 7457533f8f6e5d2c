// A legislator's digest at a milestone: how many of their constituents signed since the last one, in all, and
// statewide, in the petition's language, greeted by the name the directory gives; numbers only (names go in the
// delivered packet). The footer's link stops this petition's digests for them (also as one-click List-Unsubscribe).
import { z } from 'zod';
import { digestStopToken, digestStopUrl } from '../../targets/legislator-digests.js';
import { defineMailKind, petitionMail } from '../mail-kind.js';

export const legislatorDigestMail = defineMailKind({
  name: 'legislator_digest',
  payload: z.object({
    personId: z.number().int(),
    name: z.string(),
    chamber: z.string(),
    district: z.string(),
    fresh: z.number().int(),
    total: z.number().int(),
    statewide: z.number().int(),
    milestone: z.number().int(),
  }),
  prepare(lookup, digest) {
    const base = petitionMail(lookup);
    if ('cancel' in base) return base;
    if (lookup.message.recipient === null) return { cancel: 'no legislator address' };
    const { t, title, url, locale, petition } = base;
    const token = digestStopToken(lookup.secret, petition.id, digest.personId);
    const stop = digestStopUrl(lookup.baseUrl, locale, petition.slug, digest.personId, token);
    const district = digest.district;
    return {
      to: lookup.message.recipient,
      t,
      greetName: digest.name,
      parts: {
        // The first digest counts every constituent so far: no "more", no "since our last note".
        subject:
          digest.fresh === digest.total
            ? t.t('mail.digest.firstSubject', { count: digest.fresh, title })
            : t.t('mail.digest.subject', { count: digest.fresh, title }),
        paragraphs: [
          ...(digest.fresh === digest.total
            ? [t.t('mail.digest.first', { count: digest.total, statewide: digest.statewide, district, title })]
            : [
                t.t('mail.digest.fresh', { count: digest.fresh, district, title }),
                t.t('mail.digest.totals', { total: digest.total, statewide: digest.statewide, district }),
              ]),
          t.t('mail.digest.names'),
        ],
        action: { label: t.t('mail.viewPetition'), url },
        after: [],
      },
      unsubscribe: { url: stop, why: t.t('mail.digest.why', { title }), label: 'mail.footer.stopDigests' },
    };
  },
});
