// Signatures gathered on paper: how each signature was gathered ('online', or 'paper' from a numbered sheet and its
// line), so paper ones are counted with the rest and shown apart on the dashboard, in the public JSON and the packet.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('signatures')
    .addColumn('method', 'text', (c) => c.notNull().defaultTo('online'))
    .execute();
  await db.schema.alterTable('signatures').addColumn('sheet', 'integer').execute();
  await db.schema.alterTable('signatures').addColumn('sheet_line', 'integer').execute();
}
