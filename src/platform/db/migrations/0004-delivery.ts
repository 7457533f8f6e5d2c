// Delivery records: when, to whom and where the petition was handed over, with an optional photo.
import type { Kysely } from 'kysely';
import type { Engine } from '../connect.js';
import { idColumn } from './columns.js';

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await idColumn(db.schema.createTable('deliveries'), engine)
    .addColumn('petition_id', 'integer', (c) => c.notNull().references('petitions.id').onDelete('cascade'))
    // The calendar day of the delivery, YYYY-MM-DD.
    .addColumn('delivered_on', 'text', (c) => c.notNull())
    // The targets it went to, as their names in each language at the time (JSON): a later edit of the
    // petition's targets does not rewrite history.
    .addColumn('recipients', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'integer')
    .addColumn('update_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deliveries_by_petition').on('deliveries').columns(['petition_id', 'id']).execute();

  // Photos live in the database so every process (several on PostgreSQL) can serve them.
  await db.schema
    .createTable('delivery_photos')
    .addColumn('delivery_id', 'integer', (c) => c.primaryKey().references('deliveries.id').onDelete('cascade'))
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('bytes', engine === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .execute();
}
