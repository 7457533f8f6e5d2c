// What organizers do to a petition they manage: start it, save an edit, publish it, resubmit it after a
// rejection, close and reopen it, declare victory. Each change runs in one transaction with its audit row,
// and the public pages and the petition directory are cleared after it commits.
import type { EventEmitter } from '../platform/events.js';
import type { PetitionEvents } from './events.js';
import type { User } from '../accounts/user.js';
import { recordAudit } from '../platform/audit/audit-store.js';
import { isUniqueViolation, type Db } from '../platform/db/connect.js';
import type { Locale } from '../platform/i18n/translator.js';
import { enterReview, resubmitRejected, returnToReviewAfterEdit } from './review-entry.js';
import type { SettingsReader } from '../settings/instance-settings.js';
import type { ModerationState, Petition, PetitionState } from './petition.js';
import { forgetPublicPages, type PetitionDirectory } from './petition-directory.js';
import { claimClosingAnnouncement } from './closing-announcements.js';
import {
  changeStatus,
  createDraft,
  declareVictory,
  hasSignatures,
  updatePetition,
  type VictoryMessage,
} from './petition-editor-store.js';
import { publishErrors, type FormErrors, type PetitionDraft } from './petition-form.js';

export interface LifecycleDeps {
  db: Db;
  now: () => Date;
  settings: SettingsReader;
  petitions: PetitionDirectory;
  /** The shared cache of rendered public pages and JSON. */
  responses: { clear(): void };
  /** Told of a closing and a victory, inside their transactions. */
  events: EventEmitter<PetitionEvents>;
}

async function audit(trx: Db, deps: LifecycleDeps, actor: User, action: string, petitionId: number): Promise<void> {
  await recordAudit(trx, { actorId: actor.id, action, petitionId, details: {}, now: deps.now() });
}

/** A new draft owned by `actor`; 'slug_taken' when another petition took the address first. */
export async function startPetition(
  deps: LifecycleDeps,
  actor: User,
  draft: PetitionDraft,
  slug: string,
): Promise<{ kind: 'created'; id: number } | { kind: 'slug_taken' }> {
  try {
    const id = await createDraft(deps.db, draft, slug, {
      userId: actor.id,
      name: actor.name,
      email: actor.email,
      now: deps.now(),
    });
    return { kind: 'created', id };
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return { kind: 'slug_taken' };
  }
}

/**
 * Saves an edit with its revision. A published petition that has signatures says it was edited; a
 * moderator's approval covers the text they read, so an organizer's edit sends it back to the queue
 * (still public).
 */
export async function savePetitionEdit(
  deps: LifecycleDeps,
  actor: User,
  petition: Petition,
  draft: PetitionDraft,
  slug: string,
): Promise<'saved' | 'slug_taken'> {
  const now = deps.now();
  const signed = await hasSignatures(deps.db, petition.id);
  const markEdited = petition.status !== 'draft' && signed;
  // Signatures are matched to their districts as they arrive: once anyone has signed, the chambers stay.
  const kept: PetitionDraft = signed
    ? { ...draft, seatTargets: petition.seatTargets.map(({ bodyId, chamber }) => ({ bodyId, chamber })) }
    : draft;
  try {
    await deps.db.transaction().execute(async (trx) => {
      await updatePetition(
        trx,
        petition.id,
        kept,
        { slug, status: petition.status, markEdited },
        { userId: actor.id, now },
      );
      await returnToReviewAfterEdit(trx, petition.id, actor, now);
      await audit(trx, deps, actor, 'petition.edit', petition.id);
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return 'slug_taken';
  }
  forgetPublicPages(deps);
  return 'saved';
}

export type PublishOutcome =
  /** A draft missing something publishing needs: the form's fields, with what is wrong. */
  | { kind: 'not_ready'; errors: FormErrors }
  /** Published now, or before: the review state it is in. */
  | { kind: 'published'; moderation: ModerationState };

/** Draft → open, entering review in the state the instance's moderation mode and the publisher decide. */
export async function publishPetition(deps: LifecycleDeps, actor: User, petition: Petition): Promise<PublishOutcome> {
  if (petition.status !== 'draft') return { kind: 'published', moderation: petition.moderation };
  const errors = publishErrors(petition, deps.now().toISOString().slice(0, 10));
  if (Object.keys(errors).length > 0) return { kind: 'not_ready', errors };
  const { moderationMode } = await deps.settings.current();
  const moderation = await deps.db.transaction().execute(async (trx) => {
    const entered = await enterReview(trx, petition, actor, moderationMode, deps.now());
    if (entered === undefined) return undefined;
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'petition.publish',
      petitionId: petition.id,
      details: { moderation: entered },
      now: deps.now(),
    });
    return entered;
  });
  if (moderation === undefined) return { kind: 'published', moderation: petition.moderation }; // published meanwhile
  forgetPublicPages(deps);
  return { kind: 'published', moderation };
}

/** A rejected petition, edited by its organizer, goes back to the queue; false when it was not rejected. */
export async function resubmitPetition(deps: LifecycleDeps, actor: User, petition: Petition): Promise<boolean> {
  const resubmitted = await deps.db.transaction().execute(async (trx) => {
    if (!(await resubmitRejected(trx, petition.id, deps.now()))) return false;
    await audit(trx, deps, actor, 'petition.resubmit', petition.id);
    return true;
  });
  if (resubmitted) forgetPublicPages(deps);
  return resubmitted;
}

async function moveStatus(
  deps: LifecycleDeps,
  actor: User,
  petition: Petition,
  from: PetitionState,
  to: PetitionState,
  action: string,
  announce?: 'petition.closed',
): Promise<boolean> {
  const moved = await deps.db.transaction().execute(async (trx) => {
    const now = deps.now();
    if (!(await changeStatus(trx, petition.id, [from], to, now))) return false;
    await audit(trx, deps, actor, action, petition.id);
    // A closing date that passed was announced by its job already: a close after it is not announced again.
    if (announce !== undefined && (await claimClosingAnnouncement(trx, petition.id, now)))
      await deps.events.emit(announce, { petitionId: petition.id, now: now.toISOString() }, trx);
    return true;
  });
  if (moved) forgetPublicPages(deps);
  return moved;
}

/** Open → closed; closing starts the retention clock, so who closed it and when is kept. False when not open. */
export function closePetition(deps: LifecycleDeps, actor: User, petition: Petition): Promise<boolean> {
  return moveStatus(deps, actor, petition, 'open', 'closed', 'petition.close', 'petition.closed');
}

/** Closed → open; false when it was not closed. */
export function reopenPetition(deps: LifecycleDeps, actor: User, petition: Petition): Promise<boolean> {
  return moveStatus(deps, actor, petition, 'closed', 'open', 'petition.reopen');
}

/**
 * Declares victory: the banner's date, and an update in each of the petition's languages, emailed to
 * opted-in confirmed signers by the updates job. False when victory was already declared.
 */
export async function declarePetitionVictory(
  deps: LifecycleDeps,
  actor: User,
  petition: Petition,
  messages: Partial<Record<Locale, VictoryMessage>>,
): Promise<boolean> {
  const declared = await deps.db.transaction().execute(async (trx) => {
    if (!(await declareVictory(trx, petition.id, messages, { userId: actor.id, now: deps.now() }))) return false;
    await audit(trx, deps, actor, 'petition.victory', petition.id);
    await deps.events.emit('petition.won', { petitionId: petition.id, now: deps.now().toISOString() }, trx);
    return true;
  });
  if (declared) forgetPublicPages(deps);
  return declared;
}
