// Who may do what on one petition. Its owner (and moderators and admins, who see every petition) may do
// everything; the people the owner invited hold one of three roles, each a set of powers. Every organizer route
// names the power it needs (src/web/middleware/require-user.ts), so a role is checked in one place.
import { seesAllPetitions } from '../accounts/policy.js';
import type { User } from '../accounts/user.js';

export const TEAM_ROLES = ['co_organizer', 'data_entry', 'viewer'] as const;
/** A role the owner gives an invited person. */
export type TeamRole = (typeof TEAM_ROLES)[number];

export function isTeamRole(value: unknown): value is TeamRole {
  return typeof value === 'string' && (TEAM_ROLES as readonly string[]).includes(value);
}

/** What one person is on one petition: its organizer (the owner, or staff) or a team role. */
export type PetitionRole = 'organizer' | TeamRole;

/**
 * What a route does with a petition:
 * - 'dashboard': read its numbers (the dashboard and its QR codes);
 * - 'paper': enter signatures gathered on paper (the file upload and the typing page);
 * - 'manage': everything else an organizer does (edit, publish, close, updates, share kit, exports and the packet,
 *   delivery, responses, picture, webhooks);
 * - 'team': invite people, change their roles, remove them.
 */
export type PetitionPower = 'dashboard' | 'paper' | 'manage' | 'team';

const POWERS: Record<PetitionRole, readonly PetitionPower[]> = {
  organizer: ['dashboard', 'paper', 'manage', 'team'],
  // Everything but the team (and deleting the petition, which no page offers an organizer).
  co_organizer: ['dashboard', 'paper', 'manage'],
  // Enters paper signatures and sees nothing else.
  data_entry: ['paper'],
  viewer: ['dashboard'],
};

/** The person's role on the petition, or undefined when they have none (the pages then answer 404). */
export function petitionRole(
  user: User | null,
  petition: { ownerId: number | null },
  memberRole: TeamRole | undefined,
): PetitionRole | undefined {
  if (user === null) return undefined;
  if (seesAllPetitions(user) || (petition.ownerId !== null && petition.ownerId === user.id)) return 'organizer';
  return memberRole;
}

export function roleMay(role: PetitionRole, power: PetitionPower): boolean {
  return POWERS[role].includes(power);
}

/** The page a role lands on when it opens the petition from the list of its petitions. */
export function homePathFor(role: PetitionRole): '' | '/paper/enter' {
  return role === 'data_entry' ? '/paper/enter' : '';
}
