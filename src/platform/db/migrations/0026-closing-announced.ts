// A petition's closing is announced once (`petition.closed`, to its webhooks): when its organizer closes it, or,
// by a job, when its closing date passes. `closing_announced_at` says it was; a petition opened again (reopened, or
// its date moved into the future) has it cleared, so that its next closing is announced too.
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../connect.js';

export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema.alterTable('petitions').addColumn('closing_announced_at', 'text').execute();
  // What closed before this version is not announced now, long after it happened.
  const now = new Date().toISOString();
  await sql`update petitions set closing_announced_at = ${now}
    where status = 'closed' or (closes_at is not null and closes_at <= ${now})`.execute(db);
}
