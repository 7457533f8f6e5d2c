// The rate-limit counters every process shares on PostgreSQL, and the used proof-of-work challenges.
import type { Db } from '../platform/db/connect.js';

export interface BucketHits {
  bucket: string;
  windowIndex: number;
  hits: number;
}

/**
 * Adds each bucket's `hits` to its row for the window only if the stored total stays within `limit`, all in
 * one statement (concurrent processes queue on each row's lock, and each sees the total the one before left).
 * Returns the new totals of the buckets whose hits fitted; a bucket missing from the answer did not fit. A new
 * row is written without the check, so callers never ask for more than `limit`; each bucket at most once per
 * call, and in bucket order, so two processes take their row locks in the same order and never deadlock.
 */
export async function reserveHits(db: Db, rows: readonly BucketHits[], limit: number): Promise<Map<string, number>> {
  const totals = new Map<string, number>();
  if (rows.length === 0) return totals;
  const sorted = [...rows].sort((a, b) =>
    a.bucket < b.bucket ? -1 : a.bucket > b.bucket ? 1 : a.windowIndex - b.windowIndex,
  );
  const stored = await db
    .insertInto('rate_limit_hits')
    .values(sorted.map((r) => ({ bucket: r.bucket, window_index: r.windowIndex, hits: r.hits })))
    .onConflict((oc) =>
      oc
        .columns(['bucket', 'window_index'])
        .doUpdateSet((eb) => ({ hits: eb('rate_limit_hits.hits', '+', eb.ref('excluded.hits')) }))
        .where((eb) => eb(eb('rate_limit_hits.hits', '+', eb.ref('excluded.hits')), '<=', limit)),
    )
    .returning(['bucket', 'hits'])
    .execute();
  for (const row of stored) totals.set(row.bucket, Number(row.hits));
  return totals;
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
  const result = await db
    .deleteFrom('rate_limit_hits')
    .where('bucket', 'like', `${prefix}%`)
    .where('window_index', '<', windowIndex)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
