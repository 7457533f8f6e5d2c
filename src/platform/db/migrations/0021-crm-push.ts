// Pushing confirmed signatures to an organizer's CRM: a webhook endpoint of another kind, 'osdi', posts each to the
// CRM's OSDI record signature helper with the CRM's API token, instead of a signed Standard Webhooks message.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('webhook_endpoints')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('standard'))
    .execute();
  // The CRM's API token (sent as OSDI-API-Token), and the tags each person is given there, comma-separated.
  await db.schema.alterTable('webhook_endpoints').addColumn('token', 'text').execute();
  await db.schema.alterTable('webhook_endpoints').addColumn('tags', 'text').execute();
}
