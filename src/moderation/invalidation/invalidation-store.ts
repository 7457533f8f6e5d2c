// Queries of bulk invalidation: which signatures match, the invalidations themselves, and the batches
// that take signatures out of (and put them back into) the count.
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import type { Tables } from '../../platform/db/schema.js';
import { recordAudit } from '../../platform/audit/audit-store.js';
import { likePattern, type InvalidationCriteria } from './invalidation-criteria.js';
import { maskEmail } from './masked-email.js';

/** The statuses an invalidation takes signatures from: what counts, or would count once confirmed. */
const LIVE = ['confirmed', 'pending'];

export const INVALIDATION_STATES = ['queued', 'running', 'done', 'cancelled', 'reversing', 'reversed'] as const;
export type InvalidationState = (typeof INVALIDATION_STATES)[number];

export interface Invalidation {
  id: number;
  petitionId: number;
  slug: string;
  criteria: InvalidationCriteria;
  reason: string;
  state: InvalidationState;
  matched: number;
  processed: number;
  createdAt: string;
  finishedAt: string | null;
  reversedAt: string | null;
}

export interface MatchedSignature {
  maskedEmail: string;
  postalCode: string;
  status: string;
  createdAt: string;
}

export interface Preview {
  confirmed: number;
  pending: number;
  sample: MatchedSignature[];
}

/** The stored JSON: the criteria, and the last signature that existed when the admin asked (so the job does what the preview showed). */
export interface StoredCriteria extends InvalidationCriteria {
  upToId: number;
}

/** Narrows a query over `signatures` to the live signatures of one petition that match every given criterion. */
export function whereMatches<O>(
  query: SelectQueryBuilder<Tables, 'signatures', O>,
  petitionId: number,
  c: InvalidationCriteria,
): SelectQueryBuilder<Tables, 'signatures', O> {
  let q = query.where('signatures.petition_id', '=', petitionId).where('signatures.status', 'in', LIVE);
  // With a criterion erased, what is left would select more than the admin chose: nothing, then.
  if (c.erased !== undefined && c.erased.length > 0) return q.where(sql<boolean>`1 = 0`);
  if (c.emailPattern !== null)
    q = q.where(sql<boolean>`signatures.email_normalized LIKE ${likePattern(c.emailPattern)} ESCAPE '\\'`);
  if (c.domain !== null) {
    const domain = c.domain;
    // Signatures from before the domain was recorded: by the domain of the normalized address.
    q = q.where((eb) =>
      eb.or([
        eb('signatures.email_domain', '=', domain),
        eb.and([
          eb('signatures.email_domain', 'is', null),
          sql<boolean>`signatures.email_normalized LIKE ${`%@${likePattern(domain)}`} ESCAPE '\\'`,
        ]),
      ]),
    );
  }
  if (c.network !== null) q = q.where('signatures.ip_prefix_hash', '=', c.network);
  if (c.address !== null) {
    const { ipHashes, prefixHashes } = c.address;
    q = q.where((eb) =>
      eb.or([
        ...(ipHashes.length > 0 ? [eb('signatures.ip_hash', 'in', ipHashes)] : []),
        ...(prefixHashes.length > 0 ? [eb('signatures.ip_prefix_hash', 'in', prefixHashes)] : []),
      ]),
    );
  }
  if (c.zip !== null) q = q.where('signatures.postal_code', '=', c.zip);
  if (c.from !== null) q = q.where('signatures.created_at', '>=', c.from);
  if (c.until !== null) q = q.where('signatures.created_at', '<', c.until);
  return q;
}

async function countByStatus(
  db: Db,
  petitionId: number,
  criteria: InvalidationCriteria,
  upToId?: number,
): Promise<{ confirmed: number; pending: number }> {
  let q = whereMatches(db.selectFrom('signatures'), petitionId, criteria);
  if (upToId !== undefined) q = q.where('signatures.id', '<=', upToId);
  const rows = await q
    .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy('status')
    .execute();
  const of = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
  return { confirmed: of('confirmed'), pending: of('pending') };
}

function matchedSignature(r: {
  email_normalized: string;
  postal_code: string;
  status: string;
  created_at: string;
}): MatchedSignature {
  return {
    maskedEmail: maskEmail(r.email_normalized),
    postalCode: r.postal_code,
    status: r.status,
    createdAt: r.created_at,
  };
}

/** How many signatures the criteria select now, and the first `sampleSize` of them. */
export async function previewMatches(
  db: Db,
  petitionId: number,
  criteria: InvalidationCriteria,
  sampleSize: number,
): Promise<Preview> {
  const counts = await countByStatus(db, petitionId, criteria);
  const rows = await whereMatches(db.selectFrom('signatures'), petitionId, criteria)
    .select(['email_normalized', 'postal_code', 'status', 'created_at'])
    .orderBy('signatures.id')
    .limit(sampleSize)
    .execute();
  return { ...counts, sample: rows.map(matchedSignature) };
}

export interface NewInvalidation {
  petitionId: number;
  criteria: InvalidationCriteria;
  reason: string;
  actorId: number;
  now: Date;
}

/** Queues an invalidation of what the criteria select now (later signatures are left alone), with its audit row. */
export async function createInvalidation(db: Db, n: NewInvalidation): Promise<number> {
  // Counted before the transaction (a long count holds no lock); bounded by upToId, it is what the job will find.
  const last = await db
    .selectFrom('signatures')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('petition_id', '=', n.petitionId)
    .executeTakeFirst();
  const upToId = Number(last?.id ?? 0);
  const counts = await countByStatus(db, n.petitionId, n.criteria, upToId);
  const matched = counts.confirmed + counts.pending;
  const stored: StoredCriteria = { ...n.criteria, upToId };
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('invalidations')
      .values({
        petition_id: n.petitionId,
        criteria: JSON.stringify(stored),
        reason: n.reason,
        state: 'queued',
        matched,
        processed: 0,
        after_id: 0,
        created_by: n.actorId,
        created_at: n.now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: n.actorId,
      action: 'invalidation.create',
      petitionId: n.petitionId,
      details: {
        invalidation: id,
        reason: n.reason,
        criteria: auditCriteria(n.criteria),
        matched,
        confirmed: counts.confirmed,
        pending: counts.pending,
      },
      now: n.now,
    });
    return id;
  });
}

/** The criteria as the audit log shows them: hashes are counted, not copied. */
export function auditCriteria(c: InvalidationCriteria): Record<string, string | number> {
  const entries: [string, string | number | null][] = [
    ['emailPattern', c.emailPattern],
    ['domain', c.domain],
    ['network', c.network === null ? null : c.network.slice(0, 6)],
    ['range', c.address?.range ?? (c.address === null ? null : 'one address')],
    ['zip', c.zip],
    ['from', c.from],
    ['until', c.until],
  ];
  return Object.fromEntries(entries.filter((e): e is [string, string | number] => e[1] !== null));
}

interface InvalidationRow {
  id: number;
  petition_id: number;
  slug: string;
  criteria: string;
  reason: string;
  state: string;
  matched: number;
  processed: number;
  created_at: string;
  finished_at: string | null;
  reversed_at: string | null;
}

function toInvalidation(r: InvalidationRow): Invalidation {
  return {
    id: r.id,
    petitionId: r.petition_id,
    slug: r.slug,
    criteria: JSON.parse(r.criteria) as StoredCriteria, // written by createInvalidation only
    reason: r.reason,
    state: r.state as InvalidationState, // written only by the invalidation stores, from INVALIDATION_STATES
    matched: Number(r.matched),
    processed: Number(r.processed),
    createdAt: r.created_at,
    finishedAt: r.finished_at,
    reversedAt: r.reversed_at,
  };
}

const LISTED = [
  'invalidations.id',
  'invalidations.petition_id',
  'petitions.slug',
  'invalidations.criteria',
  'invalidations.reason',
  'invalidations.state',
  'invalidations.matched',
  'invalidations.processed',
  'invalidations.created_at',
  'invalidations.finished_at',
  'invalidations.reversed_at',
] as const;

export async function findInvalidation(db: Db, id: number): Promise<Invalidation | undefined> {
  const row = await db
    .selectFrom('invalidations')
    .innerJoin('petitions', 'petitions.id', 'invalidations.petition_id')
    .select(LISTED)
    .where('invalidations.id', '=', id)
    .executeTakeFirst();
  return row === undefined ? undefined : toInvalidation(row);
}

export async function listInvalidations(db: Db, limit: number): Promise<Invalidation[]> {
  const rows = await db
    .selectFrom('invalidations')
    .innerJoin('petitions', 'petitions.id', 'invalidations.petition_id')
    .select(LISTED)
    .orderBy('invalidations.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toInvalidation);
}

/** Invalidations the job has work on, oldest first. */
export async function activeInvalidationIds(db: Db): Promise<number[]> {
  const rows = await db
    .selectFrom('invalidations')
    .select('id')
    .where('state', 'in', ['queued', 'running', 'reversing'])
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** What an invalidation has taken out so far: by the status each had, and the latest few. */
export async function invalidatedSoFar(db: Db, id: number, limit: number): Promise<Preview> {
  const rows = await db
    .selectFrom('signatures')
    .select(['status_before_invalidation', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('invalidation_id', '=', id)
    .where('status', '=', 'invalidated')
    .groupBy('status_before_invalidation')
    .execute();
  const of = (status: string) => Number(rows.find((r) => r.status_before_invalidation === status)?.n ?? 0);
  const sample = await db
    .selectFrom('signatures')
    .select(['email_normalized', 'postal_code', 'status_before_invalidation as status', 'created_at'])
    .where('invalidation_id', '=', id)
    .where('status', '=', 'invalidated')
    .orderBy('id')
    .limit(limit)
    .execute();
  return {
    confirmed: of('confirmed'),
    pending: of('pending'),
    sample: sample.map((r) => matchedSignature({ ...r, status: r.status ?? '' })),
  };
}
