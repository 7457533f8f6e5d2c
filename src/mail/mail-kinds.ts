// Every kind of email Firma sends. A new one is a file in kinds/ and a line here.
import { alreadySignedMail } from './kinds/already-signed.js';
import { confirmMail } from './kinds/confirm.js';
import { legislatorDigestMail } from './kinds/legislator-digest.js';
import { milestoneOrganizerMail } from './kinds/milestone-organizer.js';
import { milestoneSignerMail } from './kinds/milestone-signer.js';
import { moderationOutcomeMail } from './kinds/moderation-outcome.js';
import { petitionUpdateMail } from './kinds/petition-update.js';
import { responseInviteMail } from './kinds/response-invite.js';
import { signInMail } from './kinds/sign-in.js';
import { targetResponseMail } from './kinds/target-response.js';
import { thanksMail } from './kinds/thanks.js';
import { webhookDisabledMail } from './kinds/webhook-disabled.js';
import { paperNoticeMail } from './kinds/paper-notice.js';
import { teamInvitationMail } from './kinds/team-invitation.js';
import type { MailKind } from './mail-kind.js';

export const MAIL_KINDS: readonly MailKind[] = [
  confirmMail,
  thanksMail,
  alreadySignedMail,
  milestoneSignerMail,
  milestoneOrganizerMail,
  petitionUpdateMail,
  moderationOutcomeMail,
  signInMail,
  responseInviteMail,
  targetResponseMail,
  legislatorDigestMail,
  webhookDisabledMail,
  paperNoticeMail,
  teamInvitationMail,
];

const BY_NAME = new Map(MAIL_KINDS.map((kind) => [kind.name, kind]));

export function mailKind(name: string): MailKind | undefined {
  return BY_NAME.get(name);
}
