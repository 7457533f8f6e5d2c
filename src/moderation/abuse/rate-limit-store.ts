// The rate-limit counters every process shares on PostgreSQL, and the used proof-of-work challenges.
import type { Db } from '../../db/connect.js';

export interface BucketHits {
  bucket: string;
  windowIndex: number;
  hits: number;
}

/**
 * Adds `hits` to a bucket's row for its window only if the stored total stays within `limit`, in one
 * statement (concurrent processes queue on the row's lock, and each sees the total the one before left);
 * the new total, or undefined when the hits did not fit. A new row is written without the check, so
 * callers never ask for more than `limit`.
 */
export async function reserveHits(
  db: Db,
  { bucket, windowIndex, hits }: BucketHits,
  limit: number,
): Promise<number | undefined> {
  const row = await db
    .insertInto('rate_limit_hits')
    .values({ bucket, window_index: windowIndex, hits })
    .onConflict((oc) =>
      oc
        .columns(['bucket', 'window_index'])
        .doUpdateSet((eb) => ({ hits: eb('rate_limit_hits.hits', '+', eb.ref('excluded.hits')) }))
        .where((eb) => eb(eb('rate_limit_hits.hits', '+', eb.ref('excluded.hits')), '<=', limit)),
    )
    .returning('hits')
    .executeTakeFirst();
  return row === undefined ? undefined : Number(row.hits);
}

/**
 * Records a one-time token (a proof-of-work solution) until `keepUntilIndex`; false when it was
 * already recorded — by this process or any other — so it is a replay.
 */
export async function claimOnce(db: Db, bucket: string, keepUntilIndex: number): Promise<boolean> {
  const inserted = await db
    .insertInto('rate_limit_hits')
    .values({ bucket, window_index: keepUntilIndex, hits: 1 })
    .onConflict((oc) => oc.columns(['bucket', 'window_index']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Deletes the rows of windows before `windowIndex` for buckets starting with `prefix`. */
export async function purgeHitsBefore(db: Db, prefix: string, windowIndex: number): Promise<number> {
  const result = await db.deleteFrom('rate_limit_hits').where('bucket', 'like', `${prefix}%`).where('window_index', '<', windowIndex).executeTakeFirst();
  return Number(result.numDeletedRows);
}
