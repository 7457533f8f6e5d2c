// A signature's districts travel with the signature (a `districts` column holding what the signer was matched to),
// and on SQLite the rows of `signature_districts`, kept in district order for counts and packets, are written a
// few thousand at a time after the signatures instead of inside each signing transaction (signature-districts.ts).
// `signature_district_flush` holds how far that has gone: every signature up to its id has its rows.
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../connect.js';

export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema.alterTable('signatures').addColumn('districts', 'text').execute();
  await db.schema
    .createTable('signature_district_flush')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('last_signature_id', 'integer', (c) => c.notNull())
    .execute();
  // Every signature stored so far has its rows already.
  await sql`insert into signature_district_flush (id, last_signature_id)
    select 1, coalesce(max(id), 0) from signatures`.execute(db);
}
