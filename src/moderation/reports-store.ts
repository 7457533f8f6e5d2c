// Reports from the public about a petition, one public comment or one legislator's response, and what moderators do
// with them.
import type { Db } from '../platform/db/connect.js';

export const REPORT_REASONS = ['spam', 'offensive', 'personal_information', 'false_information', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/** What a moderator did with a report. */
export const REPORT_RESOLUTIONS = ['dismissed', 'resolved', 'comment_removed', 'response_hidden'] as const;
export type ReportResolution = (typeof REPORT_RESOLUTIONS)[number];

export interface NewReport {
  petitionId: number;
  signatureId: number | null;
  responseId: number | null;
  reason: ReportReason;
  details: string;
  locale: string;
  reporterHash: string;
  now: Date;
}

export async function insertReport(db: Db, report: NewReport): Promise<void> {
  await db
    .insertInto('reports')
    .values({
      petition_id: report.petitionId,
      signature_id: report.signatureId,
      response_id: report.responseId,
      reason: report.reason,
      details: report.details,
      locale: report.locale,
      reporter_hash: report.reporterHash,
      created_at: report.now.toISOString(),
    })
    .execute();
}

/**
 * Reports sent from one (hashed) address since `since`: the per-address limit counts the reports
 * themselves, so every process shares it on both engines and a refused attempt stores nothing.
 */
export async function countReportsFrom(db: Db, reporterHash: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('reports')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('reporter_hash', '=', reporterHash)
    .where('created_at', '>=', since.toISOString())
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface OpenReport {
  id: number;
  petitionId: number;
  signatureId: number | null;
  responseId: number | null;
  reason: string;
  details: string;
  createdAt: string;
  /** The reported comment as it stands now (null once removed). */
  comment: string | null;
  /** The reported response (null once gone) and whether it is hidden now. */
  response: { body: string; locale: string; hidden: boolean } | null;
}

/** Open reports (of one petition, of some, or all), oldest first. */
export async function listOpenReports(
  db: Db,
  options: { petitionId?: number; petitionIds?: readonly number[]; limit?: number } = {},
): Promise<OpenReport[]> {
  if (options.petitionIds?.length === 0) return [];
  let query = db
    .selectFrom('reports as r')
    .leftJoin('signatures as s', 's.id', 'r.signature_id')
    .leftJoin('target_responses as tr', 'tr.id', 'r.response_id')
    .select([
      'r.id',
      'r.petition_id',
      'r.signature_id',
      'r.response_id',
      'r.reason',
      'r.details',
      'r.created_at',
      's.comment',
      'tr.body as response_body',
      'tr.locale as response_locale',
      'tr.hidden_at as response_hidden_at',
    ])
    .where('r.resolved_at', 'is', null)
    .orderBy('r.created_at')
    .orderBy('r.id')
    .limit(options.limit ?? 500);
  if (options.petitionId !== undefined) query = query.where('r.petition_id', '=', options.petitionId);
  if (options.petitionIds !== undefined) query = query.where('r.petition_id', 'in', [...options.petitionIds]);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    petitionId: r.petition_id,
    signatureId: r.signature_id,
    responseId: r.response_id,
    reason: r.reason,
    details: r.details,
    createdAt: r.created_at,
    comment: r.comment ?? null,
    response:
      r.response_body == null
        ? null
        : { body: r.response_body, locale: r.response_locale ?? '', hidden: r.response_hidden_at != null },
  }));
}

/** Petitions with open reports, in the order of their oldest open report, a page at a time. */
export async function listReportedPetitionIds(db: Db, page: { limit: number; offset: number }): Promise<number[]> {
  const rows = await db
    .selectFrom('reports')
    .select(['petition_id', (eb) => eb.fn.min('id').as('first_report')])
    .where('resolved_at', 'is', null)
    .groupBy('petition_id')
    .orderBy('first_report')
    .orderBy('petition_id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map((r) => r.petition_id);
}

export async function countReportedPetitions(db: Db): Promise<number> {
  const row = await db
    .selectFrom('reports')
    .select((eb) => eb.fn.count<string | number>('petition_id').distinct().as('n'))
    .where('resolved_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findReport(
  db: Db,
  id: number,
): Promise<
  | { id: number; petitionId: number; signatureId: number | null; responseId: number | null; resolvedAt: string | null }
  | undefined
> {
  const row = await db
    .selectFrom('reports')
    .select(['id', 'petition_id', 'signature_id', 'response_id', 'resolved_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row === undefined
    ? undefined
    : {
        id: row.id,
        petitionId: row.petition_id,
        signatureId: row.signature_id,
        responseId: row.response_id,
        resolvedAt: row.resolved_at,
      };
}

/** Closes one open report; false when it was already closed. */
export async function resolveReport(
  db: Db,
  id: number,
  resolution: ReportResolution,
  by: number,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('reports')
    .set({ resolved_at: now.toISOString(), resolved_by: by, resolution })
    .where('id', '=', id)
    .where('resolved_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** What a report is about: the petition's own page, one comment (by signature) or one legislator's response. */
export type ReportSubject = { petition: true } | { signatureId: number } | { responseId: number };

/** Closes every open report of one subject of the petition. */
export async function resolveReportsOf(
  db: Db,
  petitionId: number,
  subject: ReportSubject,
  resolution: ReportResolution,
  by: number,
  now: Date,
): Promise<number> {
  let query = db
    .updateTable('reports')
    .set({ resolved_at: now.toISOString(), resolved_by: by, resolution })
    .where('petition_id', '=', petitionId)
    .where('resolved_at', 'is', null);
  if ('signatureId' in subject) query = query.where('signature_id', '=', subject.signatureId);
  else if ('responseId' in subject) query = query.where('response_id', '=', subject.responseId);
  else query = query.where('signature_id', 'is', null).where('response_id', 'is', null);
  return Number((await query.executeTakeFirst()).numUpdatedRows);
}

/**
 * Removes a signature's public comment (the signature itself still counts). Returns the removed text,
 * for the audit row, or undefined when there was no comment left to remove.
 */
export async function removeComment(db: Db, signatureId: number): Promise<string | undefined> {
  const row = await db.selectFrom('signatures').select('comment').where('id', '=', signatureId).executeTakeFirst();
  if (row?.comment == null) return undefined;
  const result = await db
    .updateTable('signatures')
    .set({ comment: null })
    .where('id', '=', signatureId)
    .where('comment', '=', row.comment)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? row.comment : undefined;
}
