// A milestone reached, to the petition's organizer, with the next goal.
import { z } from 'zod';
import { nextGoal } from '../../milestones/milestones.js';
import { defineMailKind, organizerMail } from '../mail-kind.js';

export const milestoneOrganizerMail = defineMailKind({
  name: 'milestone_organizer',
  payload: z.object({ milestone: z.number().int() }),
  prepare: (lookup, { milestone }) =>
    organizerMail(lookup, ({ t, title, url }) => ({
      subject: t.t('mail.milestone.subject', { title, count: milestone }),
      paragraphs: [
        t.t('mail.milestone.organizerIntro', { title, count: milestone }),
        t.t('mail.milestone.nextGoal', { goal: nextGoal(milestone) }),
      ],
      action: { label: t.t('mail.viewPetition'), url },
      after: [],
    })),
});
