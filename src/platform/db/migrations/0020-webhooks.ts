// Signed webhooks: an organizer's endpoints for a petition, and the deliveries to them, queued in the transaction
// of the event (the outbox) and sent by a worker with retries. A delivery names what it is about (a signature, an
// update) and is written out when it is sent, so no signer's details wait in this table.
import type { Kysely } from 'kysely';
import type { Engine } from '../connect.js';
import { idColumn } from './columns.js';

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await idColumn(db.schema.createTable('webhook_endpoints'), engine)
    .addColumn('petition_id', 'integer', (c) => c.notNull().references('petitions.id').onDelete('cascade'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    // The event types it receives, comma-separated.
    .addColumn('events', 'text', (c) => c.notNull())
    // The Standard Webhooks signing secret (whsec_…): the receiver needs it to check signatures, so it is kept.
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    // The first failure since the last success: three days of it disable the endpoint.
    .addColumn('failing_since', 'text')
    .addColumn('last_success_at', 'text')
    .addColumn('disabled_at', 'text')
    // 'failing' (disabled by Firma) or 'organizer'.
    .addColumn('disabled_reason', 'text')
    .execute();
  await db.schema
    .createIndex('webhook_endpoints_by_petition')
    .on('webhook_endpoints')
    .columns(['petition_id'])
    .execute();

  await idColumn(db.schema.createTable('webhook_deliveries'), engine)
    .addColumn('endpoint_id', 'integer', (c) => c.notNull().references('webhook_endpoints.id').onDelete('cascade'))
    .addColumn('petition_id', 'integer', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    // The signature or update the event is about, read when the delivery is written out.
    .addColumn('subject_id', 'integer')
    // What else the event says (a milestone, a status): never personal data.
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    // queued, sending, delivered, failed (retries spent), cancelled (its subject is gone).
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('response_status', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('delivered_at', 'text')
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_due')
    .on('webhook_deliveries')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_by_endpoint')
    .on('webhook_deliveries')
    .columns(['endpoint_id', 'id'])
    .execute();
}
