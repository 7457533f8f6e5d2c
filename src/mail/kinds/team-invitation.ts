// An invitation to a petition's team: who invited (their sign-in address, which they cannot choose freely, unlike a
// display name), the role and what it allows, the single-use link (made again from the salt) and until when it works.
import { z } from 'zod';
import { invitationToken, invitationUrl } from '../../teams/invitation-link.js';
import { TEAM_ROLES } from '../../teams/team-role.js';
import { defineMailKind, petitionMail } from '../mail-kind.js';
import { roleLabelKey, roleAllowsKey } from '../../teams/role-labels.js';

export const teamInvitationMail = defineMailKind({
  name: 'team_invitation',
  payload: z.object({ salt: z.string(), role: z.enum(TEAM_ROLES), expiresAt: z.string(), inviter: z.string() }),
  prepare(lookup, { salt, role, expiresAt, inviter }) {
    const base = petitionMail(lookup);
    if ('cancel' in base) return base;
    const { message } = lookup;
    if (message.recipient === null) return { cancel: 'no invited address' };
    if (new Date(expiresAt) <= lookup.now) return { cancel: 'invitation expired before sending' };
    const { t, title } = base;
    const roleName = t.t(roleLabelKey(role));
    return {
      to: message.recipient,
      t,
      parts: {
        subject: t.t('mail.teamInvitation.subject', { title }),
        paragraphs: [
          t.t('mail.teamInvitation.intro', { inviter, title, role: roleName }),
          t.t(roleAllowsKey(role)),
          t.t('mail.teamInvitation.signIn', { email: message.recipient }),
        ],
        action: {
          label: t.t('mail.teamInvitation.action'),
          url: invitationUrl(lookup.baseUrl, invitationToken(lookup.secret, salt)),
        },
        after: [t.t('mail.teamInvitation.expiry', { date: t.date(expiresAt) }), t.t('mail.teamInvitation.notYou')],
      },
    };
  },
});
