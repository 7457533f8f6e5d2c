// Share messages: the organizer's texts for signers to send with the link (two or three per language), each
// counted: how many times it was shared from each network's button. The signatures that came through it are the
// ones whose source code is the message's (`m<id>-<network>`), counted from the signatures as every source is.
import type { Kysely } from 'kysely';
import type { Engine } from '../connect.js';
import { idColumn } from './columns.js';

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await idColumn(db.schema.createTable('share_messages'), engine)
    .addColumn('petition_id', 'integer', (c) => c.notNull().references('petitions.id').onDelete('cascade'))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    // Removed messages are offered no more, and keep their figures on the dashboard.
    .addColumn('removed_at', 'text')
    .execute();
  await db.schema
    .createIndex('share_messages_by_petition')
    .on('share_messages')
    .columns(['petition_id', 'locale'])
    .execute();
  await db.schema
    .createTable('share_message_shares')
    .addColumn('message_id', 'integer', (c) => c.notNull().references('share_messages.id').onDelete('cascade'))
    .addColumn('network', 'text', (c) => c.notNull())
    .addColumn('shares', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('share_message_shares_pk', ['message_id', 'network'])
    .execute();
}
