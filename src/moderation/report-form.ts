// Reads a report from the public: one of the fixed reasons, and optional details of bounded length.
import { z } from 'zod';
import type { Errors } from '../platform/form-errors.js';
import { REPORT_REASONS, type ReportReason } from './reports-store.js';

export const REPORT_DETAILS_MAX = 2000;

const schema = z.object({
  reason: z.enum(REPORT_REASONS),
  details: z.string().max(REPORT_DETAILS_MAX),
});

export type ReportForm =
  { ok: true; reason: ReportReason; details: string } | { ok: false; errors: Errors; values: Record<string, string> };

export function parseReportForm(body: Record<string, unknown>): ReportForm {
  const reason = typeof body['reason'] === 'string' ? body['reason'] : '';
  // Line ends and composed characters as one form, so the length limit counts what the reader sees.
  const details = (typeof body['details'] === 'string' ? body['details'] : '')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .trim();
  const parsed = schema.safeParse({ reason, details });
  if (parsed.success) return { ok: true, reason: parsed.data.reason, details: parsed.data.details };
  const errors: Errors = {};
  for (const issue of parsed.error.issues) {
    if (issue.path[0] === 'reason') errors['reason'] = 'report.error.reason';
    if (issue.path[0] === 'details')
      errors['details'] = { key: 'report.error.tooLong', params: { max: REPORT_DETAILS_MAX } };
  }
  return { ok: false, errors, values: { reason, details } };
}
