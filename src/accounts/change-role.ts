// An admin changes someone's role: the change and its audit row in one transaction.
import { recordAudit } from '../platform/audit/audit-store.js';
import type { Db } from '../platform/db/connect.js';
import type { Role, User } from './user.js';
import { setUserRole } from './user-store.js';

export type RoleChange = 'changed' | 'unchanged' | 'not_yourself';

/** An admin may not change their own role (the last admin would lock everyone out). */
export async function changeUserRole(
  deps: { db: Db; now: () => Date },
  admin: User,
  target: User,
  role: Role,
): Promise<RoleChange> {
  if (target.id === admin.id) return 'not_yourself';
  if (role === target.role) return 'unchanged';
  await deps.db.transaction().execute(async (trx) => {
    await setUserRole(trx, target.id, role);
    await recordAudit(trx, {
      actorId: admin.id,
      action: 'user.role',
      petitionId: null,
      details: { userId: target.id, email: target.email, from: target.role, to: role },
      now: deps.now(),
    });
  });
  return 'changed';
}
