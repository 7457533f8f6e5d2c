// Who receives a signature: the signer's matched districts with the people who hold those seats on a day, and the
// sentences the thank-you page and the signer's emails say it with ("Your signature goes to Sen. … (District 5)
// and Rep. … (District 12)"), in the signer's language.
import type { Db } from '../platform/db/connect.js';
import { unpackDistricts } from './signature-districts.js';
import { createTtlCache } from '../platform/http/ttl-cache.js';
import type { Translator } from '../platform/i18n/translator.js';
import { isChamber, type Chamber } from './directory.js';
import { seatsOn, type Seat } from './directory-store.js';
import type { DistrictMatch, MatchMethod } from './match-signer.js';
import { MATCH_METHODS } from './match-signer.js';

export interface Recipient {
  bodyId: number;
  chamber: Chamber;
  method: MatchMethod;
  district: string | null;
  candidates: string[];
  /** Who holds the district's seat on the day (empty: vacant, or no district). */
  holders: string[];
  /** Split: who holds each candidate district's seat, by district. */
  candidateHolders: Record<string, string[]>;
}

/** The seats of each body on a day, kept a minute: every thank-you page of a spike would otherwise read them. */
export interface SeatBook {
  seats(bodyId: number, day: string): Promise<Seat[]>;
}

export function createSeatBook(db: Db, now: () => number): SeatBook {
  const cache = createTtlCache<Seat[]>(60_000, now, { maxEntries: 1000 });
  return { seats: (bodyId, day) => cache.get(`${bodyId}/${day}`, () => seatsOn(db, bodyId, day)) };
}

function holdersOf(seats: Seat[], chamber: Chamber, district: string): string[] {
  return seats.filter((s) => s.chamber === chamber && s.district === district).map((s) => s.name);
}

export async function recipientsFor(
  book: SeatBook,
  matches: readonly DistrictMatch[],
  day: string,
): Promise<Recipient[]> {
  const recipients: Recipient[] = [];
  for (const m of matches) {
    const seats = await book.seats(m.bodyId, day);
    recipients.push({
      ...m,
      holders: m.district === null ? [] : holdersOf(seats, m.chamber, m.district),
      candidateHolders: Object.fromEntries(m.candidates.map((d) => [d, holdersOf(seats, m.chamber, d)])),
    });
  }
  return recipients;
}

/** Matches in the order the rows are read: by body, the upper chamber first. */
function inRowOrder(matches: DistrictMatch[]): DistrictMatch[] {
  return matches.sort((x, y) => x.bodyId - y.bodyId || (x.chamber === y.chamber ? 0 : x.chamber === 'upper' ? -1 : 1));
}

/**
 * The stored districts of each signature, as matches, by signature id: what each signature carries (its
 * `districts`), or for one stored before signatures carried them (migration 0025), its rows. Read with each
 * batch of a signing spike's emails, so it never waits for the rows in district order to be written.
 */
export async function districtsOfSignatures(db: Db, ids: readonly number[]): Promise<Map<number, DistrictMatch[]>> {
  if (ids.length === 0) return new Map();
  const carried = await db
    .selectFrom('signatures')
    .select(['id', 'districts'])
    .where('id', 'in', [...ids])
    .execute();
  return districtsOfCarried(db, carried);
}

/** The same, for signatures already read with what they carry (a page of an export). */
export async function districtsOfCarried(
  db: Db,
  carried: readonly { id: number; districts: string | null }[],
): Promise<Map<number, DistrictMatch[]>> {
  const byId = new Map<number, DistrictMatch[]>();
  const older: number[] = [];
  for (const s of carried) {
    if (s.districts === null) older.push(s.id);
    else byId.set(s.id, inRowOrder(unpackDistricts(s.districts)));
  }
  if (older.length === 0) return byId;
  const rows = await db
    .selectFrom('signature_districts')
    .select(['signature_id', 'body_id', 'chamber', 'method', 'district', 'candidates'])
    .where('signature_id', 'in', older)
    .orderBy('signature_id')
    .orderBy('body_id')
    .orderBy('chamber', 'desc')
    .execute();
  for (const row of rows) {
    const method = MATCH_METHODS.find((m) => m === row.method);
    if (method === undefined || !isChamber(row.chamber)) continue;
    const list = byId.get(row.signature_id) ?? [];
    list.push({
      bodyId: row.body_id,
      chamber: row.chamber,
      method,
      district: row.district,
      candidates: row.candidates === null ? [] : row.candidates.split(','),
    });
    byId.set(row.signature_id, list);
  }
  return byId;
}

/** A person in a seat as a signer reads it: "Sen. Ana Ruiz (District 5)", or the vacant seat. */
export function recipientName(t: Translator, chamber: Chamber, district: string, holders: readonly string[]): string {
  if (holders.length === 0) return t.t(`targets.recipient.vacant.${chamber}`, { district });
  return t.list(holders.map((name) => t.t(`targets.recipient.${chamber}`, { name, district })));
}

/**
 * The sentences saying where the signature goes: one for every matched seat together, then one per chamber whose
 * district is not known (a ZIP split between districts, or one the directory does not know).
 */
export function recipientSentences(t: Translator, recipients: readonly Recipient[]): string[] {
  const matched = recipients.flatMap((r) =>
    r.district === null ? [] : [recipientName(t, r.chamber, r.district, r.holders)],
  );
  const sentences = matched.length === 0 ? [] : [t.t('targets.goesTo', { recipients: t.list(matched) })];
  for (const r of recipients) {
    if (r.method === 'split') sentences.push(t.t(`targets.split.${r.chamber}`, { districts: t.list(r.candidates) }));
    else if (r.district === null) sentences.push(t.t(`targets.unknown.${r.chamber}`));
  }
  return sentences;
}
