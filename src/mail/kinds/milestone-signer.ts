// A milestone reached, to signers who asked for updates, with the next goal.
import { z } from 'zod';
import { nextGoal } from '../../milestones/milestones.js';
import { defineMailKind, signerMail } from '../mail-kind.js';

export const milestoneSignerMail = defineMailKind({
  name: 'milestone_signer',
  payload: z.object({ milestone: z.number().int() }),
  prepare: (lookup, { milestone }) =>
    signerMail(lookup, { wantsUpdates: true }, ({ t, title, url }) => ({
      subject: t.t('mail.milestone.subject', { title, count: milestone }),
      paragraphs: [
        t.t('mail.milestone.intro', { title, count: milestone }),
        t.t('mail.milestone.nextGoal', { goal: nextGoal(milestone) }),
      ],
      action: { label: t.t('mail.shareAction'), url },
      after: [],
    })),
});
