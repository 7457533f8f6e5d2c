// What an organizer is told about a published petition that moderators hold, rejected or hid.
import type { Translator } from '../platform/i18n/translator.js';
import type { ModerationState, PetitionState } from '../petitions/petition.js';

export interface ModerationFacts {
  status: PetitionState;
  moderation: ModerationState;
  reviewReason: string | null;
  reviewNote: string | null;
  hiddenAt: string | null;
  hiddenReason: string | null;
  hiddenNote: string | null;
}

export interface ModerationExplanation {
  line: string;
  /** The moderator's note, introduced ("Note from the moderator: …"), when there is one. */
  note: string | undefined;
}

/** Undefined for a draft and for a petition that is public; `reasons` maps reason codes to labels in the reader's language. */
export function explainModeration(
  t: Translator,
  p: ModerationFacts,
  reasons: Record<string, string>,
): ModerationExplanation | undefined {
  if (p.status === 'draft') return undefined;
  const reason = (code: string | null) => (code === null ? '' : (reasons[code] ?? code));
  const note = (text: string | null) => (text === null ? undefined : t.t('moderation.organizer.note', { note: text }));
  if (p.hiddenAt !== null)
    return { line: t.t('moderation.organizer.hidden', { reason: reason(p.hiddenReason) }), note: note(p.hiddenNote) };
  if (p.moderation === 'held') return { line: t.t('moderation.organizer.waiting'), note: undefined };
  if (p.moderation === 'rejected')
    return { line: t.t('moderation.organizer.rejected', { reason: reason(p.reviewReason) }), note: note(p.reviewNote) };
  return undefined;
}
