// An admin turns proof of work on or off for one petition: the switch and its audit row in one
// transaction, then this process forgets the petition's cached state.
import type { User } from '../accounts/user.js';
import { recordAudit } from '../platform/audit/audit-store.js';
import type { Db } from '../platform/db/connect.js';
import type { AbuseDefences } from './abuse-defences.js';
import { setPowMode, type PowMode } from './pow-store.js';

export async function switchProofOfWork(
  deps: { db: Db; now: () => Date; abuse: Pick<AbuseDefences, 'forgetPowState'> },
  admin: User,
  petitionId: number,
  mode: PowMode,
): Promise<void> {
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    await setPowMode(trx, petitionId, mode);
    await recordAudit(trx, { actorId: admin.id, action: 'petition.pow', petitionId, details: { mode }, now });
  });
  deps.abuse.forgetPowState(petitionId);
}
