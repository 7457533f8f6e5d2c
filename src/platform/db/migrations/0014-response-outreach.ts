// What follows a legislator's response and what asks for one: a response is emailed to the opted-in signers of that
// legislator's district (a fan-out marker, as for updates); the public can report a response to moderators; per
// petition, an organizer can have the response link sent by itself once a district reaches a quorum of signers
// (once per legislator), and can email each legislator a digest of their constituents' new signatures at milestones,
// which the legislator can stop.
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../connect.js';

export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema
    .alterTable('target_responses')
    .addColumn('fanout_after_id', 'integer', (c) => c.notNull().defaultTo(sql.raw('0')))
    .execute();
  await db.schema.alterTable('target_responses').addColumn('fanout_done_at', 'text').execute();
  // Responses given before this version are not emailed now, weeks later.
  await sql`UPDATE target_responses SET fanout_done_at = created_at`.execute(db);
  await db.schema
    .alterTable('target_responses')
    .addColumn('emailed_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // A report about a legislator's response (null: about the petition or a comment).
  await db.schema.alterTable('reports').addColumn('response_id', 'integer').execute();
  // The signer count of the district when the link was sent by itself; null when the organizer sent it.
  await db.schema.alterTable('response_links').addColumn('quorum', 'integer').execute();
  // Sent by itself at most once per legislator and petition.
  await db.schema
    .createIndex('response_links_quorum_once')
    .on('response_links')
    .columns(['petition_id', 'person_id'])
    .unique()
    .where(sql.ref('quorum'), 'is not', null)
    .execute();
  await db.schema
    .createTable('petition_response_options')
    .addColumn('petition_id', 'integer', (c) => c.primaryKey().references('petitions.id').onDelete('cascade'))
    // Signers in one district that send its legislator the response link; null: never by itself.
    .addColumn('quorum', 'integer')
    // 1: each legislator is emailed their constituents' new signatures at milestones.
    .addColumn('digests', 'integer', (c) => c.notNull().defaultTo(0))
    // The petition's milestone the last digests were sent at (0: none yet).
    .addColumn('digest_milestone', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('legislator_digests')
    .addColumn('petition_id', 'integer', (c) => c.notNull().references('petitions.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('target_people.id').onDelete('cascade'))
    // The last signature a digest to this legislator listed: the next one starts after it.
    .addColumn('after_signature_id', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_sent_at', 'text')
    // The legislator asked for no more digests of this petition.
    .addColumn('unsubscribed_at', 'text')
    .addPrimaryKeyConstraint('legislator_digests_pk', ['petition_id', 'person_id'])
    .execute();
}
