// A team per petition: the people its organizer invited (co-organizers, data entry, viewers) and the invitations
// still open. An invitation keeps only a hash of its link's token; the link itself is made again when mailed.
import type { Kysely } from 'kysely';
import type { Engine } from '../connect.js';
import { idColumn } from './columns.js';

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('petition_members')
    .addColumn('petition_id', 'integer', (c) => c.notNull().references('petitions.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // 'co_organizer', 'data_entry' or 'viewer' (src/teams/team-role.ts).
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('added_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addPrimaryKeyConstraint('petition_members_pk', ['petition_id', 'user_id'])
    .execute();
  await db.schema.createIndex('petition_members_by_user').on('petition_members').columns(['user_id']).execute();

  await idColumn(db.schema.createTable('petition_invitations'), engine)
    .addColumn('petition_id', 'integer', (c) => c.notNull().references('petitions.id').onDelete('cascade'))
    // Normalised as accounts are: only the account with this address may accept.
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('invited_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    // Set once: an accepted or cancelled invitation's link does nothing more.
    .addColumn('accepted_at', 'text')
    .addColumn('accepted_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('cancelled_at', 'text')
    .execute();
  await db.schema
    .createIndex('petition_invitations_by_petition')
    .on('petition_invitations')
    .columns(['petition_id'])
    .execute();
}
