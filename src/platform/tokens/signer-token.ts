// The link token in every email to a signer: derived from a random salt and the server secret, so
// the database holds only the salt and the token's hash, and any email can carry the same link again.
import { createHash, createHmac, randomBytes } from 'node:crypto';

const SALT_BYTES = 16;
/** Random bytes are drawn from the OS a few kilobytes at a time: one system call per 256 salts, not one per signer. */
let pool = Buffer.alloc(0);
let offset = 0;

export function newTokenSalt(): string {
  if (offset + SALT_BYTES > pool.length) {
    pool = randomBytes(4096);
    offset = 0;
  }
  const salt = pool.toString('base64url', offset, offset + SALT_BYTES);
  offset += SALT_BYTES;
  return salt;
}

export function signerToken(secret: string, salt: string): string {
  return createHmac('sha256', secret).update(`signer:${salt}`).digest('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Tokens are 43 base64url characters; anything else is refused before touching the database. */
export function isWellFormedToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
