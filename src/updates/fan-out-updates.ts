// The scheduled job that emails updates: for each update marked for email and not yet done, queues
// one outbox message per opted-in, confirmed, subscribed signer, a batch at a time.
import { sql } from 'kysely';
import type { Db } from '../platform/db/connect.js';
import { fanOut, queuePassedSigner, type Fanout, type FanoutOptions } from '../platform/outbox/fan-out.js';

interface PendingFanout {
  id: number;
  petitionId: number;
  createdAt: string;
  afterId: number;
}

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

const updateFanout = (u: PendingFanout): Fanout => ({
  table: 'petition_updates',
  id: u.id,
  afterId: u.afterId,
  recipients: recipients(u),
  kind: 'petition_update',
  payload: { update: u.id },
  dedupePrefix: `update:${u.id}:`,
});

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
    const fanout = { table: 'petition_updates', id, kind: 'petition_update', payload: { update: id } } as const;
    if (await queuePassedSigner(trx, { ...fanout, dedupePrefix: `update:${id}:` }, signer, now)) queued += 1;
  }
  return queued;
}

/** Queues every pending update's emails, batch by batch; resolves with how many were queued. */
export async function fanOutUpdates(db: Db, now: () => Date, options: FanoutOptions = {}): Promise<number> {
  return fanOut(db, (await pendingFanouts(db)).map(updateFanout), now, options);
}
