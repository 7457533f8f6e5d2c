// The only SQL for petition_members and petition_invitations.
import type { Db } from '../platform/db/connect.js';
import { isTeamRole, type TeamRole } from './team-role.js';

export interface Member {
  userId: number;
  name: string | null;
  email: string;
  role: TeamRole;
  addedAt: string;
}

export interface Invitation {
  id: number;
  petitionId: number;
  email: string;
  role: TeamRole;
  locale: string;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  cancelledAt: string | null;
}

/** A role read back from the table; anything else (written by hand) is no role at all. */
function roleOf(value: string): TeamRole | undefined {
  return isTeamRole(value) ? value : undefined;
}

export async function findMemberRole(db: Db, petitionId: number, userId: number): Promise<TeamRole | undefined> {
  const row = await db
    .selectFrom('petition_members')
    .select('role')
    .where('petition_id', '=', petitionId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row === undefined ? undefined : roleOf(row.role);
}

/** Every petition the user is on the team of, with the role. */
export async function listMembershipsOf(db: Db, userId: number): Promise<Map<number, TeamRole>> {
  const rows = await db
    .selectFrom('petition_members')
    .select(['petition_id', 'role'])
    .where('user_id', '=', userId)
    .execute();
  const out = new Map<number, TeamRole>();
  for (const row of rows) {
    const role = roleOf(row.role);
    if (role !== undefined) out.set(row.petition_id, role);
  }
  return out;
}

export async function listMembers(db: Db, petitionId: number): Promise<Member[]> {
  const rows = await db
    .selectFrom('petition_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'm.role', 'm.added_at', 'u.name', 'u.email'])
    .where('m.petition_id', '=', petitionId)
    .orderBy('m.added_at')
    .orderBy('m.user_id')
    .execute();
  return rows.flatMap((r) => {
    const role = roleOf(r.role);
    return role === undefined ? [] : [{ userId: r.user_id, name: r.name, email: r.email, role, addedAt: r.added_at }];
  });
}

/** Adds the user to the team, or gives a member the new role. */
export async function putMember(
  db: Db,
  member: { petitionId: number; userId: number; role: TeamRole; addedBy: number | null; now: string },
): Promise<void> {
  await db
    .insertInto('petition_members')
    .values({
      petition_id: member.petitionId,
      user_id: member.userId,
      role: member.role,
      added_at: member.now,
      added_by: member.addedBy,
    })
    .onConflict((oc) => oc.columns(['petition_id', 'user_id']).doUpdateSet({ role: member.role }))
    .execute();
}

/** Changes a member's role; false when the user is not on this petition's team. */
export async function updateMemberRole(db: Db, petitionId: number, userId: number, role: TeamRole): Promise<boolean> {
  const result = await db
    .updateTable('petition_members')
    .set({ role })
    .where('petition_id', '=', petitionId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteMember(db: Db, petitionId: number, userId: number): Promise<boolean> {
  const result = await db
    .deleteFrom('petition_members')
    .where('petition_id', '=', petitionId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

function toInvitation(r: {
  id: number;
  petition_id: number;
  email: string;
  role: string;
  locale: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  cancelled_at: string | null;
}): Invitation | undefined {
  const role = roleOf(r.role);
  if (role === undefined) return undefined;
  return {
    id: r.id,
    petitionId: r.petition_id,
    email: r.email,
    role,
    locale: r.locale,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    acceptedAt: r.accepted_at,
    cancelledAt: r.cancelled_at,
  };
}

const INVITATION_COLUMNS = [
  'id',
  'petition_id',
  'email',
  'role',
  'locale',
  'created_at',
  'expires_at',
  'accepted_at',
  'cancelled_at',
] as const;

export async function insertInvitation(
  db: Db,
  invitation: {
    petitionId: number;
    email: string;
    role: TeamRole;
    locale: string;
    tokenHash: string;
    invitedBy: number;
    now: string;
    expiresAt: string;
  },
): Promise<number> {
  const row = await db
    .insertInto('petition_invitations')
    .values({
      petition_id: invitation.petitionId,
      email: invitation.email,
      role: invitation.role,
      locale: invitation.locale,
      token_hash: invitation.tokenHash,
      invited_by: invitation.invitedBy,
      created_at: invitation.now,
      expires_at: invitation.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Invitations neither accepted nor cancelled (expired ones too: the page says so), oldest first. */
export async function listOpenInvitations(db: Db, petitionId: number): Promise<Invitation[]> {
  const rows = await db
    .selectFrom('petition_invitations')
    .select(INVITATION_COLUMNS)
    .where('petition_id', '=', petitionId)
    .where('accepted_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.flatMap((r) => toInvitation(r) ?? []);
}

export async function countOpenInvitations(db: Db, petitionId: number, now: string): Promise<number> {
  const row = await db
    .selectFrom('petition_invitations')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('petition_id', '=', petitionId)
    .where('accepted_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findInvitationByTokenHash(db: Db, tokenHash: string): Promise<Invitation | undefined> {
  const row = await db
    .selectFrom('petition_invitations')
    .select(INVITATION_COLUMNS)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row === undefined ? undefined : toInvitation(row);
}

/** Marks the invitation accepted, once: false when it was accepted, cancelled or expired meanwhile. */
export async function markInvitationAccepted(db: Db, id: number, userId: number, now: string): Promise<boolean> {
  const result = await db
    .updateTable('petition_invitations')
    .set({ accepted_at: now, accepted_by: userId })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function markInvitationCancelled(
  db: Db,
  petitionId: number,
  id: number,
  now: string,
): Promise<Invitation | undefined> {
  const result = await db
    .updateTable('petition_invitations')
    .set({ cancelled_at: now })
    .where('id', '=', id)
    .where('petition_id', '=', petitionId)
    .where('accepted_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return undefined;
  const row = await db
    .selectFrom('petition_invitations')
    .select(INVITATION_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
  return row === undefined ? undefined : toInvitation(row);
}

/** Forgets invitations (an address of someone who may never have signed up) a while after they stopped working. */
export async function deleteStaleInvitations(db: Db, before: string): Promise<number> {
  const result = await db
    .deleteFrom('petition_invitations')
    .where((eb) =>
      eb.or([eb('expires_at', '<', before), eb('accepted_at', '<', before), eb('cancelled_at', '<', before)]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
