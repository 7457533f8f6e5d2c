// `firma admin create <email>` and `firma admin role <email> <role>`: the first admin, and roles after that.
import type { Db } from '../platform/db/connect.js';
import { recordAudit } from '../platform/audit/audit-store.js';
import { parseSignInForm } from './account-forms.js';
import { isRole, normalizeAccountEmail, ROLES, type Role } from './user.js';
import { findOrCreateUser, findUserByEmail, setUserRole } from './user-store.js';

export interface CommandOutput {
  out(line: string): void;
  err(line: string): void;
}

export const ADMIN_USAGE = `  admin create <email>         make an admin account (or promote an existing one)
  admin role <email> <role>    set an account's role: ${ROLES.join(', ')} (makes the account if there is none)`;

/** Gives the account for `email` the role `role`, making it if needed; says what it did. */
async function grantRole(db: Db, email: string, role: Role, now: Date, io: CommandOutput): Promise<number> {
  const existing = await findUserByEmail(db, email);
  if (existing === undefined) {
    const { user } = await findOrCreateUser(db, { email, role, locale: 'en', now });
    // Made by someone else at this very moment: give it the role all the same.
    if (user.role !== role) await setUserRole(db, user.id, role);
    await recordAudit(db, {
      actorId: null,
      action: 'user.role',
      petitionId: null,
      details: { userId: user.id, email, from: null, to: role, via: 'command line' },
      now,
    });
    io.out(`Created the account ${email} with the role ${role}. It signs in with a link sent to that address.`);
    return 0;
  }
  if (existing.role === role) {
    io.out(`${email} already has the role ${role}; nothing changed.`);
    return 0;
  }
  await setUserRole(db, existing.id, role);
  await recordAudit(db, {
    actorId: null,
    action: 'user.role',
    petitionId: null,
    details: { userId: existing.id, email, from: existing.role, to: role, via: 'command line' },
    now,
  });
  io.out(`${email}: role changed from ${existing.role} to ${role}.`);
  return 0;
}

/** Runs `firma admin <args>`; returns the exit code (2 for a usage mistake, like the other commands). */
export async function runAdminCommand(db: Db, args: readonly string[], now: Date, io: CommandOutput): Promise<number> {
  const [action, rawEmail, rawRole] = args;
  const usage = () => {
    io.err(`Usage:\n${ADMIN_USAGE}`);
    return 2;
  };
  if ((action !== 'create' && action !== 'role') || rawEmail === undefined) return usage();
  if (!parseSignInForm({ email: rawEmail }).ok) {
    io.err(`Not a valid email address: ${JSON.stringify(rawEmail)}`);
    return 2;
  }
  const email = normalizeAccountEmail(rawEmail);
  if (action === 'create') {
    if (rawRole !== undefined) return usage();
    return grantRole(db, email, 'admin', now, io);
  }
  if (rawRole === undefined || !isRole(rawRole) || args.length > 3) {
    io.err(`The role must be one of: ${ROLES.join(', ')}`);
    return 2;
  }
  return grantRole(db, email, rawRole, now, io);
}
