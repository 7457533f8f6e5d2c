// The only SQL of API keys: kept by hash, listed for their owner, marked used and revoked.
import type { Db } from '../platform/db/connect.js';
import type { ApiKey } from './api-key.js';

export interface NewApiKey {
  userId: number;
  petitionId: number | null;
  name: string;
  canWrite: boolean;
  keyHash: string;
  keyPrefix: string;
  createdAt: string;
}

const COLUMNS = [
  'k.id',
  'k.user_id',
  'k.petition_id',
  'p.slug',
  'k.name',
  'k.can_write',
  'k.key_prefix',
  'k.created_at',
  'k.last_used_at',
  'k.revoked_at',
] as const;

function selectKeys(db: Db) {
  return db.selectFrom('api_keys as k').leftJoin('petitions as p', 'p.id', 'k.petition_id').select(COLUMNS);
}

function toApiKey(r: {
  id: number;
  user_id: number;
  petition_id: number | null;
  slug: string | null;
  name: string;
  can_write: number;
  key_prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}): ApiKey {
  return {
    id: r.id,
    userId: r.user_id,
    petition: r.petition_id === null ? null : { id: r.petition_id, slug: r.slug ?? '' },
    name: r.name,
    canWrite: r.can_write === 1,
    prefix: r.key_prefix,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  };
}

export async function insertApiKey(db: Db, key: NewApiKey): Promise<number> {
  const row = await db
    .insertInto('api_keys')
    .values({
      user_id: key.userId,
      petition_id: key.petitionId,
      name: key.name,
      can_write: key.canWrite ? 1 : 0,
      key_hash: key.keyHash,
      key_prefix: key.keyPrefix,
      created_at: key.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The key with this hash, revoked or not. */
export async function findApiKeyByHash(db: Db, keyHash: string): Promise<ApiKey | undefined> {
  const row = await selectKeys(db).where('k.key_hash', '=', keyHash).executeTakeFirst();
  return row === undefined ? undefined : toApiKey(row);
}

/** An account's keys, newest first, revoked ones too (their owner sees when they stopped). */
export async function listApiKeysOf(db: Db, userId: number): Promise<ApiKey[]> {
  const rows = await selectKeys(db).where('k.user_id', '=', userId).orderBy('k.id', 'desc').execute();
  return rows.map(toApiKey);
}

export async function markApiKeyUsed(db: Db, id: number, now: string): Promise<void> {
  await db.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', id).execute();
}

/** Revokes one of the account's own keys; false when it has no such key still in use. */
export async function revokeApiKeyOf(db: Db, userId: number, id: number, now: string): Promise<boolean> {
  const result = await db
    .updateTable('api_keys')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
