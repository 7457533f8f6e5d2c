// The rate-limit counters every process shares on PostgreSQL, and the used proof-of-work challenges.
import type { Db } from '../../db/connect.js';

export interface BucketHits {
  bucket: string;
  windowIndex: number;
  hits: number;
}

const CHUNK = 1000;

/**
 * Adds each bucket's hits to its window's row (one multi-row upsert per chunk) and returns the
 * totals now stored: what every process together has counted. Rows go in bucket order, so two
 * processes flushing at once take their row locks in the same order and never deadlock.
 */
export async function addHits(db: Db, rows: BucketHits[]): Promise<BucketHits[]> {
  const sorted = [...rows].sort((a, b) => (a.bucket < b.bucket ? -1 : a.bucket > b.bucket ? 1 : a.windowIndex - b.windowIndex));
  const totals: BucketHits[] = [];
  for (let i = 0; i < sorted.length; i += CHUNK) {
    const chunk = sorted.slice(i, i + CHUNK);
    const stored = await db
      .insertInto('rate_limit_hits')
      .values(chunk.map((r) => ({ bucket: r.bucket, window_index: r.windowIndex, hits: r.hits })))
      .onConflict((oc) => oc.columns(['bucket', 'window_index']).doUpdateSet((eb) => ({ hits: eb('rate_limit_hits.hits', '+', eb.ref('excluded.hits')) })))
      .returning(['bucket', 'window_index', 'hits'])
      .execute();
    for (const row of stored) totals.push({ bucket: row.bucket, windowIndex: row.window_index, hits: Number(row.hits) });
  }
  return totals;
}

/** The totals stored for these buckets in one window (buckets without a row are left out). */
export async function readHits(db: Db, buckets: string[], windowIndex: number): Promise<BucketHits[]> {
  const totals: BucketHits[] = [];
  for (let i = 0; i < buckets.length; i += CHUNK) {
    const rows = await db
      .selectFrom('rate_limit_hits')
      .select(['bucket', 'window_index', 'hits'])
      .where('bucket', 'in', buckets.slice(i, i + CHUNK))
      .where('window_index', '=', windowIndex)
      .execute();
    for (const row of rows) totals.push({ bucket: row.bucket, windowIndex: row.window_index, hits: Number(row.hits) });
  }
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
  const result = await db.deleteFrom('rate_limit_hits').where('bucket', 'like', `${prefix}%`).where('window_index', '<', windowIndex).executeTakeFirst();
  return Number(result.numDeletedRows);
}
