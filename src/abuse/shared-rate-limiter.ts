// Rate limits whose limit is read at each hit (admins change them while the site runs), per fixed window.
// One process (SQLite) counts in memory. On PostgreSQL every process spends hits reserved in blocks in
// `rate_limit_hits` (reserved-hits.ts), so together they let a key through at most limit + P - 1 times a
// window, P being the number of processes: see docs/decisions/0011-shared-rate-limits-by-reserved-hits.md.
import type { Db } from '../platform/db/connect.js';
import { createCountMinSketch } from './count-min-sketch.js';
import { purgeHitsBefore } from './rate-limit-store.js';
import { createReservedHits } from './reserved-hits.js';

/** What is counted, and over which fixed window. */
export const LIMIT_WINDOWS_MS = {
  /** Signing attempts per client address (every petition together). */
  'sign-address': 60_000,
  /** Signatures per petition. */
  'sign-petition': 60_000,
  /** Signatures per email domain per petition. */
  'sign-domain': 60_000,
  /** Signatures per network (/24, /48) per petition: the automatic proof-of-work switch. */
  'burst-network': 60_000,
} as const;

export type LimitFamily = keyof typeof LIMIT_WINDOWS_MS;
const FAMILIES = Object.keys(LIMIT_WINDOWS_MS) as LimitFamily[]; // the keys of the object above

/** Counters per sketch row: 512 KiB per family; with 300,000 distinct keys a window, ~4.6 per counter. */
const SKETCH_WIDTH = 1 << 16;

export interface SharedRateLimiter {
  /**
   * Counts one hit for `key`; false (and not counted) when it has reached `limit` in this window. 0: no
   * limit. On PostgreSQL it may wait for a reservation, and a database error there rejects it.
   */
  hit(family: LimitFamily, key: string, limit: number): Promise<boolean>;
}

export interface SharedRateLimiterOptions {
  db: Db;
  /** Only PostgreSQL has several processes to share with; SQLite is one process. */
  shared: boolean;
  now: () => number;
  /** Buckets are stored under a keyed hash of their key, never the address or domain itself. */
  hashKey: (key: string) => string;
}

/** One family's counts in one window. */
interface WindowCounts {
  hit(key: string, limit: number): Promise<boolean> | boolean;
}

function localCounts(): WindowCounts {
  const sketch = createCountMinSketch(SKETCH_WIDTH);
  return {
    hit(key, limit) {
      if (sketch.estimate(key) >= limit) return false;
      sketch.add(key);
      return true;
    },
  };
}

export function createSharedRateLimiter({ db, shared, now, hashKey }: SharedRateLimiterOptions): SharedRateLimiter {
  const windows = new Map<LimitFamily, { index: number; counts: WindowCounts }>();

  function countsOf(family: LimitFamily): WindowCounts {
    const index = Math.floor(now() / LIMIT_WINDOWS_MS[family]);
    const current = windows.get(family);
    if (current !== undefined && current.index === index) return current.counts;
    // A new window: earlier counts no longer matter, here or in the shared rows.
    const counts = shared ? createReservedHits(db, index, (key) => `${family}:${hashKey(key)}`) : localCounts();
    windows.set(family, { index, counts });
    return counts;
  }

  return {
    async hit(family, key, limit) {
      if (limit <= 0) return true;
      return countsOf(family).hit(key, limit);
    },
  };
}

/** Deletes the shared counters of past windows (a background job). */
export async function purgeOldRateLimitHits(db: Db, nowMs: number): Promise<number> {
  let deleted = 0;
  for (const family of FAMILIES) {
    deleted += await purgeHitsBefore(db, `${family}:`, Math.floor(nowMs / LIMIT_WINDOWS_MS[family]));
  }
  return deleted;
}
