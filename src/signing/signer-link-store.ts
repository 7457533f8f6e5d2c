// Queries behind the links in signer emails: find by token hash, confirm, unsubscribe, withdraw, purge.
import type { Db } from '../platform/db/connect.js';
import type { EventEmitter } from '../platform/events.js';
import { addToCount } from './signature-counts.js';
import type { SigningEvents } from './events.js';
import type { SignerRow } from './signer.js';

const SIGNER_COLUMNS = [
  'id',
  'petition_id',
  'locale',
  'name',
  'email',
  'status',
  'opt_in',
  'unsubscribed_at',
  'token_salt',
  'created_at',
  'confirmation_sent_at',
] as const;

function toSigner(r: {
  id: number;
  petition_id: number;
  locale: string;
  name: string;
  email: string;
  status: string;
  opt_in: number;
  unsubscribed_at: string | null;
  token_salt: string | null;
  created_at: string;
  confirmation_sent_at: string | null;
}): SignerRow {
  return {
    id: r.id,
    petitionId: r.petition_id,
    locale: r.locale,
    name: r.name,
    email: r.email,
    status: r.status,
    optIn: r.opt_in === 1,
    unsubscribed: r.unsubscribed_at !== null,
    tokenSalt: r.token_salt,
    createdAt: r.created_at,
    confirmationSentAt: r.confirmation_sent_at,
  };
}

export async function findSignerByTokenHash(db: Db, hash: string): Promise<SignerRow | undefined> {
  const row = await db
    .selectFrom('signatures')
    .select(SIGNER_COLUMNS)
    .where('token_hash', '=', hash)
    .executeTakeFirst();
  return row === undefined ? undefined : toSigner(row);
}

export async function findSignersByIds(db: Db, ids: number[]): Promise<Map<number, SignerRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('signatures').select(SIGNER_COLUMNS).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, toSigner(r)]));
}

/**
 * Pending → confirmed, counted and announced ('signature.confirmed') in the same transaction; false when it
 * was not pending (already confirmed).
 */
export async function markConfirmed(
  db: Db,
  events: EventEmitter<SigningEvents>,
  signatureId: number,
  petitionId: number,
  now: string,
  shard: number,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const confirmed = await trx
      .updateTable('signatures')
      .set({ status: 'confirmed', confirmed_at: now })
      .where('id', '=', signatureId)
      .where('status', '=', 'pending')
      .returning(['locale', 'created_at', 'opt_in', 'unsubscribed_at'])
      .executeTakeFirst();
    if (confirmed === undefined) return false;
    await addToCount(trx, petitionId, 1, shard);
    const wantsUpdates = confirmed.opt_in === 1 && confirmed.unsubscribed_at === null;
    await events.emit(
      'signature.confirmed',
      { signatureId, petitionId, locale: confirmed.locale, createdAt: confirmed.created_at, wantsUpdates, now },
      trx,
    );
    return true;
  });
}

export async function markUnsubscribed(db: Db, signatureId: number, now: string): Promise<void> {
  await db
    .updateTable('signatures')
    .set({ opt_in: 0, unsubscribed_at: now })
    .where('id', '=', signatureId)
    .where('unsubscribed_at', 'is', null)
    .execute();
}

/**
 * Deletes the signature (name, email, comment and all), takes it off the count if it was counted, drops its
 * mail and announces 'signature.withdrawn', in one transaction. Returns false when it was already gone.
 */
export async function deleteSignature(
  db: Db,
  events: EventEmitter<SigningEvents>,
  signatureId: number,
  shard: number,
  now: string,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .deleteFrom('signatures')
      .where('id', '=', signatureId)
      .returning(['petition_id', 'status'])
      .executeTakeFirst();
    if (row === undefined) return false;
    if (row.status === 'confirmed') await addToCount(trx, row.petition_id, -1, shard);
    // All of its mail, sent too: the signature's details are deleted, so is every trace of mail to it.
    await trx.deleteFrom('mail_outbox').where('signature_id', '=', signatureId).execute();
    await events.emit('signature.withdrawn', { signatureId, petitionId: row.petition_id, now }, trx);
    return true;
  });
}

/** Deletes unconfirmed signatures whose last confirmation link was sent before `cutoff`, with their queued mail; counts are untouched (pending never counted). */
export async function purgeUnconfirmedBefore(db: Db, cutoff: string, batch = 1000): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await db.transaction().execute(async (trx) => {
      const ids = (
        await trx
          .selectFrom('signatures')
          .select('id')
          .where('status', '=', 'pending')
          .where('confirmation_sent_at', '<', cutoff)
          .orderBy('id')
          .limit(batch)
          .execute()
      ).map((r) => r.id);
      if (ids.length === 0) return 0;
      await trx
        .deleteFrom('mail_outbox')
        .where('signature_id', 'in', ids)
        .where('status', 'in', ['queued', 'failed'])
        .execute();
      await trx.deleteFrom('signatures').where('id', 'in', ids).where('status', '=', 'pending').execute();
      return ids.length;
    });
    total += deleted;
    if (deleted < batch) return total;
  }
}

export async function countPending(db: Db, petitionId: number): Promise<number> {
  const row = await db
    .selectFrom('signatures')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('petition_id', '=', petitionId)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
