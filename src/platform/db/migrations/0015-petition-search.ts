// The front page's search: one document per petition (its titles, statements and targets in every language it
// has), indexed by the database's own full-text search, accents and case ignored. SQLite: an FTS5 table whose
// rowid is the petition id, tokenized by unicode61 with diacritics removed. PostgreSQL: a tsvector per petition of
// the unaccented text (the `unaccent` extension, trusted since PostgreSQL 13: a database owner may add it) under a
// GIN index. Indexes for the home page's newest petitions and recent victories. The petitions feature writes the documents (petitions saved before this migration are indexed by its
// job when the server starts).
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../connect.js';

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  if (engine === 'postgres') {
    // In the public schema, so that every Firma schema of the database finds it under one name.
    await sql`CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public`.execute(db);
    await sql`CREATE TABLE petition_search (
      petition_id integer PRIMARY KEY REFERENCES petitions (id) ON DELETE CASCADE,
      document tsvector NOT NULL
    )`.execute(db);
    await sql`CREATE INDEX petition_search_by_document ON petition_search USING gin (document)`.execute(db);
  } else {
    // Prefix indexes for the first two and three letters: every word typed is matched as a word's start, and a
    // short prefix would otherwise expand to thousands of words at each search.
    await sql`CREATE VIRTUAL TABLE petition_search
      USING fts5(document, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')`.execute(db);
  }
  // A petition's named targets, read with every petition: without it each read went through all petitions'
  // target names (found once there were 100,000 petitions: a search's twenty results took 180 ms).
  await db.schema
    .createIndex('petition_targets_by_petition')
    .on('petition_targets')
    .columns(['petition_id', 'position'])
    .execute();
  // The home page's lists: the newest open petitions, and recent victories.
  await db.schema
    .createIndex('petitions_by_status_published')
    .on('petitions')
    .columns(['status', 'published_at', 'id'])
    .execute();
  await db.schema.createIndex('petitions_by_victory').on('petitions').column('victory_at').execute();
}
