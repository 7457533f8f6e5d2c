// The directory's SQL: bodies with their names per language, the people in their seats, boundary sets and the
// ZIP crosswalk. Rows become domain values here and nowhere else.
import type { Selectable } from 'kysely';
import type { Db } from '../platform/db/connect.js';
import type { TargetPersonTable } from '../platform/db/schema.js';
import type { Chamber, PersonRecord } from './directory.js';
import { CHAMBERS, isChamber } from './directory.js';
import { compareDistrictIds } from './district-id.js';

export interface Body {
  id: number;
  slug: string;
  state: string;
  /** Firma's generated sample data, to be labelled as such wherever it shows. */
  sample: boolean;
  /** The body's name per language ("Connecticut General Assembly", "Asamblea General de Connecticut"). */
  names: Record<string, string>;
}

/** A person in a seat: the row of one seat held from one day until another (or still). */
export interface Seat extends PersonRecord {
  id: number;
  seatFrom: string;
  seatUntil: string | null;
}

export async function findBody(db: Db, slug: string): Promise<Body | undefined> {
  const row = await db.selectFrom('target_bodies').selectAll().where('slug', '=', slug).executeTakeFirst();
  if (row === undefined) return undefined;
  return { id: row.id, slug: row.slug, state: row.state, sample: row.sample === 1, names: await bodyNames(db, row.id) };
}

export async function findBodyById(db: Db, id: number): Promise<Body | undefined> {
  const row = await db.selectFrom('target_bodies').select('slug').where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : findBody(db, row.slug);
}

export async function listBodies(db: Db): Promise<Body[]> {
  const rows = await db.selectFrom('target_bodies').selectAll().orderBy('slug').execute();
  const names = await db.selectFrom('target_body_names').selectAll().execute();
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    state: row.state,
    sample: row.sample === 1,
    names: Object.fromEntries(names.filter((n) => n.body_id === row.id).map((n) => [n.locale, n.name])),
  }));
}

async function bodyNames(db: Db, bodyId: number): Promise<Record<string, string>> {
  const rows = await db
    .selectFrom('target_body_names')
    .select(['locale', 'name'])
    .where('body_id', '=', bodyId)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.locale, r.name]));
}

export async function insertBody(
  db: Db,
  body: { slug: string; state: string; sample: boolean; names: Record<string, string> },
  now: Date,
): Promise<number> {
  const at = now.toISOString();
  const { id } = await db
    .insertInto('target_bodies')
    .values({ slug: body.slug, state: body.state, sample: body.sample ? 1 : 0, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await setBodyNames(db, id, body.names);
  return id;
}

/** Replaces the body's names: a language left empty has no name (the page falls back to another). */
export async function setBodyNames(db: Db, bodyId: number, names: Record<string, string>): Promise<void> {
  await db.deleteFrom('target_body_names').where('body_id', '=', bodyId).execute();
  const rows = Object.entries(names)
    .filter(([, name]) => name.trim() !== '')
    .map(([locale, name]) => ({ body_id: bodyId, locale, name: name.trim() }));
  if (rows.length > 0) await db.insertInto('target_body_names').values(rows).execute();
}

/** The people holding the body's seats on `day` (an ISO date), by chamber and district. */
export async function seatsOn(db: Db, bodyId: number, day: string): Promise<Seat[]> {
  const rows = await db
    .selectFrom('target_people')
    .selectAll()
    .where('body_id', '=', bodyId)
    .where('seat_from', '<=', day)
    .where((eb) => eb.or([eb('seat_until', 'is', null), eb('seat_until', '>', day)]))
    .execute();
  // The Senate first, then districts in reading order ("2" before "10"), then names.
  return rows
    .map(seatFromRow)
    .sort(
      (a, b) =>
        CHAMBERS.indexOf(a.chamber) - CHAMBERS.indexOf(b.chamber) ||
        compareDistrictIds(a.district, b.district) ||
        a.name.localeCompare(b.name, 'en'),
    );
}

/** One seat's row (a person in a seat, as they held it), with its body; undefined when there is none. */
export async function findSeat(db: Db, id: number): Promise<(Seat & { bodyId: number }) | undefined> {
  const row = await db.selectFrom('target_people').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : { ...seatFromRow(row), bodyId: row.body_id };
}

/** The seats still held (no end date): what an import compares the file with. */
export async function openSeats(db: Db, bodyId: number): Promise<Seat[]> {
  const rows = await db
    .selectFrom('target_people')
    .selectAll()
    .where('body_id', '=', bodyId)
    .where('seat_until', 'is', null)
    .execute();
  return rows.map(seatFromRow);
}

function seatFromRow(row: Selectable<TargetPersonTable>): Seat {
  // The import writes only upper or lower; anything else would be a row written by hand.
  const chamber: Chamber = isChamber(row.chamber) ? row.chamber : 'lower';
  return {
    id: row.id,
    sourceId: row.source_id,
    name: row.name,
    party: row.party,
    chamber,
    district: row.district,
    email: row.email,
    phone: row.phone,
    districtPhone: row.district_phone,
    address: row.address,
    imageUrl: row.image_url,
    links: JSON.parse(row.links) as string[], // written by insertSeat as a JSON array of strings
    seatFrom: row.seat_from,
    seatUntil: row.seat_until,
  };
}

function personColumns(person: PersonRecord) {
  return {
    name: person.name,
    party: person.party,
    chamber: person.chamber,
    district: person.district,
    email: person.email,
    phone: person.phone,
    district_phone: person.districtPhone,
    address: person.address,
    image_url: person.imageUrl,
    links: JSON.stringify(person.links),
  };
}

export async function insertSeat(db: Db, bodyId: number, person: PersonRecord, from: string, now: Date): Promise<void> {
  await db
    .insertInto('target_people')
    .values({
      body_id: bodyId,
      source_id: person.sourceId,
      ...personColumns(person),
      seat_from: from,
      seat_until: null,
      updated_at: now.toISOString(),
    })
    .execute();
}

/** New contact details for a person who keeps their seat. */
export async function updateSeat(db: Db, seatId: number, person: PersonRecord, now: Date): Promise<void> {
  await db
    .updateTable('target_people')
    .set({ ...personColumns(person), updated_at: now.toISOString() })
    .where('id', '=', seatId)
    .execute();
}

export async function endSeat(db: Db, seatId: number, until: string, now: Date): Promise<void> {
  await db
    .updateTable('target_people')
    .set({ seat_until: until, updated_at: now.toISOString() })
    .where('id', '=', seatId)
    .execute();
}
