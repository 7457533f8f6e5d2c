// Queuing one message per signer of a large group (an update's opted-in signers, a legislator's constituents) a
// batch at a time: the row that asks for the emails keeps a marker (`fanout_after_id`, the last signature queued)
// and `fanout_done_at`; each batch is one INSERT … SELECT and the marker's move, in one transaction.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/connect.js';
import type { MailKind } from './outbox-store.js';

export const FANOUT_BATCH = 1000;

/** One row's fan-out as it stands: which table and row, who gets it, and the message they get. */
export interface Fanout {
  table: 'petition_updates' | 'target_responses';
  id: number;
  /** The last signature id queued. */
  afterId: number;
  /** A condition on `signatures` (unqualified columns) naming who gets it. */
  recipients: RawBuilder<unknown>;
  kind: MailKind;
  payload: Record<string, number>;
  /** Each message's dedupe key is this and the signature id: a retry after a crash queues nothing twice. */
  dedupePrefix: string;
}

export interface FanoutOptions {
  batchSize?: number;
  /** Between batches; by default a turn of the event loop, so requests (and signers) go first. */
  pause?: () => Promise<void>;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Queues the next batch (signatures with id after the marker) and moves the marker, in one transaction: one
 * INSERT … SELECT, never a round trip per signer. The marker only moves from the value this worker read, so two
 * workers never queue one batch twice. `more` is false when done (or another worker took the batch).
 */
async function queueNextBatch(
  db: Db,
  f: Fanout,
  batchSize: number,
  now: string,
): Promise<{ more: boolean; queued: number; afterId: number }> {
  const table = sql.table(f.table);
  return db.transaction().execute(async (trx) => {
    const last = await sql<{ last: number | string | null }>`SELECT MAX(id) AS last FROM (
        SELECT id FROM signatures WHERE ${f.recipients} AND id > ${f.afterId} ORDER BY id LIMIT ${batchSize}) AS batch`.execute(
      trx,
    );
    const lastId = last.rows[0]?.last;
    if (lastId === null || lastId === undefined) {
      await sql`UPDATE ${table} SET fanout_done_at = ${now} WHERE id = ${f.id} AND fanout_after_id = ${f.afterId}`.execute(
        trx,
      );
      return { more: false, queued: 0, afterId: f.afterId };
    }
    const upTo = Number(lastId);
    const moved =
      await sql`UPDATE ${table} SET fanout_after_id = ${upTo} WHERE id = ${f.id} AND fanout_after_id = ${f.afterId} AND fanout_done_at IS NULL`.execute(
        trx,
      );
    // Another worker took this batch first: stop here, it carries on.
    if (Number(moved.numAffectedRows ?? 0) === 0) return { more: false, queued: 0, afterId: f.afterId };
    const inserted =
      await sql`INSERT INTO mail_outbox (kind, petition_id, signature_id, recipient, locale, payload, dedupe_key, status, attempts, next_attempt_at, created_at)
      SELECT ${f.kind}, petition_id, id, NULL, locale, ${JSON.stringify(f.payload)}, CAST(${f.dedupePrefix} AS TEXT) || CAST(id AS TEXT), 'queued', 0, ${now}, ${now}
      FROM signatures
      WHERE ${f.recipients} AND id > ${f.afterId} AND id <= ${upTo}
      ON CONFLICT (dedupe_key) DO NOTHING`.execute(trx);
    const queued = Number(inserted.numAffectedRows ?? 0);
    if (queued > 0)
      await sql`UPDATE ${table} SET emailed_count = emailed_count + ${queued} WHERE id = ${f.id}`.execute(trx);
    return { more: true, queued, afterId: upTo };
  });
}

/** Queues every batch of these fan-outs in turn; resolves with how many messages were queued. */
export async function fanOut(db: Db, pending: readonly Fanout[], now: () => Date, options: FanoutOptions = {}) {
  const batchSize = options.batchSize ?? FANOUT_BATCH;
  const pause = options.pause ?? nextTurn;
  let total = 0;
  for (const first of pending) {
    let fanout = first;
    for (;;) {
      const step = await queueNextBatch(db, fanout, batchSize, now().toISOString());
      total += step.queued;
      if (!step.more) break;
      fanout = { ...fanout, afterId: step.afterId };
      await pause();
    }
  }
  return total;
}

/**
 * One signer's message of a fan-out that went past them (they signed before, but were still pending, so the batch
 * that held their id skipped them), under the fan-out's own dedupe key, counted on its row. Run in the transaction
 * that confirms. False when it was queued already.
 */
export async function queuePassedSigner(
  trx: Db,
  f: Pick<Fanout, 'table' | 'id' | 'kind' | 'payload' | 'dedupePrefix'>,
  signer: { id: number; petitionId: number; locale: string },
  now: string,
): Promise<boolean> {
  const inserted = await trx
    .insertInto('mail_outbox')
    .values({
      kind: f.kind,
      petition_id: signer.petitionId,
      signature_id: signer.id,
      recipient: null,
      locale: signer.locale,
      payload: JSON.stringify(f.payload),
      dedupe_key: `${f.dedupePrefix}${signer.id}`,
      status: 'queued',
      attempts: 0,
      next_attempt_at: now,
      created_at: now,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
  await sql`UPDATE ${sql.table(f.table)} SET emailed_count = emailed_count + 1 WHERE id = ${f.id}`.execute(trx);
  return true;
}
