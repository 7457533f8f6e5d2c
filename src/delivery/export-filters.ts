// Which signatures an export (CSV or packet) covers: parsed once at the edge (query string or command line).
import { z } from 'zod';
import type { SelectQueryBuilder } from 'kysely';
import type { Tables } from '../platform/db/schema.js';

export interface ExportFilters {
  /** Confirmed only (the default, what the public count shows) or every signature, pending included. */
  status: 'confirmed' | 'all';
  /** Inclusive calendar days, UTC (YYYY-MM-DD). */
  from: string | undefined;
  to: string | undefined;
  town: string | undefined;
  zip: string | undefined;
  source: string | undefined;
  /**
   * Not from a form: one legislator's packet — the signatures matched to a district of a chamber — or, with a
   * null district, the signatures no district of the chamber was given to.
   */
  seat?: SeatFilter | undefined;
}

export interface SeatFilter {
  bodyId: number;
  chamber: string;
  district: string | null;
}

export const DEFAULT_FILTERS: ExportFilters = {
  status: 'confirmed',
  from: undefined,
  to: undefined,
  town: undefined,
  zip: undefined,
  source: undefined,
};

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: 'export.error.tooLong' })
    .optional()
    .transform((v) => (v === undefined || v === '' ? undefined : v));

const isoDay = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : v))
  .refine((v) => v === undefined || isRealDay(v), { error: 'export.error.date' });

function isRealDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export const filtersSchema = z
  .object({
    status: z.enum(['confirmed', 'all'], { error: 'export.error.status' }).optional().default('confirmed'),
    from: isoDay,
    to: isoDay,
    town: optionalText(100),
    zip: optionalText(10).refine((v) => v === undefined || /^[0-9A-Za-z -]{1,10}$/.test(v), {
      error: 'export.error.zip',
    }),
    source: optionalText(40),
  })
  .refine((f) => f.from === undefined || f.to === undefined || f.from <= f.to, {
    error: 'export.error.range',
    path: ['to'],
  });

export const packetOptionsSchema = z.object({
  paper: z.enum(['letter', 'a4'], { error: 'export.error.paper' }).optional().default('letter'),
  summaryOnly: z.boolean().optional().default(false),
});

export type FilterErrors = Partial<Record<keyof ExportFilters | 'paper', string>>;

/** zod's issues as one message key per field (the first wins). */
export function filterErrors(error: z.ZodError): FilterErrors {
  const errors: FilterErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'from') as keyof FilterErrors; // the schema's own field names
    errors[field] ??= issue.message;
  }
  return errors;
}

/** The first moment after the `to` day, so the range includes the whole of that day. */
function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 24 * 3600 * 1000).toISOString();
}

/**
 * Narrows a query over `signatures` to one petition and the filters. The dashboard's counts use the
 * same function, so a count on screen equals the rows of an export with the same filters.
 */
export function whereSignatures<O>(
  query: SelectQueryBuilder<Tables, 'signatures', O>,
  petitionId: number,
  filters: ExportFilters,
): SelectQueryBuilder<Tables, 'signatures', O> {
  let q = query.where('signatures.petition_id', '=', petitionId);
  if (filters.status === 'confirmed') q = q.where('signatures.status', '=', 'confirmed');
  // 'all' is pending and confirmed: signatures taken out by a bulk invalidation are in no export.
  else q = q.where('signatures.status', 'in', ['confirmed', 'pending']);
  if (filters.from !== undefined) q = q.where('signatures.created_at', '>=', `${filters.from}T00:00:00.000Z`);
  if (filters.to !== undefined) q = q.where('signatures.created_at', '<', dayAfter(filters.to));
  if (filters.town !== undefined) q = q.where('signatures.town', '=', filters.town);
  if (filters.zip !== undefined) q = q.where('signatures.postal_code', '=', filters.zip);
  if (filters.source !== undefined) q = q.where('signatures.source', '=', filters.source);
  const seat = filters.seat;
  if (seat !== undefined) {
    const { bodyId, chamber, district } = seat;
    q = q.where((eb) => {
      const matched = eb
        .selectFrom('signature_districts')
        .select('signature_districts.signature_id')
        .where('signature_districts.petition_id', '=', petitionId)
        .where('signature_districts.body_id', '=', bodyId)
        .where('signature_districts.chamber', '=', chamber);
      return district === null
        ? eb('signatures.id', 'not in', matched.where('signature_districts.district', 'is not', null))
        : eb('signatures.id', 'in', matched.where('signature_districts.district', '=', district));
    });
  }
  return q;
}

/** The filters as the audit log records them (only those set). */
export function filtersForAudit(filters: ExportFilters): Record<string, string> {
  const { seat, ...rest } = filters;
  const audited = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Record<string, string>; // values are strings once undefined ones are gone
  if (seat !== undefined) audited['seat'] = `${seat.chamber} ${seat.district ?? 'unassigned'}`;
  return audited;
}
