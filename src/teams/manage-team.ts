// A petition's team: its owner invites people by email with a role, changes their roles and removes them; the
// invited person accepts with the single-use link, signed in with the address it was sent to. Every change is one
// transaction with its audit row, under the person who made it.
import { normalizeAccountEmail, type User } from '../accounts/user.js';
import { recordAudit } from '../platform/audit/audit-store.js';
import type { Db } from '../platform/db/connect.js';
import { emailAddressSchema } from '../platform/email-address.js';
import type { MessageKey } from '../platform/i18n/message-key.js';
import { enqueueMail } from '../platform/outbox/outbox-store.js';
import { isWellFormedToken, newTokenSalt, tokenHash } from '../platform/tokens/signer-token.js';
import { INVITATION_DAYS, invitationToken } from './invitation-link.js';
import { isTeamRole, type TeamRole } from './team-role.js';
import {
  countOpenInvitations,
  deleteMember,
  findInvitationByTokenHash,
  insertInvitation,
  listMembers,
  markInvitationAccepted,
  markInvitationCancelled,
  putMember,
  updateMemberRole,
  type Invitation,
} from './team-store.js';

export interface TeamDeps {
  db: Db;
  now: () => Date;
  secret: string;
}

/** The petition as the team's services need it. */
export interface TeamPetition {
  id: number;
  ownerId: number | null;
  ownerEmail: string | null;
}

/** Open invitations per petition at most: a team is a handful of people, not a mailing list. */
export const MAX_OPEN_INVITATIONS = 50;

export interface InviteForm {
  email: string;
  role: string;
  locale: string;
}

export type InviteResult =
  | { kind: 'invited'; invitationId: number }
  | { kind: 'invalid'; errors: Partial<Record<'email' | 'role' | 'locale', MessageKey>> }
  | { kind: 'too_many' };

/** Records an invitation and queues its email in the language chosen, in one transaction. */
export async function inviteToTeam(
  deps: TeamDeps,
  actor: User,
  petition: TeamPetition,
  form: InviteForm,
  locales: readonly string[],
): Promise<InviteResult> {
  const errors: Partial<Record<'email' | 'role' | 'locale', MessageKey>> = {};
  const parsed = emailAddressSchema.safeParse(form.email);
  // The schema's messages are catalog keys (src/platform/email-address.ts).
  if (!parsed.success) errors.email = (parsed.error.issues[0]?.message ?? 'error.email.invalid') as MessageKey;
  if (!isTeamRole(form.role)) errors.role = 'team.error.role';
  if (!locales.includes(form.locale)) errors.locale = 'team.error.locale';
  const email = parsed.success ? normalizeAccountEmail(parsed.data) : '';
  if (
    errors.email === undefined &&
    petition.ownerEmail !== null &&
    normalizeAccountEmail(petition.ownerEmail) === email
  )
    errors.email = 'team.error.owner';
  if (errors.email === undefined) {
    const members = await listMembers(deps.db, petition.id);
    if (members.some((m) => normalizeAccountEmail(m.email) === email)) errors.email = 'team.error.member';
  }
  if (Object.keys(errors).length > 0 || !isTeamRole(form.role)) return { kind: 'invalid', errors };
  const role: TeamRole = form.role;
  const now = deps.now();
  if ((await countOpenInvitations(deps.db, petition.id, now.toISOString())) >= MAX_OPEN_INVITATIONS)
    return { kind: 'too_many' };
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString();
  const salt = newTokenSalt();
  const invitationId = await deps.db.transaction().execute(async (trx) => {
    const id = await insertInvitation(trx, {
      petitionId: petition.id,
      email,
      role,
      locale: form.locale,
      tokenHash: tokenHash(invitationToken(deps.secret, salt)),
      invitedBy: actor.id,
      now: now.toISOString(),
      expiresAt,
    });
    await enqueueMail(trx, {
      kind: 'team_invitation',
      petitionId: petition.id,
      signatureId: null,
      recipient: email,
      locale: form.locale,
      payload: { salt, role, expiresAt, inviter: actor.email },
      now: now.toISOString(),
    });
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'team.invite',
      petitionId: petition.id,
      details: { invitation: id, email, role },
      now,
    });
    return id;
  });
  return { kind: 'invited', invitationId };
}

export type InvitationState =
  | { kind: 'open'; invitation: Invitation }
  | { kind: 'invalid' }
  | { kind: 'used' }
  | { kind: 'cancelled' }
  | { kind: 'expired' };

/** What the link would do, without using it (the page a mail scanner may open first). */
export async function inspectInvitation(db: Db, token: string, now: Date): Promise<InvitationState> {
  if (!isWellFormedToken(token)) return { kind: 'invalid' };
  const invitation = await findInvitationByTokenHash(db, tokenHash(token));
  if (invitation === undefined) return { kind: 'invalid' };
  if (invitation.acceptedAt !== null) return { kind: 'used' };
  if (invitation.cancelledAt !== null) return { kind: 'cancelled' };
  if (new Date(invitation.expiresAt) <= now) return { kind: 'expired' };
  return { kind: 'open', invitation };
}

export type AcceptResult =
  | { kind: 'joined'; petitionId: number; role: TeamRole }
  /** Signed in with another address than the one invited: nothing changes, the page says which address to use. */
  | { kind: 'wrong_account'; email: string }
  | Exclude<InvitationState, { kind: 'open' }>;

/** Uses the invitation up and puts the signed-in person on the team, once. */
export async function acceptInvitation(deps: TeamDeps, user: User, token: string): Promise<AcceptResult> {
  const now = deps.now();
  const state = await inspectInvitation(deps.db, token, now);
  if (state.kind !== 'open') return state;
  const { invitation } = state;
  if (normalizeAccountEmail(user.email) !== invitation.email) return { kind: 'wrong_account', email: invitation.email };
  const joined = await deps.db.transaction().execute(async (trx) => {
    // Only the first of two clicks at once marks it; the second finds it used.
    if (!(await markInvitationAccepted(trx, invitation.id, user.id, now.toISOString()))) return false;
    await putMember(trx, {
      petitionId: invitation.petitionId,
      userId: user.id,
      role: invitation.role,
      addedBy: null,
      now: now.toISOString(),
    });
    await recordAudit(trx, {
      actorId: user.id,
      action: 'team.join',
      petitionId: invitation.petitionId,
      details: { invitation: invitation.id, role: invitation.role },
      now,
    });
    return true;
  });
  if (!joined) {
    const after = await inspectInvitation(deps.db, token, now);
    return after.kind === 'open' ? { kind: 'used' } : after;
  }
  return { kind: 'joined', petitionId: invitation.petitionId, role: invitation.role };
}

/** Gives a member another role; false when they are not on the team (or the role is not one). */
export async function changeMemberRole(
  deps: TeamDeps,
  actor: User,
  petitionId: number,
  userId: number,
  role: string,
): Promise<boolean> {
  if (!isTeamRole(role)) return false;
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    if (!(await updateMemberRole(trx, petitionId, userId, role))) return false;
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'team.role',
      petitionId,
      details: { user: userId, role },
      now,
    });
    return true;
  });
}

/** Takes a member off the team: their pages of this petition answer 404 from the next request. */
export async function removeMember(deps: TeamDeps, actor: User, petitionId: number, userId: number): Promise<boolean> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    if (!(await deleteMember(trx, petitionId, userId))) return false;
    await recordAudit(trx, { actorId: actor.id, action: 'team.remove', petitionId, details: { user: userId }, now });
    return true;
  });
}

/** Cancels an open invitation: its link then says so. */
export async function cancelInvitation(
  deps: TeamDeps,
  actor: User,
  petitionId: number,
  invitationId: number,
): Promise<boolean> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const cancelled = await markInvitationCancelled(trx, petitionId, invitationId, now.toISOString());
    if (cancelled === undefined) return false;
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'team.cancel_invitation',
      petitionId,
      details: { invitation: invitationId, email: cancelled.email },
      now,
    });
    return true;
  });
}
