// Kiosk links: a tablet at an event takes signatures for one petition through a signed link that expires. The
// database keeps the salt the link's token is made from (with the server's secret) and the token's hash, so the
// organizer's page can show the link again, and a copy of the database alone opens no kiosk.
import type { Kysely } from 'kysely';
import type { Engine } from '../connect.js';
import { idColumn } from './columns.js';

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await idColumn(db.schema.createTable('kiosk_links'), engine)
    .addColumn('petition_id', 'integer', (c) => c.notNull().references('petitions.id').onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('token_salt', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('last_used_at', 'text')
    .execute();
  await db.schema.createIndex('kiosk_links_by_petition').on('kiosk_links').columns(['petition_id']).execute();
}
