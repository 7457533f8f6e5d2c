// Admin-entered blocks: email domains, normalized addresses and client networks (CIDR).
import type { Db } from '../platform/db/connect.js';

export const BLOCK_KINDS = ['domain', 'email', 'cidr'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

export interface BlockEntry {
  id: number;
  kind: BlockKind;
  value: string;
  note: string;
  createdAt: string;
}

const isKind = (kind: string): kind is BlockKind => (BLOCK_KINDS as readonly string[]).includes(kind);

export async function listBlocks(db: Db): Promise<BlockEntry[]> {
  const rows = await db
    .selectFrom('blocked_entries')
    .select(['id', 'kind', 'value', 'note', 'created_at'])
    .orderBy('kind')
    .orderBy('value')
    .execute();
  return rows.flatMap((r) =>
    isKind(r.kind) ? [{ id: r.id, kind: r.kind, value: r.value, note: r.note, createdAt: r.created_at }] : [],
  );
}

/** False when the same kind and value is already blocked. */
export async function insertBlock(
  db: Db,
  entry: { kind: BlockKind; value: string; note: string; createdBy: number; now: Date },
): Promise<number | undefined> {
  const row = await db
    .insertInto('blocked_entries')
    .values({
      kind: entry.kind,
      value: entry.value,
      note: entry.note,
      created_by: entry.createdBy,
      created_at: entry.now.toISOString(),
    })
    .onConflict((oc) => oc.columns(['kind', 'value']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function findBlock(db: Db, id: number): Promise<BlockEntry | undefined> {
  const r = await db
    .selectFrom('blocked_entries')
    .select(['id', 'kind', 'value', 'note', 'created_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return r === undefined || !isKind(r.kind)
    ? undefined
    : { id: r.id, kind: r.kind, value: r.value, note: r.note, createdAt: r.created_at };
}

export async function deleteBlock(db: Db, id: number): Promise<boolean> {
  const result = await db.deleteFrom('blocked_entries').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
