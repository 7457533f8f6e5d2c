// What moderators decide about a petition (approve, reject, hide, restore); the review state a newly
// published petition starts in is the petition's own (petitions/review-entry.ts). Each decision changes the petition, writes its audit row and queues the
// organizer's email in one transaction.
import type { User } from '../accounts/user.js';
import type { Db } from '../platform/db/connect.js';
import { isLocale, type Locale } from '../platform/i18n/translator.js';
import { enqueueMail } from '../platform/outbox/outbox-store.js';
import { recordAudit } from '../platform/audit/audit-store.js';
import type { ModerationOutcome } from './outcome-mail.js';
import { reasonLabel, type ModerationReason } from './reasons-store.js';
import {
  acceptsSignatures,
  closeErasedPetition,
  hidePetition,
  organizerContact,
  personalDataErasedAt,
  recordReview,
  restorePetition,
} from './review-store.js';
import { forgetPublicPages, type PublicCaches } from '../petitions/petition-directory.js';
import { claimClosingAnnouncement } from '../petitions/closing-announcements.js';
import type { PetitionEvents } from '../petitions/events.js';
import type { EventEmitter } from '../platform/events.js';

export const DECISIONS = ['approve', 'reject', 'hide', 'restore'] as const;
export type Decision = (typeof DECISIONS)[number];

const OUTCOMES: Record<Decision, ModerationOutcome> = {
  approve: 'approved',
  reject: 'rejected',
  hide: 'hidden',
  restore: 'restored',
};

export interface DecisionInput {
  decision: Decision;
  /** A reason code (reject and hide), null otherwise. */
  reason: string | null;
  note: string | null;
}

/** `erased`: the petition was approved after retention erased its signers' data, so it is public but closed. */
export type DecisionResult = { kind: 'done'; erased: boolean } | { kind: 'unchanged' };

/** The public caches are cleared after a decision: pages show the petition as it is now. */
export interface DecisionDeps extends PublicCaches {
  db: Db;
  now: () => Date;
  /** Approving a petition whose signers retention erased closes it: that closing is announced. */
  events: EventEmitter<PetitionEvents>;
}

/** What the decision did, or undefined when it did not apply (someone else decided first). */
async function apply(
  trx: Db,
  petitionId: number,
  input: DecisionInput,
  actor: User,
  now: Date,
  events: EventEmitter<PetitionEvents>,
): Promise<{ outcome: ModerationOutcome; erasedAt: string | null } | undefined> {
  const done = (applied: boolean) => (applied ? { outcome: OUTCOMES[input.decision], erasedAt: null } : undefined);
  switch (input.decision) {
    case 'approve': {
      // A rejected petition can be approved on second thought; an approved one stays as it is.
      const approved = await recordReview(trx, petitionId, {
        from: ['held', 'unreviewed', 'rejected'],
        to: 'approved',
        reason: null,
        note: input.note,
        by: actor.id,
        now,
      });
      if (!approved) return undefined;
      // Retention erased its signers (e.g. months after a rejection): public as a record, closed, not open for signing.
      const erasedAt = await personalDataErasedAt(trx, petitionId);
      if (erasedAt === null)
        return (await acceptsSignatures(trx, petitionId, now))
          ? done(true)
          : { outcome: 'approved_closed', erasedAt: null };
      if ((await closeErasedPetition(trx, petitionId, now)) && (await claimClosingAnnouncement(trx, petitionId, now)))
        await events.emit('petition.closed', { petitionId, now: now.toISOString() }, trx);
      return { outcome: 'approved_erased', erasedAt };
    }
    case 'reject':
      return done(
        await recordReview(trx, petitionId, {
          from: ['held', 'unreviewed'],
          to: 'rejected',
          reason: input.reason,
          note: input.note,
          by: actor.id,
          now,
        }),
      );
    case 'hide':
      return done(await hidePetition(trx, petitionId, input.reason ?? 'other', input.note, now));
    case 'restore': {
      if (!(await restorePetition(trx, petitionId, now))) return undefined;
      return (await acceptsSignatures(trx, petitionId, now))
        ? done(true)
        : { outcome: 'restored_closed', erasedAt: null };
    }
  }
}

export async function decide(
  deps: DecisionDeps,
  petitionId: number,
  input: DecisionInput,
  actor: User,
  reasons: readonly ModerationReason[],
): Promise<DecisionResult> {
  const now = deps.now();
  const result = await deps.db.transaction().execute(async (trx) => {
    const applied = await apply(trx, petitionId, input, actor, now, deps.events);
    if (applied === undefined) return { kind: 'unchanged' } as const;
    await recordAudit(trx, {
      actorId: actor.id,
      action: `petition.${input.decision}`,
      petitionId,
      details: {
        ...(input.reason === null ? {} : { reason: input.reason }),
        ...(input.note === null ? {} : { note: input.note }),
        ...(applied.erasedAt === null ? {} : { personalDataErasedAt: applied.erasedAt, published: 'closed' }),
      },
      now,
    });
    const contact = await organizerContact(trx, petitionId);
    if (contact !== undefined) {
      const locale: Locale = isLocale(contact.locale) ? contact.locale : 'en';
      await enqueueMail(trx, {
        kind: 'moderation_outcome',
        petitionId,
        signatureId: null,
        recipient: contact.email,
        locale,
        payload: {
          outcome: applied.outcome,
          reason: reasonLabel(reasons, input.reason, locale),
          note: input.note ?? '',
        },
        now: now.toISOString(),
      });
    }
    return { kind: 'done', erased: applied.erasedAt !== null } as const;
  });
  if (result.kind === 'done') forgetPublicPages(deps);
  return result;
}
