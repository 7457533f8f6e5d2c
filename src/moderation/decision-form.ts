// Reads a moderator's decision form: the reason must be an active one, and a reason that needs text needs a note.
import { z } from 'zod';
import type { Errors } from '../platform/form-errors.js';
import type { ModerationReason } from './reasons-store.js';
import type { Decision, DecisionInput } from './review-petition.js';

export const NOTE_MAX = 2000;

const fields = z.object({
  reason: z.string().trim().max(64).optional(),
  note: z
    .string()
    .optional()
    .transform((v) => (v ?? '').normalize('NFC').replace(/\r\n?/g, '\n').trim()),
});

export type DecisionForm =
  { ok: true; input: DecisionInput } | { ok: false; errors: Errors; values: Record<string, string> };

/** `fieldPrefix` names the fields of this form on its page (several forms share one page). */
export function parseDecisionForm(
  decision: Decision,
  body: Record<string, unknown>,
  reasons: readonly ModerationReason[],
  fieldPrefix: string,
): DecisionForm {
  const parsed = fields.safeParse({
    reason: typeof body['reason'] === 'string' ? body['reason'] : undefined,
    note: typeof body['note'] === 'string' ? body['note'] : undefined,
  });
  const reasonCode = parsed.success ? (parsed.data.reason ?? '') : '';
  const note = parsed.success ? parsed.data.note : '';
  const values = { [`${fieldPrefix}-reason`]: reasonCode, [`${fieldPrefix}-note`]: note };
  const errors: Errors = {};
  const needsReason = decision === 'reject' || decision === 'hide';
  const reason = reasons.find((r) => r.active && r.code === reasonCode);
  if (needsReason && reason === undefined) errors[`${fieldPrefix}-reason`] = 'moderation.error.reasonRequired';
  if (note.length > NOTE_MAX)
    errors[`${fieldPrefix}-note`] = { key: 'moderation.error.noteTooLong', params: { max: NOTE_MAX } };
  else if (needsReason && reason?.needsText === true && note === '')
    errors[`${fieldPrefix}-note`] = 'moderation.error.noteRequired';
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  return { ok: true, input: { decision, reason: needsReason ? reasonCode : null, note: note === '' ? null : note } };
}
