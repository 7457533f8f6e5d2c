// Queries for petitions, their translations and targets; rows become Petition values here, once.
import type { Selectable } from 'kysely';
import type { Db } from '../platform/db/connect.js';
import type { PetitionTable } from '../platform/db/schema.js';
import type { Locale } from '../platform/i18n/translator.js';
import { translationRow } from './rendered-texts.js';
import { indexPetitionForSearch } from './petition-search.js';
import {
  DELIVERY_METHODS,
  MODERATION_STATES,
  PETITION_STATES,
  PUBLIC_MODERATION_STATES,
  type ModerationState,
  type DeliveryMethod,
  type Petition,
  type PetitionState,
  type PetitionPicture,
  type PetitionText,
  type SeatTarget,
  type Target,
} from './petition.js';
import { CHAMBERS, isChamber } from '../targets/directory.js';

export interface NewPetition {
  slug: string;
  status: PetitionState;
  defaultLocale: Locale;
  country: string;
  deliveryMethod: DeliveryMethod;
  texts: Partial<Record<Locale, PetitionText>>;
  targets: Target[];
  /** The chambers of directory bodies the petition goes to, each signer's own member (by body id). */
  seatTargets?: { bodyId: number; chamber: string }[];
  now: string;
  closesAt?: string | null;
  requiresVerification?: boolean;
  milestoneEmailsToSigners?: boolean;
  organizer?: { name: string | null; email: string | null };
  ownerId?: number | null;
}

function asState(value: string): PetitionState {
  return (PETITION_STATES as readonly string[]).includes(value) ? (value as PetitionState) : 'draft'; // checked just above
}

function asModerationState(value: string): ModerationState {
  // An unknown value is never public: treated as held.
  return (MODERATION_STATES as readonly string[]).includes(value) ? (value as ModerationState) : 'held'; // checked just above
}

function asDeliveryMethod(value: string): DeliveryMethod {
  return (DELIVERY_METHODS as readonly string[]).includes(value) ? (value as DeliveryMethod) : 'other'; // checked just above
}

export async function insertPetition(db: Db, p: NewPetition): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('petitions')
      .values({
        slug: p.slug,
        status: p.status,
        default_locale: p.defaultLocale,
        country: p.country,
        delivery_method: p.deliveryMethod,
        created_at: p.now,
        updated_at: p.now,
        published_at: p.status === 'draft' ? null : p.now,
        closes_at: p.closesAt ?? null,
        requires_verification: p.requiresVerification === false ? 0 : 1,
        milestone_emails_to_signers: p.milestoneEmailsToSigners === true ? 1 : 0,
        organizer_name: p.organizer?.name ?? null,
        organizer_email: p.organizer?.email ?? null,
        owner_id: p.ownerId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [locale, text] of Object.entries(p.texts)) {
      if (text === undefined) continue;
      await trx
        .insertInto('petition_translations')
        .values(translationRow(id, locale, text))
        .execute();
    }
    await writeTargets(trx, id, p.targets, p.seatTargets ?? []);
    return id;
  });
}

/** Writes a petition's named targets and the chambers it targets (after the old ones were deleted and its texts written). */
export async function writeTargets(
  trx: Db,
  petitionId: number,
  targets: Target[],
  seatTargets: readonly { bodyId: number; chamber: string }[],
): Promise<void> {
  for (const [position, target] of targets.entries()) {
    const row = await trx
      .insertInto('petition_targets')
      .values({ petition_id: petitionId, position })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [locale, name] of Object.entries(target.names)) {
      if (name === undefined) continue;
      await trx.insertInto('petition_target_names').values({ target_id: row.id, locale, name }).execute();
    }
  }
  if (seatTargets.length > 0)
    await trx
      .insertInto('petition_seat_targets')
      .values(seatTargets.map((s) => ({ petition_id: petitionId, body_id: s.bodyId, chamber: s.chamber })))
      .execute();
  // Texts and targets are written: the search finds the petition by what they say now.
  await indexPetitionForSearch(trx, petitionId);
}

/** The chambers each petition targets, with their body's slug and names, by petition id. */
async function loadSeatTargets(db: Db, ids: number[]): Promise<Map<number, SeatTarget[]>> {
  const rows = await db
    .selectFrom('petition_seat_targets as s')
    .innerJoin('target_bodies as b', 'b.id', 's.body_id')
    .leftJoin('target_body_names as n', 'n.body_id', 'b.id')
    .select(['s.petition_id', 's.body_id', 's.chamber', 'b.slug', 'b.sample', 'n.locale', 'n.name'])
    .where('s.petition_id', 'in', ids)
    .execute();
  const byPetition = new Map<number, SeatTarget[]>();
  for (const row of rows) {
    if (!isChamber(row.chamber)) continue;
    const list = byPetition.get(row.petition_id) ?? [];
    let target = list.find((t) => t.bodyId === row.body_id && t.chamber === row.chamber);
    if (target === undefined) {
      target = {
        bodyId: row.body_id,
        bodySlug: row.slug,
        bodyNames: {},
        sample: row.sample === 1,
        chamber: row.chamber,
      };
      list.push(target);
    }
    if (row.locale !== null && row.name !== null) target.bodyNames[row.locale] = row.name;
    byPetition.set(row.petition_id, list);
  }
  for (const list of byPetition.values())
    list.sort((a, b) => a.bodyId - b.bodyId || CHAMBERS.indexOf(a.chamber) - CHAMBERS.indexOf(b.chamber));
  return byPetition;
}

async function loadPictures(db: Db, ids: number[]): Promise<Map<number, PetitionPicture>> {
  const [rows, files] = await Promise.all([
    db.selectFrom('petition_pictures').selectAll().where('petition_id', 'in', ids).execute(),
    db
      .selectFrom('petition_picture_files')
      .select(['petition_id', 'format', 'width', 'height'])
      .where('petition_id', 'in', ids)
      .orderBy('width')
      .execute(),
  ]);
  const byPetition = new Map<number, PetitionPicture>();
  for (const row of rows)
    byPetition.set(row.petition_id, {
      version: row.version,
      width: row.width,
      height: row.height,
      focusX: Number(row.focus_x),
      focusY: Number(row.focus_y),
      alts: JSON.parse(row.alt_texts) as Record<string, string>,
      hidden: row.hidden_at !== null,
      files: files
        .filter((f) => f.petition_id === row.petition_id && (f.format === 'webp' || f.format === 'jpeg'))
        .map((f) => ({ format: f.format as 'webp' | 'jpeg', width: f.width, height: f.height })),
    });
  return byPetition;
}

async function loadPetitions(db: Db, rows: Selectable<PetitionTable>[]): Promise<Petition[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [translations, targets, seatTargets, pictures] = await Promise.all([
    db.selectFrom('petition_translations').selectAll().where('petition_id', 'in', ids).execute(),
    db
      .selectFrom('petition_targets as t')
      .innerJoin('petition_target_names as n', 'n.target_id', 't.id')
      .select(['t.id', 't.petition_id', 't.position', 'n.locale', 'n.name'])
      .where('t.petition_id', 'in', ids)
      .orderBy('t.position')
      .execute(),
    loadSeatTargets(db, ids),
    loadPictures(db, ids),
  ]);
  return rows.map((row) => {
    // A petition keeps its texts whatever the site speaks now (a site that stops speaking a language still
    // shows petitions written in it, in that language); the pages link only the site's languages.
    const defaultLocale = row.default_locale;
    const texts: Partial<Record<Locale, PetitionText>> = {};
    for (const t of translations.filter((t) => t.petition_id === row.id)) {
      texts[t.locale] = {
        title: t.title,
        statement: t.statement,
        why: t.why,
        deliveryDetails: t.delivery_details,
        html: { statement: t.statement_html, why: t.why_html, deliveryDetails: t.delivery_details_html },
      };
    }
    const byTarget = new Map<number, Target>();
    for (const t of targets.filter((t) => t.petition_id === row.id)) {
      const target = byTarget.get(t.id) ?? { names: {} };
      target.names[t.locale] = t.name;
      byTarget.set(t.id, target);
    }
    const others = Object.keys(texts)
      .filter((l) => l !== defaultLocale)
      .sort();
    return {
      id: row.id,
      slug: row.slug,
      status: asState(row.status),
      defaultLocale,
      locales: texts[defaultLocale] === undefined ? others : [defaultLocale, ...others],
      country: row.country,
      deliveryMethod: asDeliveryMethod(row.delivery_method),
      texts,
      targets: [...byTarget.values()],
      seatTargets: seatTargets.get(row.id) ?? [],
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      publishedAt: row.published_at,
      closesAt: row.closes_at,
      requiresVerification: row.requires_verification !== 0,
      milestoneEmailsToSigners: row.milestone_emails_to_signers === 1,
      organizer: { name: row.organizer_name, email: row.organizer_email },
      ownerId: row.owner_id,
      victoryAt: row.victory_at,
      editedAt: row.edited_at,
      moderation: asModerationState(row.moderation_state),
      submittedAt: row.submitted_at,
      reviewReason: row.review_reason,
      reviewNote: row.review_note,
      hiddenAt: row.hidden_at,
      hiddenReason: row.hidden_reason,
      hiddenNote: row.hidden_note,
      picture: pictures.get(row.id) ?? null,
    };
  });
}

export async function findPetitionBySlug(db: Db, slug: string): Promise<Petition | undefined> {
  const rows = await db.selectFrom('petitions').selectAll().where('slug', '=', slug).execute();
  const [petition] = await loadPetitions(db, rows);
  return petition;
}

export async function findPetitionById(db: Db, id: number): Promise<Petition | undefined> {
  const rows = await db.selectFrom('petitions').selectAll().where('id', '=', id).execute();
  const [petition] = await loadPetitions(db, rows);
  return petition;
}

/** The petitions of `ids` that exist, in the order of `ids` (three queries for all of them). */
export async function findPetitionsByIds(db: Db, ids: readonly number[]): Promise<Petition[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('petitions')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
  const byId = new Map((await loadPetitions(db, rows)).map((p) => [p.id, p]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Open petitions the public may see (not held, rejected or hidden by moderators), newest first. */
export async function listOpenPetitions(db: Db, limit = 50): Promise<Petition[]> {
  const rows = await db
    .selectFrom('petitions')
    .selectAll()
    .where('status', '=', 'open')
    .where('moderation_state', 'in', [...PUBLIC_MODERATION_STATES])
    .where('hidden_at', 'is', null)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return loadPetitions(db, rows);
}
