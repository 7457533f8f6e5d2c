// How many signers each update was emailed to, kept on the update itself: the outbox rows it was
// counted from before are deleted a month after sending, when a signer withdraws, and by retention,
// so "Emailed to N signers" shrank over time. Updates already sent keep what the outbox still holds.
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../connect.js';

export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema
    .alterTable('petition_updates')
    .addColumn('emailed_count', 'integer', (c) => c.notNull().defaultTo(sql.raw('0')))
    .execute();
  // The fan-out writes each message's payload as {"update":<id>}.
  await sql`UPDATE petition_updates SET emailed_count = (
      SELECT COUNT(*) FROM mail_outbox
      WHERE mail_outbox.kind = 'petition_update'
        AND mail_outbox.petition_id = petition_updates.petition_id
        AND mail_outbox.payload = '{"update":' || CAST(petition_updates.id AS TEXT) || '}')
    WHERE email_signers = 1`.execute(db);
}
