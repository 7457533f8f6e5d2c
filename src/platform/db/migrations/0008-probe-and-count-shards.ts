// Two repairs for running unattended. The readiness probe gets a one-row table to write to: after a full disk
// or a read-only data directory, only a write shows the database takes writes again. And the count shards are
// folded back into the fixed set: confirming and withdrawing used to pick a shard out of a million, so the table
// and every count query grew by a row per confirmation (counts stayed exact; only the rows multiply).
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../connect.js';

/** COUNT_SHARDS in signing/signature-counts.ts (then count-store.ts) when this migration was written; a migration never follows later changes. */
const SHARDS = 32;

export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema
    .createTable('database_probe')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .execute();

  const strays = await sql<{ petition_id: number; shard: number; total: number | string }>`
    SELECT petition_id, shard % ${sql.lit(SHARDS)} AS shard, SUM(signature_count) AS total
    FROM petition_count_shards WHERE shard >= ${sql.lit(SHARDS)}
    GROUP BY petition_id, shard % ${sql.lit(SHARDS)}`.execute(db);
  for (const row of strays.rows) {
    await sql`INSERT INTO petition_count_shards (petition_id, shard, signature_count)
      VALUES (${row.petition_id}, ${row.shard}, ${Number(row.total)})
      ON CONFLICT (petition_id, shard) DO UPDATE
      SET signature_count = petition_count_shards.signature_count + excluded.signature_count`.execute(db);
  }
  await sql`DELETE FROM petition_count_shards WHERE shard >= ${sql.lit(SHARDS)}`.execute(db);
}
