// Legislators' answers to a petition: single-use links emailed to a legislator (only the hash of the link's token is
// kept, as for sign-in links), and the responses, written by the legislator or entered by the organizer on their
// behalf (marked so), which moderators and the organizer can hide.
import type { Kysely } from 'kysely';
import type { Engine } from '../connect.js';
import { idColumn } from './columns.js';

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await idColumn(db.schema.createTable('response_links'), engine)
    .addColumn('petition_id', 'integer', (c) => c.notNull().references('petitions.id').onDelete('cascade'))
    // The seat's row in the directory: the link answers for this person, for this petition.
    .addColumn('person_id', 'integer', (c) => c.notNull().references('target_people.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await idColumn(db.schema.createTable('target_responses'), engine)
    .addColumn('petition_id', 'integer', (c) => c.notNull().references('petitions.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('target_people.id').onDelete('cascade'))
    // The language it was written in (the page marks it so).
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // The organizer's account when they entered it on the legislator's behalf; null when the legislator wrote it.
    .addColumn('entered_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('hidden_at', 'text')
    .addColumn('hidden_by', 'integer')
    .execute();
  await db.schema.createIndex('target_responses_by_petition').on('target_responses').column('petition_id').execute();
}
