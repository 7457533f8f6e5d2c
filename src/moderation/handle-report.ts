// A moderator acts on a report: dismisses it, marks it resolved, removes the reported comment or hides the reported
// legislator's response (either closes every open report about it). Each with its audit row, in one transaction; a
// removed comment or hidden response leaves the public pages, so they are cleared after.
import type { User } from '../accounts/user.js';
import { recordAudit } from '../platform/audit/audit-store.js';
import type { Db } from '../platform/db/connect.js';
import { removeComment, resolveReport, resolveReportsOf } from './reports-store.js';
import { hideVisibleResponse } from '../targets/respond.js';
import { forgetPublicPages, type PublicCaches } from '../petitions/petition-directory.js';

export type ReportAction = 'dismiss' | 'resolve' | 'remove-comment' | 'hide-response';

export interface ReportDeps extends PublicCaches {
  db: Db;
  now: () => Date;
}

/** False when there was nothing to do (already closed, or the comment already gone). */
export async function handleReport(
  deps: ReportDeps,
  moderator: User,
  report: { id: number; petitionId: number; signatureId: number | null; responseId: number | null },
  action: ReportAction,
): Promise<boolean> {
  const now = deps.now();
  if (action === 'hide-response') return hideResponse(deps, moderator, report, now);
  if (action !== 'remove-comment') {
    return deps.db.transaction().execute(async (trx) => {
      const status = action === 'dismiss' ? 'dismissed' : 'resolved';
      if (!(await resolveReport(trx, report.id, status, moderator.id, now))) return false;
      await recordAudit(trx, {
        actorId: moderator.id,
        action: `report.${action}`,
        petitionId: report.petitionId,
        details: { report: report.id, ...(report.signatureId === null ? {} : { signature: report.signatureId }) },
        now,
      });
      return true;
    });
  }
  const signatureId = report.signatureId;
  if (signatureId === null) return false;
  const removed = await deps.db.transaction().execute(async (trx) => {
    const comment = await removeComment(trx, signatureId);
    if (comment === undefined) return false;
    const reportsClosed = await resolveReportsOf(
      trx,
      report.petitionId,
      { signatureId },
      'comment_removed',
      moderator.id,
      now,
    );
    // The removed text is kept only here, so the decision can be reviewed (and undone by hand).
    await recordAudit(trx, {
      actorId: moderator.id,
      action: 'comment.remove',
      petitionId: report.petitionId,
      details: { signature: signatureId, report: report.id, reportsClosed, comment },
      now,
    });
    return true;
  });
  if (removed) forgetPublicPages(deps);
  return removed;
}

/** Hides the reported response from the petition page (the organizer can see it still) and closes its reports. */
async function hideResponse(
  deps: ReportDeps,
  moderator: User,
  report: { id: number; petitionId: number; responseId: number | null },
  now: Date,
): Promise<boolean> {
  const responseId = report.responseId;
  if (responseId === null) return false;
  const hidden = await deps.db.transaction().execute(async (trx) => {
    if (!(await hideVisibleResponse(trx, report.petitionId, responseId, { at: now.toISOString(), by: moderator.id })))
      return false;
    const reportsClosed = await resolveReportsOf(
      trx,
      report.petitionId,
      { responseId },
      'response_hidden',
      moderator.id,
      now,
    );
    await recordAudit(trx, {
      actorId: moderator.id,
      action: 'response.hide',
      petitionId: report.petitionId,
      details: { responseId, report: report.id, reportsClosed },
      now,
    });
    return true;
  });
  if (hidden) forgetPublicPages(deps);
  return hidden;
}
