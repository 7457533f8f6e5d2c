// The abuse defences one process keeps: shared rate limits, the block list, the proof-of-work key and switches.
import type { Db, Engine } from '../platform/db/connect.js';
import { createBlockList, type BlockList } from './block-list.js';
import { disposableDomains } from './disposable-domains.js';
import { powKey } from './proof-of-work.js';
import { readPowState, type PowState } from './pow-store.js';
import { createSharedRateLimiter, type SharedRateLimiter } from './shared-rate-limiter.js';

/** How stale another process's view of a petition's proof-of-work switch may be. */
export const POW_STATE_TTL_MS = 2000;

export interface AbuseDefences {
  limits: SharedRateLimiter;
  blocks: BlockList;
  /** HMAC key of proof-of-work challenges. */
  powKey: string;
  /** A petition's proof-of-work switch (at most POW_STATE_TTL_MS old). */
  powState(petitionId: number): Promise<PowState>;
  /** Forget the cached switch (after this process changed it). */
  forgetPowState(petitionId: number): void;
}

export interface AbuseDefencesOptions {
  db: Db;
  engine: Engine;
  secret: string;
  now: () => number;
  hashKey: (key: string) => string;
}

export function createAbuseDefences({ db, engine, secret, now, hashKey }: AbuseDefencesOptions): AbuseDefences {
  const powStates = new Map<number, { at: number; value: Promise<PowState> }>();
  // Load the disposable-domain list (about 100 ms) soon after start, not in the first signer's request.
  setImmediate(() => disposableDomains()).unref();
  return {
    limits: createSharedRateLimiter({ db, shared: engine === 'postgres', now, hashKey }),
    blocks: createBlockList(db, now),
    powKey: powKey(secret),
    powState(petitionId) {
      const time = now();
      const cached = powStates.get(petitionId);
      if (cached !== undefined && time - cached.at < POW_STATE_TTL_MS) return cached.value;
      // Stale entries of other petitions go too, so the map holds only recently signed petitions.
      for (const [id, entry] of powStates) if (time - entry.at >= POW_STATE_TTL_MS) powStates.delete(id);
      const value = readPowState(db, petitionId);
      powStates.set(petitionId, { at: time, value });
      value.catch(() => powStates.delete(petitionId));
      return value;
    },
    forgetPowState(petitionId) {
      powStates.delete(petitionId);
    },
  };
}
