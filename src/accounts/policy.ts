// Who may do what: every authorization rule of the organizer side, in one place.
import type { User } from './user.js';

/** Moderators and admins see every petition. */
export function seesAllPetitions(user: User): boolean {
  return user.role === 'moderator' || user.role === 'admin';
}

/** Editing, the dashboard, updates, exports and deliveries: the petition's organizer, moderators and admins. */
export function canManagePetition(user: User | null, petition: { ownerId: number | null }): boolean {
  if (user === null) return false;
  return seesAllPetitions(user) || (petition.ownerId !== null && petition.ownerId === user.id);
}

export function isAdmin(user: User | null): boolean {
  return user?.role === 'admin';
}

/** The review queue, reports, hiding and restoring petitions: moderators and admins. */
export function canModerate(user: User | null): boolean {
  return user !== null && seesAllPetitions(user);
}
