// The ALTCHA proof of work (altcha-lib, v1 scheme: find n with SHA-256(salt + n) = challenge):
// challenges bound to one petition, expiring, and each solution accepted once across all processes.
import { createHmac } from 'node:crypto';
import { createChallenge, extractParams, verifySolution } from 'altcha-lib/v1';
import type { Challenge } from 'altcha-lib/v1/types';
import { z } from 'zod';
import type { Db } from '../platform/db/connect.js';
import { claimOnce, purgeHitsBefore } from './rate-limit-store.js';

/** How long a signer has from fetching a challenge to posting the form. */
export const CHALLENGE_MINUTES = 10;
/** The hidden form field pow.js fills in. */
export const POW_FIELD = 'altcha';
const USED_PREFIX = 'pow-used:';

/** The HMAC key of challenges: derived from the site secret, so it is never the secret itself. */
export function powKey(secret: string): string {
  return createHmac('sha256', secret).update('firma proof of work').digest('hex');
}

export async function newChallenge(key: string, petitionId: number, maxNumber: number, now: Date): Promise<Challenge> {
  return createChallenge({
    hmacKey: key,
    maxNumber,
    algorithm: 'SHA-256',
    expires: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000),
    params: { p: String(petitionId) },
  });
}

const payloadSchema = z.object({
  algorithm: z.literal('SHA-256'),
  challenge: z.string().regex(/^[0-9a-f]{64}$/),
  number: z.number().int().min(0).max(100_000_000),
  salt: z.string().min(1).max(200),
  signature: z.string().regex(/^[0-9a-f]{64}$/),
});

export type SolutionCheck = 'valid' | 'missing' | 'invalid' | 'expired' | 'replayed';

/**
 * Whether `field` (base64 JSON, as the ALTCHA widget and pow.js post it) solves a challenge this
 * site made for this petition, not yet expired and never used before. Expiry is checked against
 * the site's clock (altcha-lib's own check reads the machine clock).
 */
export async function checkSolution(
  db: Db,
  key: string,
  petitionId: number,
  field: unknown,
  now: Date,
): Promise<SolutionCheck> {
  if (typeof field !== 'string' || field === '') return 'missing';
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(field.slice(0, 2000), 'base64').toString('utf8'));
  } catch {
    return 'invalid';
  }
  const payload = payloadSchema.safeParse(decoded);
  if (!payload.success) return 'invalid';
  const params = extractParams(payload.data);
  if (params['p'] !== String(petitionId)) return 'invalid';
  const expires = Number(params['expires']) * 1000;
  if (!Number.isFinite(expires)) return 'invalid';
  if (!(await verifySolution(payload.data, key, false))) return 'invalid';
  if (expires <= now.getTime()) return 'expired';
  // Remembered (by every process, in the database) until a minute past its expiry, then purged.
  const fresh = await claimOnce(db, `${USED_PREFIX}${payload.data.signature}`, Math.floor(expires / 60_000) + 1);
  return fresh ? 'valid' : 'replayed';
}

/** Forgets used solutions whose challenges have expired (they could not be used again anyway). */
export function purgeUsedSolutions(db: Db, now: Date): Promise<number> {
  return purgeHitsBefore(db, USED_PREFIX, Math.floor(now.getTime() / 60_000));
}
