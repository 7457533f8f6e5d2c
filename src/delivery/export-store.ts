// Reads a petition's signatures for exports: keyset pages (never the whole set in memory), totals, and the audit row.
import type { Db } from '../platform/db/connect.js';
import { whereSignatures, filtersForAudit, type ExportFilters } from './export-filters.js';
import { flushSignatureDistricts } from '../targets/signature-districts.js';

export interface ExportedSignature {
  id: number;
  name: string;
  nameDisplay: string;
  town: string | null;
  postalCode: string;
  comment: string | null;
  source: string | null;
  status: string;
  locale: string;
  createdAt: string;
  /** 'online', 'paper' (typed from a signature sheet: `sheet` and `sheetLine`) or 'kiosk'. */
  method: string;
  sheet: number | null;
  sheetLine: number | null;
  /** What the signer was matched to (signature-districts.ts), null without district targets. */
  districts: string | null;
}

/** Rows per query: large enough that a million rows take few round trips, small enough to hold. */
export const PAGE_SIZE = 1000;

/** The signatures in id order, PAGE_SIZE at a time (WHERE id > last ORDER BY id LIMIT n). */
export async function* signaturePages(
  db: Db,
  petitionId: number,
  filters: ExportFilters,
  options: { withCommentOnly?: boolean; pageSize?: number } = {},
): AsyncGenerator<ExportedSignature[]> {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  if (filters.seat !== undefined) await flushSignatureDistricts(db);
  let after = 0;
  for (;;) {
    let query = whereSignatures(db.selectFrom('signatures'), petitionId, filters)
      .select([
        'id',
        'name',
        'name_display',
        'town',
        'postal_code',
        'comment',
        'source',
        'status',
        'locale',
        'created_at',
        'method',
        'sheet',
        'sheet_line',
        'districts',
      ])
      .where('id', '>', after);
    if (options.withCommentOnly === true) query = query.where('comment', 'is not', null).where('comment', '!=', '');
    const rows = await query.orderBy('id').limit(pageSize).execute();
    if (rows.length === 0) return;
    yield rows.map((r) => ({
      id: r.id,
      name: r.name,
      nameDisplay: r.name_display,
      town: r.town,
      postalCode: r.postal_code,
      comment: r.comment,
      source: r.source,
      status: r.status,
      locale: r.locale,
      createdAt: r.created_at,
      method: r.method,
      sheet: r.sheet,
      sheetLine: r.sheet_line,
      districts: r.districts,
    }));
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]?.id ?? after;
  }
}

export interface ExportSummary {
  total: number;
  withComments: number;
  first: string | null;
  last: string | null;
  /** Largest first; towns with no name are grouped under null. */
  byPlace: { town: string | null; postalCode: string; count: number }[];
  bySource: { source: string | null; count: number }[];
}

export async function countSignaturesFor(db: Db, petitionId: number, filters: ExportFilters): Promise<number> {
  if (filters.seat !== undefined) await flushSignatureDistricts(db);
  const row = await whereSignatures(db.selectFrom('signatures'), petitionId, filters)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function summarizeSignatures(db: Db, petitionId: number, filters: ExportFilters): Promise<ExportSummary> {
  if (filters.seat !== undefined) await flushSignatureDistricts(db);
  const base = () => whereSignatures(db.selectFrom('signatures'), petitionId, filters);
  const [totals, comments, places, sources] = await Promise.all([
    base()
      .select((eb) => [
        eb.fn.countAll<number | string>().as('n'),
        eb.fn.min('created_at').as('first'),
        eb.fn.max('created_at').as('last'),
      ])
      .executeTakeFirstOrThrow(),
    base()
      .where('comment', 'is not', null)
      .where('comment', '!=', '')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow(),
    base()
      .select(['town', 'postal_code', (eb) => eb.fn.countAll<number | string>().as('n')])
      .groupBy(['town', 'postal_code'])
      .execute(),
    base()
      .select(['source', (eb) => eb.fn.countAll<number | string>().as('n')])
      .groupBy('source')
      .execute(),
  ]);
  // Sorted here rather than in SQL: the engines order ties and NULLs differently.
  const byPlace = places
    .map((r) => ({ town: r.town, postalCode: r.postal_code, count: Number(r.n) }))
    .sort(
      (a, b) =>
        b.count - a.count || (a.town ?? '').localeCompare(b.town ?? '') || a.postalCode.localeCompare(b.postalCode),
    );
  const bySource = sources
    .map((r) => ({ source: r.source, count: Number(r.n) }))
    .sort((a, b) => b.count - a.count || (a.source ?? '').localeCompare(b.source ?? ''));
  return {
    total: Number(totals.n),
    withComments: Number(comments.n),
    first: totals.first ?? null,
    last: totals.last ?? null,
    byPlace,
    bySource,
  };
}

export type ExportAction = 'export.csv' | 'export.pdf';

/** Every export leaves a row: who, when, which petition, which filters (and options), from where. */
export async function recordExport(
  db: Db,
  entry: {
    actorId: number | null;
    action: ExportAction;
    petitionId: number;
    filters: ExportFilters;
    via: 'web' | 'cli';
    options?: Record<string, string | boolean>;
    now: Date;
  },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_id: entry.actorId,
      action: entry.action,
      petition_id: entry.petitionId,
      details: JSON.stringify({
        via: entry.via,
        filters: filtersForAudit(entry.filters),
        ...(entry.options === undefined ? {} : { options: entry.options }),
      }),
      created_at: entry.now.toISOString(),
    })
    .execute();
}
