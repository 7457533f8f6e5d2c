// The steps of an invalidation, each one transaction: a batch out of the count, a batch back in,
// cancel and the request to reverse. The invalidation's row is locked first, so a cancel waits for
// the batch in progress and several worker processes never take one batch twice.
import type { Db, Engine } from '../../platform/db/connect.js';
import { addToCount } from '../../signing/signature-counts.js';
import { recordAudit } from '../../platform/audit/audit-store.js';
import { whereMatches, type StoredCriteria } from './invalidation-store.js';

export type BatchOutcome =
  { kind: 'batch'; changed: number; confirmed: number } | { kind: 'finished'; processed: number } | { kind: 'stopped' };

export interface BatchRequest {
  id: number;
  batchSize: number;
  /** The count shard the batch's change goes to. */
  shard: number;
  now: Date;
}

/** The invalidation's row, locked until the transaction ends (PostgreSQL; SQLite has one writer at a time anyway). */
async function lockInvalidation(trx: Db, engine: Engine, id: number) {
  const query = trx
    .selectFrom('invalidations')
    .select(['id', 'petition_id', 'criteria', 'state', 'after_id', 'processed', 'matched'])
    .where('id', '=', id);
  return engine === 'postgres' ? query.forUpdate().executeTakeFirst() : query.executeTakeFirst();
}

/** Takes the next batch (by id, after the marker) out of the count; finishes the invalidation when none is left. */
export async function invalidateNextBatch(db: Db, engine: Engine, r: BatchRequest): Promise<BatchOutcome> {
  return db.transaction().execute(async (trx): Promise<BatchOutcome> => {
    const row = await lockInvalidation(trx, engine, r.id);
    if (row === undefined || (row.state !== 'queued' && row.state !== 'running')) return { kind: 'stopped' };
    const stored = JSON.parse(row.criteria) as StoredCriteria; // written by createInvalidation only
    const batch = await whereMatches(trx.selectFrom('signatures'), row.petition_id, stored)
      .select('signatures.id')
      .where('signatures.id', '>', row.after_id)
      .where('signatures.id', '<=', stored.upToId)
      .orderBy('signatures.id')
      .limit(r.batchSize)
      .execute();
    const ids = batch.map((s) => s.id);
    const lastId = ids.at(-1);
    if (lastId === undefined) {
      await trx
        .updateTable('invalidations')
        .set({ state: 'done', finished_at: r.now.toISOString() })
        .where('id', '=', r.id)
        .execute();
      await recordAudit(trx, {
        actorId: null,
        action: 'invalidation.finish',
        petitionId: row.petition_id,
        details: { invalidation: r.id, processed: row.processed, matched: row.matched },
        now: r.now,
      });
      return { kind: 'finished', processed: row.processed };
    }
    // SET reads the row as it was: status_before_invalidation gets the old status, and RETURNING gives it back.
    const changed = await trx
      .updateTable('signatures')
      .set((eb) => ({ status: 'invalidated', status_before_invalidation: eb.ref('status'), invalidation_id: r.id }))
      .where('id', 'in', ids)
      .where('status', 'in', ['confirmed', 'pending'])
      .returning('status_before_invalidation')
      .execute();
    const confirmed = changed.filter((s) => s.status_before_invalidation === 'confirmed').length;
    if (confirmed > 0) await addToCount(trx, row.petition_id, -confirmed, r.shard);
    // No more mail to these signers (a confirmation link would not work on them anyway).
    await trx
      .updateTable('mail_outbox')
      .set({ status: 'cancelled' })
      .where('signature_id', 'in', ids)
      .where('status', 'in', ['queued', 'failed'])
      .execute();
    await trx
      .updateTable('invalidations')
      .set((eb) => ({ state: 'running', processed: eb('processed', '+', changed.length), after_id: lastId }))
      .where('id', '=', r.id)
      .execute();
    return { kind: 'batch', changed: changed.length, confirmed };
  });
}

/** Puts the next batch of an invalidation being reversed back as it was; marks it reversed when none is left. */
export async function restoreNextBatch(db: Db, engine: Engine, r: BatchRequest): Promise<BatchOutcome> {
  return db.transaction().execute(async (trx): Promise<BatchOutcome> => {
    const row = await lockInvalidation(trx, engine, r.id);
    if (row === undefined || row.state !== 'reversing') return { kind: 'stopped' };
    const batch = await trx
      .selectFrom('signatures')
      .select('id')
      .where('invalidation_id', '=', r.id)
      .where('status', '=', 'invalidated')
      .orderBy('id')
      .limit(r.batchSize)
      .execute();
    const ids = batch.map((s) => s.id);
    if (ids.length === 0) {
      await trx
        .updateTable('invalidations')
        .set({ state: 'reversed', reversed_at: r.now.toISOString() })
        .where('id', '=', r.id)
        .execute();
      await recordAudit(trx, {
        actorId: null,
        action: 'invalidation.reversed',
        petitionId: row.petition_id,
        details: { invalidation: r.id, processed: row.processed },
        now: r.now,
      });
      return { kind: 'finished', processed: row.processed };
    }
    const changed = await trx
      .updateTable('signatures')
      .set((eb) => ({
        status: eb.fn.coalesce('status_before_invalidation', eb.val('pending')),
        status_before_invalidation: null,
        invalidation_id: null,
      }))
      .where('id', 'in', ids)
      .where('invalidation_id', '=', r.id)
      .where('status', '=', 'invalidated')
      .returning('status')
      .execute();
    const confirmed = changed.filter((s) => s.status === 'confirmed').length;
    if (confirmed > 0) await addToCount(trx, row.petition_id, confirmed, r.shard);
    return { kind: 'batch', changed: changed.length, confirmed };
  });
}

export type StepAnswer = 'done' | 'not_allowed';

/** Stops an invalidation after the batch in progress; what is done stays done (and can be reversed). */
export async function cancelInvalidation(
  db: Db,
  engine: Engine,
  id: number,
  actorId: number,
  now: Date,
): Promise<StepAnswer> {
  return db.transaction().execute(async (trx): Promise<StepAnswer> => {
    const row = await lockInvalidation(trx, engine, id);
    if (row === undefined || (row.state !== 'queued' && row.state !== 'running')) return 'not_allowed';
    await trx
      .updateTable('invalidations')
      .set({ state: 'cancelled', finished_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      actorId,
      action: 'invalidation.cancel',
      petitionId: row.petition_id,
      details: { invalidation: id, processed: row.processed, matched: row.matched },
      now,
    });
    return 'done';
  });
}

/** Asks the job to put back every signature a finished or cancelled invalidation took out. */
export async function requestReversal(
  db: Db,
  engine: Engine,
  id: number,
  actorId: number,
  now: Date,
): Promise<StepAnswer> {
  return db.transaction().execute(async (trx): Promise<StepAnswer> => {
    const row = await lockInvalidation(trx, engine, id);
    if (row === undefined || (row.state !== 'done' && row.state !== 'cancelled')) return 'not_allowed';
    await trx
      .updateTable('invalidations')
      .set({ state: 'reversing', reversed_by: actorId })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      actorId,
      action: 'invalidation.reverse',
      petitionId: row.petition_id,
      details: { invalidation: id, processed: row.processed },
      now,
    });
    return 'done';
  });
}
