// Admins add and remove block-list entries: each change with its audit row in one transaction, then this
// process's cached copy of the list is dropped (other processes see it within the list's cache time).
import type { User } from '../accounts/user.js';
import { recordAudit } from '../platform/audit/audit-store.js';
import type { Db } from '../platform/db/connect.js';
import { auditValue } from './block-form.js';
import type { BlockList } from './block-list.js';
import { deleteBlock, insertBlock, type BlockEntry, type BlockKind } from './block-store.js';

export interface BlockDeps {
  db: Db;
  now: () => Date;
  abuse: { blocks: BlockList };
}

/** 'duplicate' when the same kind and value is already blocked. */
export async function addBlock(
  deps: BlockDeps,
  admin: User,
  entry: { kind: BlockKind; value: string; note: string },
): Promise<'added' | 'duplicate'> {
  const now = deps.now();
  const added = await deps.db.transaction().execute(async (trx) => {
    const id = await insertBlock(trx, { ...entry, createdBy: admin.id, now });
    if (id === undefined) return false;
    await recordAudit(trx, {
      actorId: admin.id,
      action: 'block.add',
      petitionId: null,
      details: { id, kind: entry.kind, value: auditValue(entry.kind, entry.value), note: entry.note },
      now,
    });
    return true;
  });
  deps.abuse.blocks.invalidate();
  return added ? 'added' : 'duplicate';
}

export async function removeBlock(deps: BlockDeps, admin: User, entry: BlockEntry): Promise<void> {
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await deleteBlock(trx, entry.id))) return;
    await recordAudit(trx, {
      actorId: admin.id,
      action: 'block.remove',
      petitionId: null,
      details: { id: entry.id, kind: entry.kind, value: auditValue(entry.kind, entry.value) },
      now,
    });
  });
  deps.abuse.blocks.invalidate();
}
