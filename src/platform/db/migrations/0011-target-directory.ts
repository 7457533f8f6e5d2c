// The directory of decision-makers (src/targets): bodies such as a state legislature, the people who hold its
// seats (imported from Open States, updated by their id, seats dated so a later delivery goes to the later
// holders), district boundaries in versioned sets (districts are redrawn after each census) and the share of
// each ZIP code's addresses in each district.
import type { Kysely } from 'kysely';
import type { Engine } from '../connect.js';
import { idColumn } from './columns.js';

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await idColumn(db.schema.createTable('target_bodies'), engine)
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    // The state's postal code in lower case ("ct"): the Open Civic Data ids of its districts are made from it.
    .addColumn('state', 'text', (c) => c.notNull())
    // 1 when the body's people and districts are Firma's generated sample data, shown as such on every page.
    .addColumn('sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('target_body_names')
    .addColumn('body_id', 'integer', (c) => c.notNull().references('target_bodies.id').onDelete('cascade'))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('target_body_names_pk', ['body_id', 'locale'])
    .execute();
  await idColumn(db.schema.createTable('target_people'), engine)
    .addColumn('body_id', 'integer', (c) => c.notNull().references('target_bodies.id').onDelete('cascade'))
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('chamber', 'text', (c) => c.notNull())
    .addColumn('district', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('district_phone', 'text')
    .addColumn('address', 'text')
    .addColumn('image_url', 'text')
    // JSON array of URLs.
    .addColumn('links', 'text', (c) => c.notNull())
    // The days the person holds the seat (ISO dates); seat_until is null while they hold it.
    .addColumn('seat_from', 'text', (c) => c.notNull())
    .addColumn('seat_until', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // A person has a row per seat they held (a representative who becomes a senator has two, the first ended);
  // the import keeps one open row per source id.
  await db.schema
    .createIndex('target_people_by_source')
    .on('target_people')
    .columns(['body_id', 'source_id'])
    .execute();
  await db.schema
    .createIndex('target_people_by_seat')
    .on('target_people')
    .columns(['body_id', 'chamber', 'district'])
    .execute();
  await idColumn(db.schema.createTable('target_boundary_sets'), engine)
    .addColumn('body_id', 'integer', (c) => c.notNull().references('target_bodies.id').onDelete('cascade'))
    .addColumn('chamber', 'text', (c) => c.notNull())
    // 1, 2, ... per body and chamber: the highest is the one in use.
    .addColumn('version', 'integer', (c) => c.notNull())
    // Where it came from, as the importer named it (the file's name).
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('target_boundary_sets_one_version', ['body_id', 'chamber', 'version'])
    .execute();
  await idColumn(db.schema.createTable('target_districts'), engine)
    .addColumn('set_id', 'integer', (c) => c.notNull().references('target_boundary_sets.id').onDelete('cascade'))
    .addColumn('district', 'text', (c) => c.notNull())
    .addColumn('ocd_id', 'text', (c) => c.notNull())
    // A GeoJSON Polygon or MultiPolygon in WGS 84.
    .addColumn('geometry', 'text', (c) => c.notNull())
    .addUniqueConstraint('target_districts_one_per_set', ['set_id', 'district'])
    .execute();
  await db.schema
    .createTable('target_zip_districts')
    .addColumn('body_id', 'integer', (c) => c.notNull().references('target_bodies.id').onDelete('cascade'))
    .addColumn('zip', 'text', (c) => c.notNull())
    .addColumn('chamber', 'text', (c) => c.notNull())
    .addColumn('district', 'text', (c) => c.notNull())
    .addColumn('share', 'real', (c) => c.notNull())
    .addPrimaryKeyConstraint('target_zip_districts_pk', ['body_id', 'zip', 'chamber', 'district'])
    .execute();
}
