// Moderation state of petitions in the database: the queue, approve/reject, hide/restore.
import type { Db } from '../platform/db/connect.js';
import {
  AWAITING_REVIEW_STATES,
  SIGNABLE_STATES,
  type ModerationState,
  type PetitionState,
} from '../petitions/petition.js';

export interface QueuedPetition {
  id: number;
  slug: string;
  title: string;
  defaultLocale: string;
  status: PetitionState;
  moderation: ModerationState;
  submittedAt: string | null;
  hiddenAt: string | null;
  /** When retention erased its signers' personal data (null while it has not). */
  personalDataErasedAt: string | null;
  organizer: { name: string | null; email: string | null };
}

function queueQuery(db: Db) {
  return db
    .selectFrom('petitions as p')
    .leftJoin('petition_translations as t', (join) =>
      join.onRef('t.petition_id', '=', 'p.id').onRef('t.locale', '=', 'p.default_locale'),
    )
    .leftJoin('users as u', 'u.id', 'p.owner_id')
    .select([
      'p.id',
      'p.slug',
      'p.default_locale',
      'p.status',
      'p.moderation_state',
      'p.submitted_at',
      'p.hidden_at',
      'p.personal_data_erased_at',
      'p.organizer_name',
      'p.organizer_email',
      'u.name as user_name',
      'u.email as user_email',
      't.title',
    ]);
}

type QueueRow = Awaited<ReturnType<ReturnType<typeof queueQuery>['execute']>>[number];

function toQueued(r: QueueRow): QueuedPetition {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title ?? r.slug,
    defaultLocale: r.default_locale,
    // Both columns are only ever written from their unions (PETITION_STATES, MODERATION_STATES).
    status: r.status as PetitionState,
    moderation: r.moderation_state as ModerationState,
    submittedAt: r.submitted_at,
    hiddenAt: r.hidden_at,
    personalDataErasedAt: r.personal_data_erased_at,
    organizer: { name: r.user_name ?? r.organizer_name, email: r.user_email ?? r.organizer_email },
  };
}

/**
 * Published petitions waiting for review, oldest first, a page at a time (`limit` from `offset`); with
 * `submittedBefore`, only those waiting since before it (overdue).
 */
export async function listAwaitingReview(
  db: Db,
  options: { submittedBefore?: string; limit?: number; offset?: number } = {},
): Promise<QueuedPetition[]> {
  let query = queueQuery(db)
    .where('p.status', '<>', 'draft')
    .where('p.moderation_state', 'in', [...AWAITING_REVIEW_STATES])
    .orderBy('p.submitted_at')
    .orderBy('p.id')
    .limit(options.limit ?? 100)
    .offset(options.offset ?? 0);
  if (options.submittedBefore !== undefined) query = query.where('p.submitted_at', '<', options.submittedBefore);
  return (await query.execute()).map(toQueued);
}

export async function countAwaitingReview(db: Db, submittedBefore?: string): Promise<number> {
  let query = db
    .selectFrom('petitions')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('status', '<>', 'draft')
    .where('moderation_state', 'in', [...AWAITING_REVIEW_STATES]);
  if (submittedBefore !== undefined) query = query.where('submitted_at', '<', submittedBefore);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

export async function findQueuedPetitions(db: Db, ids: readonly number[]): Promise<QueuedPetition[]> {
  if (ids.length === 0) return [];
  return (
    await queueQuery(db)
      .where('p.id', 'in', [...ids])
      .execute()
  ).map(toQueued);
}

export interface ReviewChange {
  from: readonly ModerationState[];
  to: ModerationState;
  reason: string | null;
  note: string | null;
  by: number;
  now: Date;
}

/** Approve or reject: false when the petition was not in one of `from` (someone else decided first). */
export async function recordReview(db: Db, petitionId: number, change: ReviewChange): Promise<boolean> {
  const at = change.now.toISOString();
  const result = await db
    .updateTable('petitions')
    .set({
      moderation_state: change.to,
      reviewed_at: at,
      reviewed_by: change.by,
      review_reason: change.reason,
      review_note: change.note,
      updated_at: at,
    })
    .where('id', '=', petitionId)
    .where('status', '<>', 'draft')
    .where('moderation_state', 'in', [...change.from])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Closes an approved petition whose signers' personal data retention already erased: it is public as
 * a record (the count stays), not open for signing, since new signers would never be erased again and
 * the erased ones cannot be delivered. Reopening is the organizer's choice (it clears the erasure mark).
 * True when it was open and is now closed.
 */
export async function closeErasedPetition(db: Db, petitionId: number, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const result = await db
    .updateTable('petitions')
    .set({ status: 'closed', closed_at: at, updated_at: at })
    .where('id', '=', petitionId)
    .where('status', '=', 'open')
    .where('personal_data_erased_at', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** When retention erased the petition's signers' personal data, or null. */
/** Whether the petition can be signed now, by its status and closing date (the moderation state aside). */
export async function acceptsSignatures(db: Db, petitionId: number, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom('petitions')
    .select(['status', 'closes_at'])
    .where('id', '=', petitionId)
    .executeTakeFirst();
  if (row === undefined || !(SIGNABLE_STATES as readonly string[]).includes(row.status)) return false;
  return row.closes_at === null || new Date(row.closes_at) > now;
}

export async function personalDataErasedAt(db: Db, petitionId: number): Promise<string | null> {
  const row = await db
    .selectFrom('petitions')
    .select('personal_data_erased_at')
    .where('id', '=', petitionId)
    .executeTakeFirst();
  return row?.personal_data_erased_at ?? null;
}

/** Takes a public petition down; false when it was already hidden or is not published. */
export async function hidePetition(
  db: Db,
  petitionId: number,
  reason: string,
  note: string | null,
  now: Date,
): Promise<boolean> {
  const at = now.toISOString();
  const result = await db
    .updateTable('petitions')
    .set({ hidden_at: at, hidden_reason: reason, hidden_note: note, updated_at: at })
    .where('id', '=', petitionId)
    .where('status', '<>', 'draft')
    .where('hidden_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Puts a hidden petition back; false when it was not hidden. The reason stays recorded in the audit log. */
export async function restorePetition(db: Db, petitionId: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('petitions')
    .set({ hidden_at: null, hidden_reason: null, hidden_note: null, updated_at: now.toISOString() })
    .where('id', '=', petitionId)
    .where('hidden_at', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Where to write to the organizer about a decision, and in which language (their account's, else the petition's). */
export async function organizerContact(
  db: Db,
  petitionId: number,
): Promise<{ email: string; locale: string } | undefined> {
  const row = await db
    .selectFrom('petitions as p')
    .leftJoin('users as u', 'u.id', 'p.owner_id')
    .select(['u.email as user_email', 'u.locale as user_locale', 'p.organizer_email', 'p.default_locale'])
    .where('p.id', '=', petitionId)
    .executeTakeFirst();
  const email = row?.user_email ?? row?.organizer_email ?? null;
  if (row === undefined || email === null) return undefined;
  return { email, locale: row.user_locale ?? row.default_locale };
}
