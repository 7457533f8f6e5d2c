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
  await insertAuditRows(db, [entry]);
}

/** Writes several audit rows in one statement (audit-batcher.ts). */
export async function insertAuditRows(db: Db, entries: readonly AuditEntry[]): Promise<void> {
  await db
    .insertInto('audit_log')
    .values(
      entries.map((entry) => ({
        actor_id: entry.actorId,
        action: entry.action,
        petition_id: entry.petitionId,
        details: JSON.stringify(entry.details),
        created_at: entry.now.toISOString(),
      })),
    )
    .execute();
}

export interface AuditRow {
  id: number;
  createdAt: string;
  action: string;
  actor: { name: string | null; email: string } | null;
  petition: { id: number; slug: string | null } | null;
  details: AuditDetails;
}

export interface AuditQuery {
  /** Keyset: only entries older than this id (the next page). */
  beforeId?: number | undefined;
  action?: string | undefined;
  petitionId?: number | undefined;
  limit: number;
}

function parseDetails(json: string): AuditDetails {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as AuditDetails) : { value }; // a JSON object, checked just before
  } catch {
    return { value: json };
  }
}

/** Newest first, `limit` at a time (keyset on the id, so a page costs the same however deep). */
export async function listAudit(db: Db, query: AuditQuery): Promise<AuditRow[]> {
  let q = db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .leftJoin('petitions as p', 'p.id', 'a.petition_id')
    .select([
      'a.id',
      'a.created_at',
      'a.action',
      'a.actor_id',
      'a.petition_id',
      'a.details',
      'u.name',
      'u.email',
      'p.slug',
    ])
    .orderBy('a.id', 'desc')
    .limit(query.limit);
  if (query.beforeId !== undefined) q = q.where('a.id', '<', query.beforeId);
  if (query.action !== undefined) q = q.where('a.action', '=', query.action);
  if (query.petitionId !== undefined) q = q.where('a.petition_id', '=', query.petitionId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    action: r.action,
    actor: r.actor_id === null ? null : { name: r.name ?? null, email: r.email ?? `#${r.actor_id}` },
    petition: r.petition_id === null ? null : { id: r.petition_id, slug: r.slug ?? null },
    details: parseDetails(r.details),
  }));
}

/** The actions that occur in the log, for the filter. */
export async function listAuditActions(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute();
  return rows.map((r) => r.action);
}
