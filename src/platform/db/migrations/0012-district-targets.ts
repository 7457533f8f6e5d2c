// Petitions that go to each signer's own legislators: the chambers of a directory body a petition targets, and
// the district each signature was matched to (only the district: the street address used to find it is never
// stored).
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../connect.js';

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('petition_seat_targets')
    .addColumn('petition_id', 'integer', (c) => c.notNull().references('petitions.id').onDelete('cascade'))
    .addColumn('body_id', 'integer', (c) => c.notNull().references('target_bodies.id'))
    // 'upper' or 'lower': the signer's senator, the signer's representative.
    .addColumn('chamber', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('petition_seat_targets_pk', ['petition_id', 'body_id', 'chamber'])
    .execute();
  await db.schema
    .createTable('signature_districts')
    .addColumn('signature_id', 'integer', (c) => c.notNull().references('signatures.id').onDelete('cascade'))
    // Copied from the signature: counts by district are read per petition.
    .addColumn('petition_id', 'integer', (c) => c.notNull())
    .addColumn('body_id', 'integer', (c) => c.notNull())
    .addColumn('chamber', 'text', (c) => c.notNull())
    // How it was decided: 'zip' (the crosswalk alone), 'address' (a geocoded street address), 'signer' (the
    // signer chose among the districts their ZIP is split between), 'split' (not decided: `candidates` holds
    // the districts, by share), 'unknown' (a ZIP the crosswalk does not know, or a point outside every district).
    .addColumn('method', 'text', (c) => c.notNull())
    // The district, null while split or unknown.
    .addColumn('district', 'text')
    // Split: the districts the ZIP lies in, comma-separated, largest share first.
    .addColumn('candidates', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('signature_districts_pk', ['signature_id', 'body_id', 'chamber'])
    // SQLite: the rows are kept in their primary key's order, one tree instead of a table and its key's index (two
    // rows are written with every signature of a spike).
    .$call((table) => (engine === 'sqlite' ? table.modifyEnd(sql`without rowid`) : table))
    .execute();
  await db.schema
    .createIndex('signature_districts_by_petition')
    .on('signature_districts')
    .columns(['petition_id', 'body_id', 'chamber', 'district'])
    .execute();
}
