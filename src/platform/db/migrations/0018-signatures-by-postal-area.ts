// The home page's "near you": confirmed signatures counted by postal area (the first digits of the ZIP code) read
// this index instead of every signature.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('signatures_by_postal_code')
    .on('signatures')
    .columns(['postal_code', 'status', 'petition_id'])
    .execute();
}
