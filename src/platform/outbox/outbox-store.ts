// The transactional outbox: messages recorded with the change that caused them, claimed by workers.
import { sql } from 'kysely';
import type { Db, Engine } from '../db/connect.js';

export const MAIL_KINDS = [
  'confirm',
  'thanks',
  'already_signed',
  'milestone_organizer',
  'milestone_signer',
  'sign_in',
  'petition_update',
  'moderation_outcome',
  'response_invite',
  'target_response',
  'legislator_digest',
  'webhook_disabled',
  'paper_notice',
  'team_invitation',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export interface NewMail {
  kind: MailKind;
  petitionId: number | null;
  signatureId: number | null;
  /** For mail not addressed to a signature's owner (the organizer); signer mail reads the address at send time. */
  recipient: string | null;
  locale: string;
  payload?: Record<string, string | number>;
  /** Messages with the same key are recorded once: a re-run never queues a second copy. */
  dedupeKey?: string;
  now: string;
}

export interface OutboxMessage {
  id: number;
  kind: MailKind;
  petitionId: number | null;
  signatureId: number | null;
  recipient: string | null;
  locale: string;
  payload: Record<string, string | number>;
  attempts: number;
}

function outboxRow(mail: NewMail) {
  return {
    kind: mail.kind,
    petition_id: mail.petitionId,
    signature_id: mail.signatureId,
    recipient: mail.recipient,
    locale: mail.locale,
    payload: JSON.stringify(mail.payload ?? {}),
    dedupe_key: mail.dedupeKey ?? null,
    status: 'queued',
    attempts: 0,
    next_attempt_at: mail.now,
    created_at: mail.now,
  };
}

export async function enqueueMail(db: Db, mail: NewMail): Promise<void> {
  await enqueueMails(db, [mail]);
}

/** Several messages in one insert (the signing path queues a batch at a time). */
export async function enqueueMails(db: Db, mails: readonly NewMail[]): Promise<void> {
  if (mails.length === 0) return;
  await db
    .insertInto('mail_outbox')
    .values(mails.map(outboxRow))
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}

function isMailKind(value: string): value is MailKind {
  return (MAIL_KINDS as readonly string[]).includes(value);
}

/**
 * Takes up to `limit` messages that are due (or whose previous worker's lease ran out) and leases
 * them to `workerId` until `leaseUntil`. On PostgreSQL, FOR UPDATE SKIP LOCKED lets several workers
 * claim at once without taking the same message; SQLite has one writer at a time, so a plain
 * UPDATE ... RETURNING is already exclusive.
 */
export async function claimDueMail(
  db: Db,
  engine: Engine,
  workerId: string,
  now: string,
  leaseUntil: string,
  limit: number,
): Promise<OutboxMessage[]> {
  const due = sql`(status = 'queued' AND next_attempt_at <= ${now}) OR (status = 'sending' AND locked_until < ${now})`;
  const lock = engine === 'postgres' ? sql`FOR UPDATE SKIP LOCKED` : sql``;
  const result = await sql<{
    id: number;
    kind: string;
    petition_id: number | null;
    signature_id: number | null;
    recipient: string | null;
    locale: string;
    payload: string;
    attempts: number;
  }>`UPDATE mail_outbox SET status = 'sending', locked_by = ${workerId}, locked_until = ${leaseUntil}
     WHERE id IN (SELECT id FROM mail_outbox WHERE ${due} ORDER BY id LIMIT ${limit} ${lock})
     RETURNING id, kind, petition_id, signature_id, recipient, locale, payload, attempts`.execute(db);
  return result.rows
    .filter((r) => isMailKind(r.kind))
    .map((r) => ({
      id: r.id,
      kind: r.kind as MailKind, // filtered by isMailKind just above
      petitionId: r.petition_id,
      signatureId: r.signature_id,
      recipient: r.recipient,
      locale: r.locale,
      payload: JSON.parse(r.payload) as Record<string, string | number>, // written by enqueueMail as such an object
      attempts: r.attempts,
    }))
    .sort((a, b) => a.id - b.id);
}

/**
 * Marks messages this worker sent as sent, whoever holds them now: if a lease ran out and a message went back
 * to the queue (or to another worker), this keeps it from going out again; a state written later by a slow
 * worker ("failed", "queued") is overwritten with the truth, since the message did go out.
 */
export async function markSentMany(db: Db, ids: readonly number[], now: string): Promise<void> {
  for (let i = 0; i < ids.length; i += 1000) {
    await db
      .updateTable('mail_outbox')
      .set({ status: 'sent', sent_at: now, locked_by: null, locked_until: null, last_error: null })
      .where('id', 'in', ids.slice(i, i + 1000))
      .where('status', '!=', 'sent')
      .execute();
  }
}

/** Gives claimed messages back to the queue, unsent and with their attempts unchanged (a stopping worker). */
export async function releaseClaims(db: Db, ids: readonly number[], workerId: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('mail_outbox')
    .set({ status: 'queued', locked_by: null, locked_until: null })
    .where('id', 'in', ids)
    .where('status', '=', 'sending')
    .where('locked_by', '=', workerId)
    .execute();
}

export async function markRetry(
  db: Db,
  id: number,
  workerId: string,
  attempts: number,
  nextAttemptAt: string,
  error: string,
): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({
      status: 'queued',
      attempts,
      next_attempt_at: nextAttemptAt,
      locked_by: null,
      locked_until: null,
      last_error: error.slice(0, 1000),
    })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .execute();
}

/** Kept for an admin to see and retry; `cancelled` is for mail whose signature is gone. */
export async function markFailed(
  db: Db,
  id: number,
  workerId: string,
  attempts: number,
  error: string,
  status: 'failed' | 'cancelled' = 'failed',
): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({ status, attempts, locked_by: null, locked_until: null, last_error: error.slice(0, 1000) })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .execute();
}

/** Puts failed messages back in the queue (the admin's "retry"). */
export async function retryFailedMail(db: Db, now: string, ids?: number[]): Promise<number> {
  let query = db
    .updateTable('mail_outbox')
    .set({ status: 'queued', attempts: 0, next_attempt_at: now })
    .where('status', '=', 'failed');
  if (ids !== undefined) query = query.where('id', 'in', ids);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface OutboxSummary {
  queued: number;
  sending: number;
  sent: number;
  failed: number;
  cancelled: number;
}

export async function outboxSummary(db: Db): Promise<OutboxSummary> {
  const rows = await db
    .selectFrom('mail_outbox')
    .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy('status')
    .execute();
  const summary: OutboxSummary = { queued: 0, sending: 0, sent: 0, failed: 0, cancelled: 0 };
  for (const row of rows) if (row.status in summary) summary[row.status as keyof OutboxSummary] = Number(row.n); // checked by `in`
  return summary;
}

/** Mail not yet sent (queued, or claimed by a worker) and when the oldest of it was queued. */
export async function outboxBacklog(db: Db): Promise<{ waiting: number; oldestCreatedAt: string | undefined }> {
  const row = await db
    .selectFrom('mail_outbox')
    .select([(eb) => eb.fn.countAll<number | string>().as('n'), (eb) => eb.fn.min('created_at').as('oldest')])
    .where('status', 'in', ['queued', 'sending'])
    .executeTakeFirst();
  return { waiting: Number(row?.n ?? 0), oldestCreatedAt: row?.oldest ?? undefined };
}

export async function listFailedMail(db: Db, limit = 100) {
  return db
    .selectFrom('mail_outbox')
    .select(['id', 'kind', 'petition_id', 'signature_id', 'attempts', 'last_error', 'created_at'])
    .where('status', '=', 'failed')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Sent and cancelled mail older than `cutoff` is only history: drop it (it may hold addresses). */
export async function purgeDeliveredMailBefore(db: Db, cutoff: string): Promise<number> {
  const result = await db
    .deleteFrom('mail_outbox')
    .where('status', 'in', ['sent', 'cancelled'])
    .where('created_at', '<', cutoff)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
