// Imports a body's people from an Open States people CSV, already read and checked: in one transaction, with
// its audit row. People are matched by their Open States id; a person no longer listed leaves their seat
// today, a new one takes theirs from today, and a person who moved to another seat gets a new seat row, so a
// delivery on any day goes to the people who held the seats that day.
import type { User } from '../accounts/user.js';
import { recordAudit } from '../platform/audit/audit-store.js';
import type { Db } from '../platform/db/connect.js';
import type { Chamber, PersonRecord } from './directory.js';
import { endSeat, findBody, insertBody, insertSeat, openSeats, updateSeat, type Seat } from './directory-store.js';

export interface DirectoryDeps {
  db: Db;
  now: () => Date;
}

/** A person as a change lists them. */
export interface SeatChange {
  name: string;
  chamber: Chamber;
  district: string;
}

export interface PeopleImport {
  bodySlug: string;
  /** The body made by this import, its state (lower-case postal code) and names; ignored once it exists. */
  state: string;
  names: Record<string, string>;
  records: PersonRecord[];
  /** The admin importing, or null for the command line. */
  actor: User | null;
}

export interface PeopleImported {
  bodyCreated: boolean;
  added: SeatChange[];
  /** Same seat, new contact details, party or name. */
  updated: SeatChange[];
  /** Another seat than before: the old one ended today. */
  moved: (SeatChange & { from: SeatChange })[];
  /** No longer in the file: their seat ended today. */
  ended: SeatChange[];
  unchanged: number;
}

export async function importPeople(deps: DirectoryDeps, input: PeopleImport): Promise<PeopleImported> {
  const now = deps.now();
  const today = now.toISOString().slice(0, 10);
  return deps.db.transaction().execute(async (trx) => {
    let body = await findBody(trx, input.bodySlug);
    const bodyCreated = body === undefined;
    if (body === undefined) {
      await insertBody(trx, { slug: input.bodySlug, state: input.state, sample: false, names: input.names }, now);
      body = await findBody(trx, input.bodySlug);
      if (body === undefined) throw new Error('the body just inserted is not there');
    }
    const open = new Map((await openSeats(trx, body.id)).map((seat) => [seat.sourceId, seat]));
    const result: PeopleImported = { bodyCreated, added: [], updated: [], moved: [], ended: [], unchanged: 0 };
    for (const person of input.records) {
      const seat = open.get(person.sourceId);
      open.delete(person.sourceId);
      if (seat === undefined) {
        await insertSeat(trx, body.id, person, today, now);
        result.added.push(change(person));
      } else if (seat.chamber !== person.chamber || seat.district !== person.district) {
        await endSeat(trx, seat.id, today, now);
        await insertSeat(trx, body.id, person, today, now);
        result.moved.push({ ...change(person), from: change(seat) });
      } else if (differs(seat, person)) {
        await updateSeat(trx, seat.id, person, now);
        result.updated.push(change(person));
      } else {
        result.unchanged += 1;
      }
    }
    for (const seat of open.values()) {
      await endSeat(trx, seat.id, today, now);
      result.ended.push(change(seat));
    }
    await recordAudit(trx, {
      actorId: input.actor?.id ?? null,
      action: 'targets.import_people',
      petitionId: null,
      details: {
        body: body.slug,
        bodyCreated,
        added: result.added.length,
        updated: result.updated.length,
        moved: result.moved.length,
        ended: result.ended.length,
        unchanged: result.unchanged,
      },
      now,
    });
    return result;
  });
}

function change(person: PersonRecord): SeatChange {
  return { name: person.name, chamber: person.chamber, district: person.district };
}

function differs(seat: Seat, person: PersonRecord): boolean {
  return (
    seat.name !== person.name ||
    seat.party !== person.party ||
    seat.email !== person.email ||
    seat.phone !== person.phone ||
    seat.districtPhone !== person.districtPhone ||
    seat.address !== person.address ||
    seat.imageUrl !== person.imageUrl ||
    JSON.stringify(seat.links) !== JSON.stringify(person.links)
  );
}
