// Where a signature's districts are kept. Each signature carries what its signer was matched to (`districts`, a
// short JSON array), and `signature_districts` holds the same as rows in district order, the order every count,
// packet and export by district reads. On PostgreSQL the rows are written with the signature. On SQLite they are
// written later, a few thousand at a time (flushSignatureDistricts): a signing transaction that wrote them itself
// touched one page of that order per district in its batch, and the rows cost a signature 27 µs of SQLite's time
// where everything else in the spike costs 125 (docs/performance.md). Written in bulk, each district's page is
// written once per flush. Nothing waits for them: every reader by district flushes first, and a job flushes every
// second, so a count never misses a signature, and a crash loses nothing (the signatures carry their districts).
import { sql } from 'kysely';
import { engineOf, type Db } from '../platform/db/connect.js';
import { CHAMBERS, isChamber } from './directory.js';
import { MATCH_METHODS, type DistrictMatch } from './match-signer.js';
import type { ScheduledJob } from '../platform/jobs.js';

/** A signature's district in one chamber, as stored. */
export interface DistrictRow {
  signatureId: number;
  petitionId: number;
  match: DistrictMatch;
  updatedAt: string;
}

type Packed = [number, string, string, string | null, string[]];

/** The `districts` column of a signature: null for a petition without district targets. */
export function packDistricts(matches: readonly DistrictMatch[] | undefined): string | null {
  if (matches === undefined || matches.length === 0) return null;
  return JSON.stringify(matches.map((m): Packed => [m.bodyId, m.chamber, m.method, m.district, m.candidates]));
}

/** The matches a `districts` column holds (what packDistricts wrote; anything else is left out). */
export function unpackDistricts(packed: string | null): DistrictMatch[] {
  if (packed === null) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(packed);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((entry: unknown): DistrictMatch[] => {
    if (!Array.isArray(entry) || entry.length !== 5) return [];
    const [bodyId, chamber, method, district, candidates] = entry as unknown[];
    const knownMethod = MATCH_METHODS.find((m) => m === method);
    if (typeof bodyId !== 'number' || typeof chamber !== 'string' || !isChamber(chamber) || knownMethod === undefined)
      return [];
    if (district !== null && typeof district !== 'string') return [];
    if (!Array.isArray(candidates) || !candidates.every((c) => typeof c === 'string')) return [];
    return [{ bodyId, chamber, method: knownMethod, district, candidates: candidates as string[] }];
  });
}

/**
 * The district rows of signatures just inserted in `trx` (whose `districts` column holds the same): written now on
 * PostgreSQL, by the next flush on SQLite. One statement whose text never changes: the rows travel as one JSON
 * parameter, unpacked by the database (a multi-row insert builds a value node per column and row, and a new
 * statement text per batch size).
 */
export async function writeDistrictRows(trx: Db, rows: readonly DistrictRow[]): Promise<void> {
  if (engineOf(trx) !== 'postgres' || rows.length === 0) return;
  const packed = JSON.stringify(
    rows.map((r) => [
      r.signatureId,
      r.petitionId,
      r.match.bodyId,
      r.match.chamber,
      r.match.method,
      r.match.district,
      r.match.candidates.length === 0 ? null : r.match.candidates.join(','),
      r.updatedAt,
    ]),
  );
  await sql`insert into signature_districts
      (signature_id, petition_id, body_id, chamber, method, district, candidates, updated_at)
    select (r->>0)::integer, (r->>1)::integer, (r->>2)::integer, r->>3, r->>4, r->>5, r->>6, r->>7
    from jsonb_array_elements(${packed}::jsonb) as r`.execute(trx);
}

/** Signatures read per flush transaction: a spike's few seconds; signing batches go in between two of them. */
const FLUSH_BATCH = 20_000;

async function flushInTransaction(trx: Db): Promise<number> {
  // A write first: the transaction holds SQLite's write lock from here, so what it reads next is the latest.
  await trx
    .updateTable('signature_district_flush')
    .set((eb) => ({ last_signature_id: eb.ref('last_signature_id') }))
    .where('id', '=', 1)
    .execute();
  const mark = await trx
    .selectFrom('signature_district_flush')
    .select('last_signature_id')
    .where('id', '=', 1)
    .executeTakeFirst();
  if (mark === undefined) return 0;
  const batch = await sql<{ last: number | null; n: number }>`select max(id) as last, count(*) as n
    from (select id from signatures where id > ${mark.last_signature_id} order by id limit ${FLUSH_BATCH})`.execute(
    trx,
  );
  const last = batch.rows[0]?.last ?? null;
  if (last === null) return 0;
  // The rows are unpacked and sorted by SQLite itself, in district order (each district's page of the index is
  // visited once), without a row object per district in JavaScript. Entries with no body, chamber or method (never
  // written by packDistricts) are left out rather than stopping every later flush.
  await sql`insert into signature_districts
      (signature_id, petition_id, body_id, chamber, method, district, candidates, updated_at)
    select s.id, s.petition_id, d.value ->> 0, d.value ->> 1, d.value ->> 2, d.value ->> 3,
      case when json_array_length(d.value, '$[4]') > 0
        then (select group_concat(c.value, ',' order by c.key) from json_each(d.value, '$[4]') as c) end,
      s.created_at
    from signatures as s,
      json_each(case when json_valid(s.districts) then s.districts else '[]' end) as d
    where s.id > ${mark.last_signature_id} and s.id <= ${last}
      and case when d.type = 'array' then typeof(d.value ->> 0) = 'integer'
        and d.value ->> 1 in (${sql.join(CHAMBERS)}) and d.value ->> 2 in (${sql.join(MATCH_METHODS)}) else 0 end
    order by d.value ->> 0, d.value ->> 1, d.value ->> 3, s.id`.execute(trx);
  await trx.updateTable('signature_district_flush').set({ last_signature_id: last }).where('id', '=', 1).execute();
  return batch.rows[0]?.n ?? 0;
}

/**
 * Writes the district rows of every signature stored so far that has none yet (SQLite; nothing to do on
 * PostgreSQL). Run before reading `signature_districts`; inside a transaction it works in that transaction.
 */
export async function flushSignatureDistricts(db: Db): Promise<void> {
  if (engineOf(db) === 'postgres') return;
  if (db.isTransaction) {
    while ((await flushInTransaction(db)) === FLUSH_BATCH);
    return;
  }
  // Nothing stored since the last flush (the usual case): answered by two lookups, without a transaction.
  const [mark, newest] = await Promise.all([
    db.selectFrom('signature_district_flush').select('last_signature_id').where('id', '=', 1).executeTakeFirst(),
    db
      .selectFrom('signatures')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst(),
  ]);
  if (mark === undefined || newest?.id === null || newest === undefined || newest.id <= mark.last_signature_id) return;
  while ((await db.transaction().execute(flushInTransaction)) === FLUSH_BATCH)
    await new Promise((resolve) => setImmediate(resolve));
}

/** Every second: the rows of the signatures of that second, in one write. */
export const flushSignatureDistrictsJob: ScheduledJob<{ db: Db }> = {
  name: 'signature districts',
  everyMs: 1000,
  run: (deps) => flushSignatureDistricts(deps.db),
};
