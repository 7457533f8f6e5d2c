// Signature counts kept in sharded counters: signers add to a random shard, readers sum the shards.
// Signing's public counter, not a private store: every feature that takes confirmed signatures out or puts
// them back (withdrawal, deletion requests, bulk invalidation, the demo) adjusts it here, in its own
// transaction, and every page reads it here.
import { sql } from 'kysely';
import type { Db } from '../platform/db/connect.js';

/** Enough shards that 64 concurrent signers of one petition rarely wait on the same row. */
export const COUNT_SHARDS = 32;

/** A shard to add to, drawn from the small fixed set every writer shares. */
export function pickCountShard(random: () => number): number {
  return Math.floor(random() * COUNT_SHARDS) % COUNT_SHARDS;
}

/**
 * Adds `delta` to one petition's count, inside the caller's transaction. A shard outside the set is
 * folded into it, so the table keeps at most COUNT_SHARDS rows per petition whatever a caller passes.
 */
export async function addToCount(trx: Db, petitionId: number, delta: number, shard: number): Promise<void> {
  await trx
    .insertInto('petition_count_shards')
    .values({ petition_id: petitionId, shard: Math.abs(Math.trunc(shard)) % COUNT_SHARDS, signature_count: delta })
    .onConflict((oc) =>
      oc.columns(['petition_id', 'shard']).doUpdateSet({
        signature_count: sql<number>`petition_count_shards.signature_count + ${delta}`,
      }),
    )
    .execute();
}

/** Current counts for several petitions; a petition without signatures counts 0. */
/** Ids per query: SQLite takes at most 32,766 bound values, PostgreSQL 65,535. */
const IDS_PER_QUERY = 1000;

export async function countSignatures(db: Db, petitionIds: number[]): Promise<Map<number, number>> {
  const counts = new Map<number, number>(petitionIds.map((id) => [id, 0]));
  // In slices: the milestones job asks for every open petition (a site with 100,000 of them once failed it with
  // "too many SQL variables" every two seconds).
  for (let from = 0; from < petitionIds.length; from += IDS_PER_QUERY) {
    const rows = await db
      .selectFrom('petition_count_shards')
      .select(['petition_id', (eb) => eb.fn.sum<number | string>('signature_count').as('total')])
      .where('petition_id', 'in', petitionIds.slice(from, from + IDS_PER_QUERY))
      .groupBy('petition_id')
      .execute();
    // PostgreSQL returns SUM over integers as a bigint string; SQLite as a number.
    for (const row of rows) counts.set(row.petition_id, Number(row.total));
  }
  return counts;
}

/** Recomputes every shard of a petition from its signatures: the repair for a count that drifted. */
export async function recountSignatures(db: Db, petitionId: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('signatures')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('petition_id', '=', petitionId)
      .where('status', '=', 'confirmed')
      .executeTakeFirstOrThrow();
    const total = Number(row.n);
    await trx.deleteFrom('petition_count_shards').where('petition_id', '=', petitionId).execute();
    await trx
      .insertInto('petition_count_shards')
      .values({ petition_id: petitionId, shard: 0, signature_count: total })
      .execute();
    return total;
  });
}
