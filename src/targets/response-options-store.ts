// The SQL of a petition's response options (the district quorum that sends a response link by itself, and
// legislators' digests) and of each legislator's digest marker and stop.
import type { Db } from '../platform/db/connect.js';
import { flushSignatureDistricts } from './signature-districts.js';

export interface ResponseOptions {
  /** Constituents that send the response link by itself; null: never. */
  quorum: number | null;
  digests: boolean;
}

export async function readResponseOptions(db: Db, petitionId: number): Promise<ResponseOptions> {
  const row = await db
    .selectFrom('petition_response_options')
    .select(['quorum', 'digests'])
    .where('petition_id', '=', petitionId)
    .executeTakeFirst();
  return { quorum: row?.quorum ?? null, digests: row?.digests === 1 };
}

/**
 * Saves the options. Digests turned on start from the petition's last announced milestone: the first digest goes at
 * the next one, not at once for milestones passed before.
 */
export async function writeResponseOptions(
  db: Db,
  petitionId: number,
  options: ResponseOptions,
  now: string,
): Promise<void> {
  const before = await readResponseOptions(db, petitionId);
  const values = {
    quorum: options.quorum,
    digests: options.digests ? 1 : 0,
    updated_at: now,
    ...(options.digests && !before.digests ? { digest_milestone: await lastAnnouncedMilestone(db, petitionId) } : {}),
  };
  await db
    .insertInto('petition_response_options')
    .values({ petition_id: petitionId, ...values })
    .onConflict((oc) => oc.column('petition_id').doUpdateSet(values))
    .execute();
}

/**
 * Petitions the public can see and sign, as `isVisible` in src/petitions/petition.ts decides (open, not held or
 * rejected by moderators, not hidden): a hidden petition's legislators hear nothing from Firma.
 */
export const PUBLIC_MODERATION = ['unreviewed', 'approved'];

/** Public open petitions with a quorum, and their quorum. */
export async function petitionsWithQuorum(db: Db): Promise<{ petitionId: number; quorum: number }[]> {
  const rows = await db
    .selectFrom('petition_response_options as o')
    .innerJoin('petitions as p', 'p.id', 'o.petition_id')
    .select(['o.petition_id', 'o.quorum'])
    .where('o.quorum', 'is not', null)
    .where('p.status', '=', 'open')
    .where('p.moderation_state', 'in', PUBLIC_MODERATION)
    .where('p.hidden_at', 'is', null)
    .execute();
  return rows.flatMap((r) => (r.quorum === null ? [] : [{ petitionId: r.petition_id, quorum: r.quorum }]));
}

/** Public open petitions with digests on whose highest announced milestone is past the one their digests were sent at. */
export async function petitionsDueDigests(
  db: Db,
): Promise<{ petitionId: number; milestone: number; previous: number }[]> {
  const rows = await db
    .selectFrom('petition_response_options as o')
    .innerJoin('petitions as p', 'p.id', 'o.petition_id')
    .innerJoin('petition_milestones as m', 'm.petition_id', 'o.petition_id')
    .select(['o.petition_id', 'o.digest_milestone', (eb) => eb.fn.max('m.milestone').as('milestone')])
    .where('o.digests', '=', 1)
    .where('p.status', '=', 'open')
    .where('p.moderation_state', 'in', PUBLIC_MODERATION)
    .where('p.hidden_at', 'is', null)
    .where('m.announced_at', 'is not', null)
    .groupBy(['o.petition_id', 'o.digest_milestone'])
    .execute();
  return rows.flatMap((r) =>
    Number(r.milestone) > r.digest_milestone
      ? [{ petitionId: r.petition_id, milestone: Number(r.milestone), previous: r.digest_milestone }]
      : [],
  );
}

async function lastAnnouncedMilestone(db: Db, petitionId: number): Promise<number> {
  const row = await db
    .selectFrom('petition_milestones')
    .select((eb) => eb.fn.max('milestone').as('milestone'))
    .where('petition_id', '=', petitionId)
    .where('announced_at', 'is not', null)
    .executeTakeFirst();
  return Number(row?.milestone ?? 0);
}

/** Moves the petition's digest milestone from `previous`; false when another worker moved it first. */
export async function markDigestMilestone(db: Db, petitionId: number, previous: number, milestone: number) {
  const result = await db
    .updateTable('petition_response_options')
    .set({ digest_milestone: milestone })
    .where('petition_id', '=', petitionId)
    .where('digest_milestone', '=', previous)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Confirmed signatures per matched district of the petition, with the largest signature id in each. */
export async function districtSignatureCounts(
  db: Db,
  petitionId: number,
): Promise<{ bodyId: number; chamber: string; district: string; count: number; lastId: number }[]> {
  await flushSignatureDistricts(db);
  const rows = await db
    .selectFrom('signature_districts as d')
    .innerJoin('signatures as s', 's.id', 'd.signature_id')
    .select([
      'd.body_id',
      'd.chamber',
      'd.district',
      (eb) => eb.fn.countAll<number | string>().as('n'),
      (eb) => eb.fn.max('s.id').as('last_id'),
    ])
    .where('d.petition_id', '=', petitionId)
    .where('s.status', '=', 'confirmed')
    .where('d.district', 'is not', null)
    .groupBy(['d.body_id', 'd.chamber', 'd.district'])
    .execute();
  return rows.map((r) => ({
    bodyId: r.body_id,
    chamber: r.chamber,
    district: r.district ?? '',
    count: Number(r.n),
    lastId: Number(r.last_id),
  }));
}

/** One district's confirmed signatures after a signature id: how many, and the largest id. */
export async function constituentsAfter(
  db: Db,
  petitionId: number,
  seat: { bodyId: number; chamber: string; district: string },
  afterId: number,
): Promise<{ count: number; lastId: number }> {
  await flushSignatureDistricts(db);
  const row = await db
    .selectFrom('signature_districts as d')
    .innerJoin('signatures as s', 's.id', 'd.signature_id')
    .select([(eb) => eb.fn.countAll<number | string>().as('n'), (eb) => eb.fn.max('s.id').as('last_id')])
    .where('d.petition_id', '=', petitionId)
    .where('d.body_id', '=', seat.bodyId)
    .where('d.chamber', '=', seat.chamber)
    .where('d.district', '=', seat.district)
    .where('s.status', '=', 'confirmed')
    .where('s.id', '>', afterId)
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), lastId: row.last_id === null ? afterId : Number(row.last_id) };
}

export interface DigestMarker {
  afterId: number;
  stopped: boolean;
}

/** Each legislator's digest marker for the petition, by person id (none: no digest sent yet, not stopped). */
export async function digestMarkers(db: Db, petitionId: number): Promise<Map<number, DigestMarker>> {
  const rows = await db
    .selectFrom('legislator_digests')
    .select(['person_id', 'after_signature_id', 'unsubscribed_at'])
    .where('petition_id', '=', petitionId)
    .execute();
  return new Map(
    rows.map((r) => [r.person_id, { afterId: r.after_signature_id, stopped: r.unsubscribed_at !== null }]),
  );
}

/** The digest sent now listed signatures up to `upToId`. */
export async function moveDigestMarker(db: Db, petitionId: number, personId: number, upToId: number, now: string) {
  await db
    .insertInto('legislator_digests')
    .values({ petition_id: petitionId, person_id: personId, after_signature_id: upToId, last_sent_at: now })
    .onConflict((oc) =>
      oc.columns(['petition_id', 'person_id']).doUpdateSet({ after_signature_id: upToId, last_sent_at: now }),
    )
    .execute();
}

/** The legislator stops this petition's digests; false when they already had. */
export async function stopDigests(db: Db, petitionId: number, personId: number, now: string): Promise<boolean> {
  const before = await db
    .selectFrom('legislator_digests')
    .select('unsubscribed_at')
    .where('petition_id', '=', petitionId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  if (before?.unsubscribed_at != null) return false;
  await db
    .insertInto('legislator_digests')
    .values({ petition_id: petitionId, person_id: personId, unsubscribed_at: now })
    .onConflict((oc) => oc.columns(['petition_id', 'person_id']).doUpdateSet({ unsubscribed_at: now }))
    .execute();
  return true;
}

/** The legislators a quorum already sent this petition's response link to. */
export async function quorumLinkHolders(db: Db, petitionId: number): Promise<Set<number>> {
  const rows = await db
    .selectFrom('response_links')
    .select('person_id')
    .where('petition_id', '=', petitionId)
    .where('quorum', 'is not', null)
    .execute();
  return new Set(rows.map((r) => r.person_id));
}

/** The petition's signature count as its page shows it (the sum of its count shards, which signing keeps). */
export async function petitionCount(db: Db, petitionId: number): Promise<number> {
  const row = await db
    .selectFrom('petition_count_shards')
    .select((eb) => eb.fn.sum<number | string>('signature_count').as('total'))
    .where('petition_id', '=', petitionId)
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}
