// What an API key is and what it may reach: it acts for its account, never beyond what the account may do on the
// site, narrowed to one petition when it was made for one, and to reading unless it was made to write.
import { createHash, randomBytes } from 'node:crypto';
import { canManagePetition } from '../accounts/policy.js';
import type { User } from '../accounts/user.js';

export interface ApiKey {
  id: number;
  userId: number;
  /** Null: every petition the account manages. */
  petition: { id: number; slug: string } | null;
  name: string;
  canWrite: boolean;
  /** The key's first characters, to tell keys apart in a list. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Every key starts so: a leaked key is recognisable (secret scanners, logs). */
export const KEY_PREFIX = 'firma_';
/** Characters of a key shown in lists after it was made. */
export const SHOWN_PREFIX_LENGTH = KEY_PREFIX.length + 6;
export const MAX_KEY_NAME = 100;

/** A new key: 32 random bytes, written base64url after the prefix. */
export function newKeyText(): string {
  return `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** What is stored of a key. SHA-256 suffices: 256 random bits cannot be guessed, however fast the hash. */
export function hashKey(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Whether the text could be a key at all (checked before any lookup). */
export function looksLikeKey(text: string): boolean {
  return /^firma_[A-Za-z0-9_-]{43}$/.test(text);
}

/** Whether the key, used by `user`, may reach this petition. */
export function keyReaches(
  key: Pick<ApiKey, 'petition'>,
  user: User,
  petition: { id: number; ownerId: number | null },
): boolean {
  if (key.petition !== null && key.petition.id !== petition.id) return false;
  return canManagePetition(user, petition);
}
