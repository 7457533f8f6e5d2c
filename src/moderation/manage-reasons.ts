// Admins add and edit the reasons moderators choose from: each change with its audit row, in one transaction.
import type { User } from '../accounts/user.js';
import { recordAudit } from '../platform/audit/audit-store.js';
import { isUniqueViolation, type Db } from '../platform/db/connect.js';
import { addReason, updateReason, type ModerationReason, type ReasonValues } from './reasons-store.js';

export interface ReasonDeps {
  db: Db;
  now: () => Date;
}

/** A new reason; 'code_taken' when another reason has its code. */
export async function addModerationReason(
  deps: ReasonDeps,
  admin: User,
  code: string,
  values: ReasonValues & { needsText: boolean },
): Promise<'added' | 'code_taken'> {
  try {
    await deps.db.transaction().execute(async (trx) => {
      const id = await addReason(trx, code, values);
      await recordAudit(trx, {
        actorId: admin.id,
        action: 'reason.add',
        petitionId: null,
        details: {
          id,
          code,
          labels: values.labels,
          position: values.position,
          needsText: values.needsText,
        },
        now: deps.now(),
      });
    });
    return 'added';
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return 'code_taken';
  }
}

/** Changes a reason's labels, place and whether it is offered; the audit row keeps what it was. */
export async function updateModerationReason(
  deps: ReasonDeps,
  admin: User,
  before: ModerationReason,
  after: ReasonValues,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await updateReason(trx, before.id, after);
    await recordAudit(trx, {
      actorId: admin.id,
      action: 'reason.update',
      petitionId: null,
      details: {
        code: before.code,
        from: { labels: before.labels, position: before.position, active: before.active },
        to: { labels: { ...before.labels, ...after.labels }, position: after.position, active: after.active },
      },
      now: deps.now(),
    });
  });
}
