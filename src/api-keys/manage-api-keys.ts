// Making, revoking and checking API keys: each change leaves its audit row; a key is shown once, when made.
import { canManagePetition } from '../accounts/policy.js';
import type { User } from '../accounts/user.js';
import type { Db } from '../platform/db/connect.js';
import type { TtlCache } from '../platform/http/ttl-cache.js';
import { recordAudit } from '../platform/audit/audit-store.js';
import { hashKey, looksLikeKey, MAX_KEY_NAME, newKeyText, SHOWN_PREFIX_LENGTH, type ApiKey } from './api-key.js';
import { findApiKeyByHash, insertApiKey, markApiKeyUsed, revokeApiKeyOf } from './api-key-store.js';

/** A key in use and its account. */
export interface AuthenticatedKey {
  key: ApiKey;
  user: User;
}

export interface ApiKeyDeps {
  db: Db;
  now: () => Date;
  petitions: { byId(id: number): Promise<{ id: number; ownerId: number | null } | undefined> };
  users: { byId(id: number): Promise<User | undefined> };
  /**
   * Keys checked in the last seconds, by hash (null: no key in use): a script's calls in a row are not each two
   * queries. Revoking here clears it; another process sees a revocation when its entry expires (API_KEY_CACHE_MS).
   */
  checked?: TtlCache<AuthenticatedKey | null>;
}

/** How long a checked key is trusted without asking the database again (a revocation elsewhere takes this long). */
export const API_KEY_CACHE_MS = 5000;

export type CreateKeyResult =
  | { kind: 'created'; key: ApiKey; text: string }
  | { kind: 'bad_name' }
  /** A petition the account may not manage (or none with that id). */
  | { kind: 'no_petition' };

/** A key for `user`, for all their petitions or one; `text` is the key, shown now and never again. */
export async function createApiKey(
  deps: ApiKeyDeps,
  request: { user: User; name: string; petitionId: number | null; canWrite: boolean; viaCommandLine?: boolean },
): Promise<CreateKeyResult> {
  const name = request.name.trim();
  if (name === '' || [...name].length > MAX_KEY_NAME) return { kind: 'bad_name' };
  if (request.petitionId !== null) {
    const petition = await deps.petitions.byId(request.petitionId);
    if (petition === undefined || !canManagePetition(request.user, petition)) return { kind: 'no_petition' };
  }
  const text = newKeyText();
  const now = deps.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    const keyId = await insertApiKey(trx, {
      userId: request.user.id,
      petitionId: request.petitionId,
      name,
      canWrite: request.canWrite,
      keyHash: hashKey(text),
      keyPrefix: text.slice(0, SHOWN_PREFIX_LENGTH),
      createdAt: now.toISOString(),
    });
    await recordAudit(trx, {
      actorId: request.viaCommandLine === true ? null : request.user.id,
      action: 'api_key.create',
      petitionId: request.petitionId,
      details: { key: name, key_id: keyId, write: request.canWrite, for_user: request.user.id },
      now,
    });
    return keyId;
  });
  const key = await findApiKeyByHash(deps.db, hashKey(text));
  if (key === undefined || key.id !== id) throw new Error('the API key just made cannot be read back');
  return { kind: 'created', key, text };
}

/** Revokes one of the user's own keys; false when they have no such key in use. */
export async function revokeApiKey(deps: ApiKeyDeps, user: User, keyId: number): Promise<boolean> {
  const now = deps.now();
  const revoked = await deps.db.transaction().execute(async (trx) => {
    const done = await revokeApiKeyOf(trx, user.id, keyId, now.toISOString());
    if (done)
      await recordAudit(trx, {
        actorId: user.id,
        action: 'api_key.revoke',
        petitionId: null,
        details: { key_id: keyId },
        now,
      });
    return done;
  });
  // After the commit: a call checked while the revocation was being written cannot keep the key for seconds more.
  deps.checked?.clear();
  return revoked;
}

/** "Last used" is written at most this often per key: a script paging through signatures writes it once. */
const LAST_USED_EVERY_MS = 60_000;

/** The key and its account, for a key text in use; undefined for anything else (unknown, revoked, malformed). */
export async function authenticateApiKey(deps: ApiKeyDeps, text: string): Promise<AuthenticatedKey | undefined> {
  if (!looksLikeKey(text)) return undefined;
  const hash = hashKey(text);
  const found =
    deps.checked === undefined ? await lookUp(deps, hash) : await deps.checked.get(hash, () => lookUp(deps, hash));
  return found ?? undefined;
}

async function lookUp(deps: ApiKeyDeps, hash: string): Promise<AuthenticatedKey | null> {
  const key = await findApiKeyByHash(deps.db, hash);
  if (key === undefined || key.revokedAt !== null) return null;
  const user = await deps.users.byId(key.userId);
  if (user === undefined) return null;
  const now = deps.now();
  if (key.lastUsedAt === null || now.getTime() - new Date(key.lastUsedAt).getTime() >= LAST_USED_EVERY_MS)
    await markApiKeyUsed(deps.db, key.id, now.toISOString());
  return { key, user };
}
