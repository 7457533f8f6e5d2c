// The SQL of share messages and their share counts.
import { sql } from 'kysely';
import type { Db } from '../platform/db/connect.js';

export interface StoredShareMessage {
  id: number;
  locale: string;
  body: string;
  createdAt: string;
  removedAt: string | null;
  /** Times shared, by network. */
  shares: Record<string, number>;
}

export async function listShareMessages(db: Db, petitionId: number): Promise<StoredShareMessage[]> {
  const [rows, counts] = await Promise.all([
    db
      .selectFrom('share_messages')
      .select(['id', 'locale', 'body', 'created_at', 'removed_at'])
      .where('petition_id', '=', petitionId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('share_message_shares as s')
      .innerJoin('share_messages as m', 'm.id', 's.message_id')
      .select(['s.message_id', 's.network', 's.shares'])
      .where('m.petition_id', '=', petitionId)
      .execute(),
  ]);
  return rows.map((row) => ({
    id: row.id,
    locale: row.locale,
    body: row.body,
    createdAt: row.created_at,
    removedAt: row.removed_at,
    shares: Object.fromEntries(counts.filter((c) => c.message_id === row.id).map((c) => [c.network, Number(c.shares)])),
  }));
}

export async function insertShareMessage(
  db: Db,
  message: { petitionId: number; locale: string; body: string; createdAt: string; createdBy: number | null },
): Promise<number> {
  const { id } = await db
    .insertInto('share_messages')
    .values({
      petition_id: message.petitionId,
      locale: message.locale,
      body: message.body,
      created_at: message.createdAt,
      created_by: message.createdBy,
      removed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Offered no more (its figures stay); false when it was not the petition's, or already removed. */
export async function markShareMessageRemoved(db: Db, petitionId: number, id: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable('share_messages')
    .set({ removed_at: at })
    .where('id', '=', id)
    .where('petition_id', '=', petitionId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The message, if it is the petition's, in that language, and not removed. */
export async function findOfferedMessage(
  db: Db,
  petitionId: number,
  id: number,
): Promise<{ id: number; locale: string; body: string } | undefined> {
  return db
    .selectFrom('share_messages')
    .select(['id', 'locale', 'body'])
    .where('id', '=', id)
    .where('petition_id', '=', petitionId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
}

/** One more share of the message on `network`: one statement, safe when many readers share at once. */
export async function countShare(db: Db, messageId: number, network: string): Promise<void> {
  await db
    .insertInto('share_message_shares')
    .values({ message_id: messageId, network, shares: 1 })
    .onConflict((oc) =>
      oc.columns(['message_id', 'network']).doUpdateSet({ shares: sql<number>`share_message_shares.shares + 1` }),
    )
    .execute();
}
