// Privacy: when a petition was closed, so retention counts its days from the closing and not from the
// last edit (updated_at also moves with edits, victory and moderation); and the index the per-address
// limit on reports counts with.
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../connect.js';

export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema.alterTable('petitions').addColumn('closed_at', 'text').execute();
  // Petitions closed before this migration: their last change is the best record of the closing there is.
  await sql`UPDATE petitions SET closed_at = updated_at WHERE status = 'closed'`.execute(db);
  await db.schema
    .createIndex('petitions_by_closing')
    .on('petitions')
    .columns(['personal_data_erased_at', 'closed_at'])
    .execute();
  await db.schema.createIndex('reports_by_reporter').on('reports').columns(['reporter_hash', 'created_at']).execute();
}
