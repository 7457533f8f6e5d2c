// The audit log: every moderator and admin action (and every export) leaves one row; admins read it back.
import type { Db } from '../db/connect.js';

/** What an action was about and why: reason codes, notes, filters, counts — never a signer's email. */
export type AuditDetails = Record<string, unknown>;

export interface AuditEntry {
  /** The acting account; null for the command line and background jobs. */
  actorId: number | null;
  /** Dotted name of the action, e.g. 'petition.approve', 'report.dismiss', 'block.add'. */
  action: string;
  petitionId: number | null;
  details: AuditDetails;
  now: Date;
}

/** Writes one audit row; `db` may be a transaction, so the row commits with the change it records. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_id: entry.actorId,
      action: entry.action,
      petition_id: entry.petitionId,
      details: JSON.stringify(entry.details),
      created_at: entry.now.toISOString(),
    })
    .execute();
}
