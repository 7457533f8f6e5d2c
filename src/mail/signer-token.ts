// The link token in every email to a signer: derived from a random salt and the server secret, so
// the database holds only the salt and the token's hash, and any email can carry the same link again.
import { createHash, createHmac, randomBytes } from 'node:crypto';

export function newTokenSalt(): string {
  return randomBytes(16).toString('base64url');
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
