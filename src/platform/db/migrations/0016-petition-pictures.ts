// A picture per petition: what the organizer uploaded, re-encoded into a few widths and two formats (the
// petition page's srcset), with its alt text in each of the petition's languages and the point to keep in
// view when it is cropped. Stored in the database, like delivery photos, so every process can serve it.
import type { Kysely } from 'kysely';
import type { Engine } from '../connect.js';

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('petition_pictures')
    .addColumn('petition_id', 'integer', (c) => c.primaryKey().references('petitions.id').onDelete('cascade'))
    // Changes with every new picture (or crop): its files' addresses carry it, so they can be cached forever.
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    // The point kept in view when cropped, 0–1 from the left and from the top.
    .addColumn('focus_x', 'real', (c) => c.notNull())
    .addColumn('focus_y', 'real', (c) => c.notNull())
    // {"en": "…", "es": "…"}: the text alternative in each of the petition's languages.
    .addColumn('alt_texts', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    // A moderator keeps it out of public view (the petition stays up).
    .addColumn('hidden_at', 'text')
    .addColumn('hidden_by', 'integer')
    .execute();
  await db.schema
    .createTable('petition_picture_files')
    .addColumn('petition_id', 'integer', (c) =>
      c.notNull().references('petition_pictures.petition_id').onDelete('cascade'),
    )
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('bytes', engine === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .addPrimaryKeyConstraint('petition_picture_files_pk', ['petition_id', 'format', 'width'])
    .execute();
}
