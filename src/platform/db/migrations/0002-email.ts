// Confirmed signatures, signer links, the transactional outbox and milestone records.
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../connect.js';
import { idColumn } from './columns.js';

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  // SQLite takes one ADD COLUMN per ALTER TABLE.
  const petitionColumns: [string, 'integer' | 'text', string | undefined][] = [
    ['requires_verification', 'integer', '1'],
    ['milestone_emails_to_signers', 'integer', '0'],
    ['last_milestone_notified', 'integer', '0'],
    ['organizer_name', 'text', undefined],
    ['organizer_email', 'text', undefined],
  ];
  for (const [name, type, fallback] of petitionColumns) {
    await db.schema
      .alterTable('petitions')
      .addColumn(name, type, (c) => (fallback === undefined ? c : c.notNull().defaultTo(sql.raw(fallback))))
      .execute();
  }
  const signatureColumns: [string, 'integer' | 'text', string | undefined][] = [
    ['token_salt', 'text', undefined],
    ['token_hash', 'text', undefined],
    ['confirmed_at', 'text', undefined],
    // When the latest confirmation email was queued: its link is good for CONFIRMATION_EXPIRY_DAYS from then.
    ['confirmation_sent_at', 'text', undefined],
    ['confirmation_emails_sent', 'integer', '0'],
    ['unsubscribed_at', 'text', undefined],
  ];
  for (const [name, type, fallback] of signatureColumns) {
    await db.schema
      .alterTable('signatures')
      .addColumn(name, type, (c) => (fallback === undefined ? c : c.notNull().defaultTo(sql.raw(fallback))))
      .execute();
  }
  await db.schema.createIndex('signatures_by_token').unique().on('signatures').column('token_hash').execute();
  await db.schema
    .createIndex('signatures_by_status')
    .on('signatures')
    .columns(['status', 'confirmation_sent_at'])
    .execute();
  await db.schema
    .createIndex('signatures_by_petition_status')
    .on('signatures')
    .columns(['petition_id', 'status'])
    .execute();

  await idColumn(db.schema.createTable('mail_outbox'), engine)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('petition_id', 'integer')
    .addColumn('signature_id', 'integer')
    .addColumn('recipient', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('locked_by', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema
    .createIndex('mail_outbox_ready')
    .on('mail_outbox')
    .columns(['status', 'next_attempt_at', 'id'])
    .execute();

  await db.schema
    .createTable('petition_milestones')
    .addColumn('petition_id', 'integer', (c) => c.notNull().references('petitions.id').onDelete('cascade'))
    .addColumn('milestone', 'integer', (c) => c.notNull())
    .addColumn('reached_at', 'text', (c) => c.notNull())
    // Null until its emails are queued: a worker that dies in between leaves it for the next round.
    .addColumn('announced_at', 'text')
    .addPrimaryKeyConstraint('petition_milestones_pk', ['petition_id', 'milestone'])
    .execute();
}
