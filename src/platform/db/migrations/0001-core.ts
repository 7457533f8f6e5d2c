// Petitions, their translations and targets, signatures, and the sharded signature counters.
import type { Kysely } from 'kysely';
import type { Engine } from '../connect.js';
import { idColumn } from './columns.js';

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await idColumn(db.schema.createTable('petitions'), engine)
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('default_locale', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('delivery_method', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('closes_at', 'text')
    .execute();

  await db.schema
    .createTable('petition_translations')
    .addColumn('petition_id', 'integer', (c) => c.notNull().references('petitions.id').onDelete('cascade'))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('why', 'text', (c) => c.notNull())
    .addColumn('delivery_details', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('petition_translations_pk', ['petition_id', 'locale'])
    .execute();

  await idColumn(db.schema.createTable('petition_targets'), engine)
    .addColumn('petition_id', 'integer', (c) => c.notNull().references('petitions.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('petition_target_names')
    .addColumn('target_id', 'integer', (c) => c.notNull().references('petition_targets.id').onDelete('cascade'))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('petition_target_names_pk', ['target_id', 'locale'])
    .execute();

  await idColumn(db.schema.createTable('signatures'), engine)
    .addColumn('petition_id', 'integer', (c) => c.notNull().references('petitions.id').onDelete('cascade'))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('email_normalized', 'text', (c) => c.notNull())
    .addColumn('postal_code', 'text', (c) => c.notNull())
    .addColumn('town', 'text')
    .addColumn('comment', 'text')
    .addColumn('name_display', 'text', (c) => c.notNull())
    .addColumn('opt_in', 'integer', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('ip_hash', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('signatures_one_per_person', ['petition_id', 'email_normalized'])
    .execute();
  await db.schema.createIndex('signatures_by_petition').on('signatures').columns(['petition_id', 'id']).execute();

  // One row per (petition, shard): each signing adds 1 to a random shard, so concurrent
  // signers rarely wait on the same row, and the count is the sum, exact after any restart.
  await db.schema
    .createTable('petition_count_shards')
    .addColumn('petition_id', 'integer', (c) => c.notNull().references('petitions.id').onDelete('cascade'))
    .addColumn('shard', 'integer', (c) => c.notNull())
    .addColumn('signature_count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('petition_count_shards_pk', ['petition_id', 'shard'])
    .execute();
}
