// Guards for organizer routes: sign-in first, then the petition must be one the user may manage.
import type { Context, MiddlewareHandler } from 'hono';
import type { Deps } from '../../deps.js';
import type { Petition } from '../../petitions/petition.js';
import { findPetitionById } from '../../petitions/petition-store.js';
import type { AppEnv } from '../env.js';
import { renderStatusPage } from '../views/status-page.js';
import { canModerate, isAdmin } from '../../accounts/policy.js';
import { petitionRole, roleMay, type PetitionPower, type PetitionRole } from '../../teams/team-role.js';
import { findMemberRole } from '../../teams/team-store.js';
import type { User } from '../../accounts/user.js';

/** Anonymous readers are sent to sign in (and back here afterwards); forms posted anonymously get 403. */
export function requireSignIn(): MiddlewareHandler<AppEnv> {
  return async function signedInOnly(c, next) {
    if (c.var.user !== null) return next();
    if (c.req.method === 'GET' || c.req.method === 'HEAD') {
      const url = new URL(c.req.url);
      return c.redirect(`/signin?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
    }
    return renderStatusPage(c, 403, 'page.forbidden.title', 'page.forbidden.body');
  };
}

/**
 * Behind requireSignIn: moderator pages ('moderator': moderators and admins) and admin pages ('admin').
 * Anyone else gets 404, as for a petition that is not theirs: the pages do not admit they exist.
 */
export function requireRole(role: 'moderator' | 'admin'): MiddlewareHandler<AppEnv> {
  return async function roleOnly(c, next) {
    const allowed = role === 'admin' ? isAdmin(c.var.user) : canModerate(c.var.user);
    if (allowed) return next();
    return renderStatusPage(c, 404, 'page.notFound.title', 'page.notFound.body');
  };
}

/** The signed-in user (behind requireSignIn, so never null there). */
export function currentUser(c: Context<AppEnv>): User {
  const user = c.var.user;
  if (user === null) throw new Error('currentUser() used on a route without requireSignIn()');
  return user;
}

/** A petition as an organizer route sees it: with the reader's role on it. */
export type ManagedPetition = Petition & { role: PetitionRole };

/**
 * A member of the petition's team asked for a page their role does not include: the app answers 403 with a page
 * that says so (they know the petition exists; a stranger gets 404 instead).
 */
export class RoleForbiddenError extends Error {
  constructor(
    readonly petitionId: number,
    readonly role: PetitionRole,
  ) {
    super('the role on this petition does not include this page');
  }
}

/**
 * The petition with this id, read fresh (not from the public cache), when the signed-in user may use `power` on it
 * (src/teams/team-role.ts). Undefined for a missing id and for a petition the user has no role on alike: the route
 * answers 404 to both, so an organizer cannot even learn which ids exist. A team member whose role lacks the power
 * gets RoleForbiddenError (403) before the handler reads or writes anything.
 */
export async function managedPetition(
  c: Context<AppEnv>,
  deps: Pick<Deps, 'db'>,
  idParam: string,
  power: PetitionPower,
): Promise<ManagedPetition | undefined> {
  if (!/^\d{1,9}$/.test(idParam)) return undefined;
  const user = c.var.user;
  if (user === null) return undefined;
  const petition = await findPetitionById(deps.db, Number(idParam));
  if (petition === undefined) return undefined;
  // The petition's owner and staff are its organizers: the team table is read only for anyone else.
  const role = petitionRole(user, petition, undefined) ?? (await findMemberRole(deps.db, petition.id, user.id));
  if (role === undefined) return undefined;
  if (!roleMay(role, power)) throw new RoleForbiddenError(petition.id, role);
  return { ...petition, role };
}

export function notFound(c: Context<AppEnv>) {
  return renderStatusPage(c, 404, 'page.notFound.title', 'page.notFound.body');
}
