// The scheduled job that emails updates: for each update marked for email and not yet done, queues
// one outbox message per opted-in, confirmed, subscribed signer, a batch at a time.
import { sql } from 'kysely';
import type { Db } from '../platform/db/connect.js';

export const FANOUT_BATCH = 1000;

interface PendingFanout {
  id: number;
  petitionId: number;
  createdAt: string;
  afterId: number;
}

export interface FanoutOptions {
  batchSize?: number;
  /** Between batches; by default a turn of the event loop, so requests (and signers) go first. */
  pause?: () => Promise<void>;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function pendingFanouts(db: Db): Promise<PendingFanout[]> {
  const rows = await db
    .selectFrom('petition_updates')
    .select(['id', 'petition_id', 'created_at', 'fanout_after_id'])
    .where('email_signers', '=', 1)
    .where('fanout_done_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    petitionId: r.petition_id,
    createdAt: r.created_at,
    afterId: r.fanout_after_id,
  }));
}

/** Who gets the update: signed by the time it was posted, confirmed, opted in, not unsubscribed. */
const recipients = (u: PendingFanout) =>
  sql`petition_id = ${u.petitionId} AND status = 'confirmed' AND opt_in = 1 AND unsubscribed_at IS NULL AND created_at <= ${u.createdAt}`;

/**
 * Queues the next batch (signatures with id after the update's marker) and moves the marker, in one
 * transaction: one INSERT … SELECT, never a round trip per signer. The marker only moves from the
 * value this worker read, so two workers never queue one batch twice; the dedupe key per (update,
 * signature) makes even a retry after a crash queue nothing twice. Returns false when done.
 */
async function queueNextBatch(
  db: Db,
  u: PendingFanout,
  batchSize: number,
  now: string,
): Promise<{ more: boolean; queued: number; afterId: number }> {
  return db.transaction().execute(async (trx) => {
    const last = await sql<{ last: number | string | null }>`SELECT MAX(id) AS last FROM (
        SELECT id FROM signatures WHERE ${recipients(u)} AND id > ${u.afterId} ORDER BY id LIMIT ${batchSize}) AS batch`.execute(
      trx,
    );
    const lastId = last.rows[0]?.last;
    if (lastId === null || lastId === undefined) {
      await trx
        .updateTable('petition_updates')
        .set({ fanout_done_at: now })
        .where('id', '=', u.id)
        .where('fanout_after_id', '=', u.afterId)
        .execute();
      return { more: false, queued: 0, afterId: u.afterId };
    }
    const upTo = Number(lastId);
    const moved = await trx
      .updateTable('petition_updates')
      .set({ fanout_after_id: upTo })
      .where('id', '=', u.id)
      .where('fanout_after_id', '=', u.afterId)
      .where('fanout_done_at', 'is', null)
      .executeTakeFirst();
    // Another worker took this batch first: stop here, it carries on.
    if (Number(moved.numUpdatedRows) === 0) return { more: false, queued: 0, afterId: u.afterId };
    const inserted =
      await sql`INSERT INTO mail_outbox (kind, petition_id, signature_id, recipient, locale, payload, dedupe_key, status, attempts, next_attempt_at, created_at)
      SELECT 'petition_update', petition_id, id, NULL, locale, ${JSON.stringify({ update: u.id })}, CAST(${`update:${u.id}:`} AS TEXT) || CAST(id AS TEXT), 'queued', 0, ${now}, ${now}
      FROM signatures
      WHERE ${recipients(u)} AND id > ${u.afterId} AND id <= ${upTo}
      ON CONFLICT (dedupe_key) DO NOTHING`.execute(trx);
    const queued = Number(inserted.numAffectedRows ?? 0);
    if (queued > 0) {
      await trx
        .updateTable('petition_updates')
        .set((eb) => ({ emailed_count: eb('emailed_count', '+', queued) }))
        .where('id', '=', u.id)
        .execute();
    }
    return { more: true, queued, afterId: upTo };
  });
}

export interface ConfirmedSigner {
  id: number;
  petitionId: number;
  locale: string;
  createdAt: string;
}

/**
 * A signer who confirms after an update's fan-out went past them (they signed before the update, but
 * were still pending, so the batch that held their id skipped them) gets that update now: one message
 * per such update, under the fan-out's own dedupe key, counted on the update. Run in the transaction
 * that confirms; the caller checks the signer asked for updates. Returns how many were queued.
 */
export async function queueUpdatesPassedBy(trx: Db, signer: ConfirmedSigner, now: string): Promise<number> {
  const passed = await trx
    .selectFrom('petition_updates')
    .select('id')
    .where('petition_id', '=', signer.petitionId)
    .where('email_signers', '=', 1)
    .where('created_at', '>=', signer.createdAt)
    .where((eb) => eb.or([eb('fanout_done_at', 'is not', null), eb('fanout_after_id', '>=', signer.id)]))
    .execute();
  let queued = 0;
  for (const { id } of passed) {
    const inserted = await trx
      .insertInto('mail_outbox')
      .values({
        kind: 'petition_update',
        petition_id: signer.petitionId,
        signature_id: signer.id,
        recipient: null,
        locale: signer.locale,
        payload: JSON.stringify({ update: id }),
        dedupe_key: `update:${id}:${signer.id}`,
        status: 'queued',
        attempts: 0,
        next_attempt_at: now,
        created_at: now,
      })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) continue;
    queued += 1;
    await trx
      .updateTable('petition_updates')
      .set((eb) => ({ emailed_count: eb('emailed_count', '+', 1) }))
      .where('id', '=', id)
      .execute();
  }
  return queued;
}

/** Queues every pending update's emails, batch by batch; resolves with how many were queued. */
export async function fanOutUpdates(db: Db, now: () => Date, options: FanoutOptions = {}): Promise<number> {
  const batchSize = options.batchSize ?? FANOUT_BATCH;
  const pause = options.pause ?? nextTurn;
  let total = 0;
  for (const pending of await pendingFanouts(db)) {
    let update = pending;
    for (;;) {
      const step = await queueNextBatch(db, update, batchSize, now().toISOString());
      total += step.queued;
      if (!step.more) break;
      update = { ...update, afterId: step.afterId };
      await pause();
    }
  }
  return total;
}
