// Organizer accounts (sign-in links, sessions, roles), petition ownership, revisions, updates and the audit log.
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../connect.js';
import { idColumn } from './columns.js';

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await idColumn(db.schema.createTable('users'), engine)
    // Lower-cased and trimmed; one account per address.
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_sign_in_at', 'text')
    .execute();

  // A sign-in link may be for an address with no account yet: the account is made when the link is used.
  await idColumn(db.schema.createTable('sign_in_tokens'), engine)
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('next_path', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema
    .createIndex('sign_in_tokens_by_email')
    .on('sign_in_tokens')
    .columns(['email', 'created_at'])
    .execute();

  await db.schema
    .createTable('sessions')
    // sha256 of the cookie's value: a copy of the table does not sign anyone in.
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_by_user').on('sessions').column('user_id').execute();

  const petitionColumns: [string, 'integer' | 'text'][] = [
    ['owner_id', 'integer'],
    // Set when an organizer declares victory: a banner on the page and an email to opted-in signers.
    ['victory_at', 'text'],
    // The last change to a published petition that already had signatures: the page says it was edited.
    ['edited_at', 'text'],
  ];
  for (const [name, type] of petitionColumns) {
    await db.schema.alterTable('petitions').addColumn(name, type).execute();
  }
  await db.schema.createIndex('petitions_by_owner').on('petitions').column('owner_id').execute();

  await idColumn(db.schema.createTable('petition_revisions'), engine)
    .addColumn('petition_id', 'integer', (c) => c.notNull().references('petitions.id').onDelete('cascade'))
    .addColumn('user_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    // The petition's texts, targets and settings after the change, as JSON.
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('petition_revisions_by_petition')
    .on('petition_revisions')
    .columns(['petition_id', 'id'])
    .execute();

  await idColumn(db.schema.createTable('petition_updates'), engine)
    .addColumn('petition_id', 'integer', (c) => c.notNull().references('petitions.id').onDelete('cascade'))
    .addColumn('author_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('email_signers', 'integer', (c) => c.notNull().defaultTo(sql.raw('0')))
    // Emails are queued in batches by a background job: the id of the last signature queued, and when it finished.
    .addColumn('fanout_after_id', 'integer', (c) => c.notNull().defaultTo(sql.raw('0')))
    .addColumn('fanout_done_at', 'text')
    .execute();
  await db.schema
    .createIndex('petition_updates_by_petition')
    .on('petition_updates')
    .columns(['petition_id', 'id'])
    .execute();

  await db.schema
    .createTable('petition_update_texts')
    .addColumn('update_id', 'integer', (c) => c.notNull().references('petition_updates.id').onDelete('cascade'))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('petition_update_texts_pk', ['update_id', 'locale'])
    .execute();

  // Every moderator/admin action and every export: who, what, when, why.
  await idColumn(db.schema.createTable('audit_log'), engine)
    .addColumn('actor_id', 'integer')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('petition_id', 'integer')
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_by_time').on('audit_log').columns(['created_at', 'id']).execute();

  // The dashboard and the exports read a petition's signatures by time.
  await db.schema
    .createIndex('signatures_by_petition_created')
    .on('signatures')
    .columns(['petition_id', 'created_at'])
    .execute();
}
