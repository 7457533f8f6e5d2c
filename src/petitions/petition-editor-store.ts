// Writes of the petition editor: drafts, edits (each with a revision), publishing, closing, reopening, victory.
import type { Db } from '../platform/db/connect.js';
import type { Locale } from '../platform/i18n/translator.js';
import type { ModerationState, PetitionState, PetitionText, Target } from './petition.js';
import { closesAtFor, type PetitionDraft } from './petition-form.js';
import { translationRow, updateTextRow } from './rendered-texts.js';
import { writeTargets } from './petition-store.js';

export interface PetitionWriter {
  userId: number;
  now: Date;
}

export async function slugInUse(db: Db, slug: string, exceptId?: number): Promise<boolean> {
  let query = db.selectFrom('petitions').select('id').where('slug', '=', slug);
  if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** Any signature at all, pending ones too: someone signed the text as it was. */
export async function hasSignatures(db: Db, petitionId: number): Promise<boolean> {
  const row = await db
    .selectFrom('signatures')
    .select('id')
    .where('petition_id', '=', petitionId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

function snapshot(draft: PetitionDraft, slug: string, status: PetitionState): string {
  return JSON.stringify({
    slug,
    status,
    defaultLocale: draft.defaultLocale,
    country: draft.country,
    deliveryMethod: draft.deliveryMethod,
    requiresVerification: draft.requiresVerification,
    closesOn: draft.closesOn,
    texts: draft.texts,
    targets: draft.targets,
    seatTargets: draft.seatTargets,
  });
}

async function writeTextsAndTargets(
  trx: Db,
  petitionId: number,
  texts: Partial<Record<Locale, PetitionText>>,
  targets: Target[],
  seatTargets: PetitionDraft['seatTargets'],
): Promise<void> {
  await trx.deleteFrom('petition_translations').where('petition_id', '=', petitionId).execute();
  const oldTargets = trx.selectFrom('petition_targets').select('id').where('petition_id', '=', petitionId);
  await trx.deleteFrom('petition_target_names').where('target_id', 'in', oldTargets).execute();
  await trx.deleteFrom('petition_targets').where('petition_id', '=', petitionId).execute();
  await trx.deleteFrom('petition_seat_targets').where('petition_id', '=', petitionId).execute();
  for (const [locale, text] of Object.entries(texts)) {
    if (text === undefined) continue;
    await trx
      .insertInto('petition_translations')
      .values(translationRow(petitionId, locale, text))
      .execute();
  }
  await writeTargets(trx, petitionId, targets, seatTargets);
}

async function insertRevision(trx: Db, petitionId: number, by: PetitionWriter, json: string): Promise<void> {
  await trx
    .insertInto('petition_revisions')
    .values({ petition_id: petitionId, user_id: by.userId, created_at: by.now.toISOString(), snapshot: json })
    .execute();
}

/** A new draft owned by the writer, with its first revision. */
export async function createDraft(
  db: Db,
  draft: PetitionDraft,
  slug: string,
  by: PetitionWriter & { name: string | null; email: string },
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const at = by.now.toISOString();
    const { id } = await trx
      .insertInto('petitions')
      .values({
        slug,
        status: 'draft',
        default_locale: draft.defaultLocale,
        country: draft.country,
        delivery_method: draft.deliveryMethod,
        created_at: at,
        updated_at: at,
        published_at: null,
        closes_at: draft.closesOn === null ? null : closesAtFor(draft.closesOn),
        requires_verification: draft.requiresVerification ? 1 : 0,
        organizer_name: by.name,
        organizer_email: by.email,
        owner_id: by.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeTextsAndTargets(trx, id, draft.texts, draft.targets, draft.seatTargets);
    await insertRevision(trx, id, by, snapshot(draft, slug, 'draft'));
    return id;
  });
}

/** Saves an edit and its revision, in the caller's transaction; `markEdited` when the public page should say it was edited. */
export async function updatePetition(
  trx: Db,
  petitionId: number,
  draft: PetitionDraft,
  options: { slug: string; status: PetitionState; markEdited: boolean },
  by: PetitionWriter,
): Promise<void> {
  {
    const at = by.now.toISOString();
    const closesAt = draft.closesOn === null ? null : closesAtFor(draft.closesOn);
    await trx
      .updateTable('petitions')
      .set({
        slug: options.slug,
        default_locale: draft.defaultLocale,
        country: draft.country,
        delivery_method: draft.deliveryMethod,
        requires_verification: draft.requiresVerification ? 1 : 0,
        closes_at: closesAt,
        updated_at: at,
        // A closing date moved on (or taken away) while it is open: the petition's next closing is announced.
        ...(options.status === 'open' && (closesAt === null || closesAt > at) ? { closing_announced_at: null } : {}),
        ...(options.markEdited ? { edited_at: at } : {}),
      })
      .where('id', '=', petitionId)
      .execute();
    await writeTextsAndTargets(trx, petitionId, draft.texts, draft.targets, draft.seatTargets);
    await insertRevision(trx, petitionId, by, snapshot(draft, options.slug, options.status));
  }
}

/** Moves the petition from one of `from` to `to`; false when it was in none of them (nothing changes). */
export async function changeStatus(
  db: Db,
  petitionId: number,
  from: readonly PetitionState[],
  to: PetitionState,
  now: Date,
): Promise<boolean> {
  const at = now.toISOString();
  const result = await db
    .updateTable('petitions')
    .set({
      status: to,
      updated_at: at,
      ...(from.includes('draft') && to === 'open' ? { published_at: at } : {}),
      // Retention counts from the closing; a reopened petition takes new signers, whose data a later closing erases.
      ...(to === 'closed' ? { closed_at: at } : {}),
      // Open again: its next closing is announced too.
      ...(from.includes('closed') && to === 'open'
        ? { closed_at: null, personal_data_erased_at: null, closing_announced_at: null }
        : {}),
    })
    .where('id', '=', petitionId)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface VictoryMessage {
  title: string;
  body: string;
}

/**
 * Declares victory: the banner's date, and an update to be emailed to opted-in, confirmed signers
 * (the updates job sends it), in the caller's transaction. False when victory was already declared.
 */
export async function declareVictory(
  trx: Db,
  petitionId: number,
  messages: Partial<Record<Locale, VictoryMessage>>,
  by: PetitionWriter,
): Promise<boolean> {
  {
    const at = by.now.toISOString();
    const result = await trx
      .updateTable('petitions')
      .set({ victory_at: at, updated_at: at })
      .where('id', '=', petitionId)
      .where('victory_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    const { id } = await trx
      .insertInto('petition_updates')
      .values({ petition_id: petitionId, author_id: by.userId, created_at: at, email_signers: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [locale, message] of Object.entries(messages)) {
      if (message === undefined) continue;
      await trx
        .insertInto('petition_update_texts')
        .values(updateTextRow(id, locale, message.title, message.body))
        .execute();
    }
    return true;
  }
}

export interface RevisionSummary {
  id: number;
  createdAt: string;
  by: string | null;
}

export async function listRevisions(db: Db, petitionId: number, limit = 50): Promise<RevisionSummary[]> {
  const rows = await db
    .selectFrom('petition_revisions as r')
    .leftJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.id', 'r.created_at', 'u.name', 'u.email'])
    .where('r.petition_id', '=', petitionId)
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, createdAt: r.created_at, by: r.name ?? r.email ?? null }));
}

export interface PetitionListing {
  id: number;
  slug: string;
  status: PetitionState;
  title: string;
  createdAt: string;
  victoryAt: string | null;
  /** Where moderators stand on it: the organizer's list explains a held, rejected or hidden petition. */
  moderation: ModerationState;
  reviewReason: string | null;
  reviewNote: string | null;
  hiddenAt: string | null;
  hiddenReason: string | null;
  hiddenNote: string | null;
}

/** One page of the ids of the petitions `ownerId` owns (every petition for null), newest first, and how many. */
export async function pageManagedPetitionIds(
  db: Db,
  ownerId: number | null,
  page: { limit: number; offset: number },
): Promise<{ ids: number[]; total: number }> {
  const owned = () => {
    const query = db.selectFrom('petitions');
    return ownerId === null ? query : query.where('owner_id', '=', ownerId);
  };
  const [rows, count] = await Promise.all([
    owned().select('id').orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute(),
    owned()
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { ids: rows.map((r) => r.id), total: Number(count.n) };
}

/**
 * The petitions a user owns (all of them when `ownerId` is null) and those with the ids `alsoIds` (the teams they
 * are on), newest first.
 */
export async function listManagedPetitions(
  db: Db,
  ownerId: number | null,
  alsoIds: readonly number[] = [],
  limit = 200,
): Promise<PetitionListing[]> {
  let query = db
    .selectFrom('petitions as p')
    .leftJoin('petition_translations as t', (join) =>
      join.onRef('t.petition_id', '=', 'p.id').onRef('t.locale', '=', 'p.default_locale'),
    )
    .select([
      'p.id',
      'p.slug',
      'p.status',
      'p.created_at',
      'p.victory_at',
      't.title',
      'p.moderation_state',
      'p.review_reason',
      'p.review_note',
      'p.hidden_at',
      'p.hidden_reason',
      'p.hidden_note',
    ])
    .orderBy('p.id', 'desc')
    .limit(limit);
  if (ownerId !== null)
    query = query.where((eb) =>
      alsoIds.length === 0
        ? eb('p.owner_id', '=', ownerId)
        : eb.or([eb('p.owner_id', '=', ownerId), eb('p.id', 'in', [...alsoIds])]),
    );
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    // Only ever written from PETITION_STATES.
    status: r.status as PetitionState,
    title: r.title ?? r.slug,
    createdAt: r.created_at,
    victoryAt: r.victory_at,
    // Only ever written from MODERATION_STATES.
    moderation: r.moderation_state as ModerationState,
    reviewReason: r.review_reason,
    reviewNote: r.review_note,
    hiddenAt: r.hidden_at,
    hiddenReason: r.hidden_reason,
    hiddenNote: r.hidden_note,
  }));
}
