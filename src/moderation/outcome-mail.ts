// The email telling an organizer what a moderator decided about their petition, in the organizer's language.
import type { Translator } from '../platform/i18n/translator.js';

/**
 * 'approved_erased': approved after retention erased its signers' data, so published closed (review-petition.ts).
 * 'approved_closed': approved when it could no longer be signed (its closing date passed while it waited).
 * 'restored_closed': restored when it can no longer be signed (closed, or its closing date passed).
 */
export const MODERATION_OUTCOMES = [
  'approved',
  'approved_closed',
  'approved_erased',
  'rejected',
  'hidden',
  'restored',
  'restored_closed',
] as const;
export type ModerationOutcome = (typeof MODERATION_OUTCOMES)[number];

export function isModerationOutcome(value: unknown): value is ModerationOutcome {
  return typeof value === 'string' && (MODERATION_OUTCOMES as readonly string[]).includes(value);
}

export interface OutcomeMail {
  outcome: ModerationOutcome;
  /** The reason's label in the organizer's language ('' for approvals and restorations). */
  reason: string;
  note: string;
  /** The organizer's page for the petition (the public page may not exist). */
  manageUrl: string;
}

export interface OutcomeMailParts {
  subject: string;
  paragraphs: string[];
  action: { label: string; url: string };
  after: string[];
}

export function outcomeMailParts(
  t: Translator,
  title: string,
  petitionUrl: string,
  mail: OutcomeMail,
): OutcomeMailParts {
  const why = [
    ...(mail.reason === '' ? [] : [t.t('moderation.mail.reason', { reason: mail.reason })]),
    ...(mail.note === '' ? [] : [t.t('moderation.mail.note', { note: mail.note })]),
  ];
  const manage = { label: t.t('moderation.mail.manage'), url: mail.manageUrl };
  const view = { label: t.t('mail.viewPetition'), url: petitionUrl };
  switch (mail.outcome) {
    case 'approved':
      return {
        subject: t.t('moderation.mail.approved.subject', { title }),
        paragraphs: [t.t('moderation.mail.approved.intro', { title }), ...why],
        action: view,
        after: [],
      };
    case 'approved_closed':
      return {
        subject: t.t('moderation.mail.approved.subject', { title }),
        paragraphs: [t.t('moderation.mail.approvedClosed.intro', { title }), ...why],
        action: manage,
        after: [],
      };
    case 'approved_erased':
      return {
        subject: t.t('moderation.mail.approvedErased.subject', { title }),
        paragraphs: [t.t('moderation.mail.approvedErased.intro', { title }), ...why],
        action: manage,
        after: [],
      };
    case 'rejected':
      return {
        subject: t.t('moderation.mail.rejected.subject', { title }),
        paragraphs: [t.t('moderation.mail.rejected.intro', { title }), ...why],
        action: manage,
        after: [t.t('moderation.mail.questions')],
      };
    case 'hidden':
      return {
        subject: t.t('moderation.mail.hidden.subject', { title }),
        paragraphs: [t.t('moderation.mail.hidden.intro', { title }), ...why],
        action: manage,
        after: [t.t('moderation.mail.questions')],
      };
    case 'restored':
      return {
        subject: t.t('moderation.mail.restored.subject', { title }),
        paragraphs: [t.t('moderation.mail.restored.intro', { title }), ...why],
        action: view,
        after: [],
      };
    case 'restored_closed':
      return {
        subject: t.t('moderation.mail.restored.subject', { title }),
        paragraphs: [t.t('moderation.mail.restoredClosed.intro', { title }), ...why],
        action: view,
        after: [],
      };
  }
}
