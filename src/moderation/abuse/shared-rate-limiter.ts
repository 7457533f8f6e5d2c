// Rate limits whose limit is read at each hit (admins change them while the site runs), counted in
// this process's memory and, on PostgreSQL, shared with every other process without a database
// round-trip per request: increments are flushed in one upsert every FLUSH_MS, which returns the
// totals of all processes; a key's estimate is this process's count plus what the others added.
// Keys at half their limit or more are re-read at every flush even without new hits here, so a
// process learns within a flush that others used up a key it has not seen for a while. A key's
// first hit in a process is not shared (see SHARE_FROM).
import type { Logger } from 'pino';
import type { Db } from '../../db/connect.js';
import { createCountMinSketch, type CountMinSketch } from './count-min-sketch.js';
import { addHits, purgeHitsBefore, readHits, type BucketHits } from './rate-limit-store.js';

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

/** How often one process adds its counts to the shared rows: how far processes may lag each other. */
export const FLUSH_MS = 200;
/** Keys whose other-process counts are remembered, per family and window (beyond it, only local counts). */
const MAX_REMOTE_KEYS = 100_000;
/** Keys near their limit re-read at each flush, per family and window. */
const MAX_WATCHED_KEYS = 10_000;
/**
 * A key is shared from its second hit in this process: with P processes a key can be over its limit
 * by at most P - 1 unshared first hits, and honest signers (one hit each) cost no database write.
 */
const SHARE_FROM = 2;
/** Counters per sketch row: 512 KiB per family; with 300,000 distinct keys a window, ~4.6 per counter. */
const SKETCH_WIDTH = 1 << 16;

export interface SharedRateLimiter {
  /** Counts one hit for `key`; false (and not counted) when it has reached `limit` in this window. 0: no limit. */
  hit(family: LimitFamily, key: string, limit: number): boolean;
  /** Sends this process's counts now and reads back the shared totals (PostgreSQL; nothing on SQLite). */
  flush(): Promise<void>;
}

export interface SharedRateLimiterOptions {
  db: Db;
  /** Only PostgreSQL has several processes to share with; SQLite is one process. */
  shared: boolean;
  now: () => number;
  /** Buckets are stored under a keyed hash of their key, never the address or domain itself. */
  hashKey: (key: string) => string;
  logger: Logger;
}

interface FamilyState {
  windowIndex: number;
  local: CountMinSketch;
  /** Hits not yet flushed, by key. */
  pending: Map<string, number>;
  /** What the other processes added, by key, as of the last flush of that key. */
  remote: Map<string, number>;
  /** Keys at half their limit or more: their shared totals are re-read at every flush. */
  watched: Set<string>;
}

export function bucketName(family: LimitFamily, hashedKey: string): string {
  return `${family}:${hashedKey}`;
}

export function createSharedRateLimiter({ db, shared, now, hashKey, logger }: SharedRateLimiterOptions): SharedRateLimiter {
  const states = new Map<LimitFamily, FamilyState>();
  let timer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> | undefined;

  function stateOf(family: LimitFamily): FamilyState {
    const windowIndex = Math.floor(now() / LIMIT_WINDOWS_MS[family]);
    let state = states.get(family);
    if (state === undefined) {
      state = { windowIndex, local: createCountMinSketch(SKETCH_WIDTH), pending: new Map(), remote: new Map(), watched: new Set() };
      states.set(family, state);
    } else if (state.windowIndex !== windowIndex) {
      // A new window: earlier counts no longer matter, here or in the shared rows.
      state.windowIndex = windowIndex;
      state.local.clear();
      state.pending.clear();
      state.remote.clear();
      state.watched.clear();
    }
    return state;
  }

  async function flushNow(): Promise<void> {
    const batch: BucketHits[] = [];
    const keys = new Map<string, { family: LimitFamily; key: string; windowIndex: number }>();
    const reads: { windowIndex: number; buckets: string[] }[] = [];
    for (const [family, state] of states) {
      const watchedOnly: string[] = [];
      for (const key of state.watched) {
        if (state.pending.has(key)) continue;
        const bucket = bucketName(family, hashKey(key));
        watchedOnly.push(bucket);
        keys.set(bucket, { family, key, windowIndex: state.windowIndex });
      }
      if (watchedOnly.length > 0) reads.push({ windowIndex: state.windowIndex, buckets: watchedOnly });
      for (const [key, hits] of state.pending) {
        const bucket = bucketName(family, hashKey(key));
        batch.push({ bucket, windowIndex: state.windowIndex, hits });
        keys.set(bucket, { family, key, windowIndex: state.windowIndex });
      }
      state.pending = new Map();
    }
    const totals = batch.length === 0 ? [] : await addHits(db, batch);
    for (const read of reads) totals.push(...(await readHits(db, read.buckets, read.windowIndex)));
    for (const total of totals) {
      const known = keys.get(total.bucket);
      if (known === undefined) continue;
      const state = stateOf(known.family);
      if (state.windowIndex !== known.windowIndex) continue;
      const others = total.hits - state.local.estimate(known.key);
      if (others > 0 && (state.remote.has(known.key) || state.remote.size < MAX_REMOTE_KEYS)) state.remote.set(known.key, others);
    }
  }

  function flush(): Promise<void> {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    // One flush at a time: a second caller waits for the running one, then sends what came since.
    const run = (flushing ?? Promise.resolve()).then(flushNow);
    const tracked: Promise<void> = run.finally(() => {
      if (flushing === tracked) flushing = undefined;
    });
    flushing = tracked;
    return tracked;
  }

  function scheduleFlush() {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      flush().catch((err: unknown) => logger.warn({ err }, 'rate-limit counts could not be shared'));
    }, FLUSH_MS);
    timer.unref();
  }

  return {
    hit(family, key, limit) {
      if (limit <= 0) return true;
      const state = stateOf(family);
      const local = state.local.estimate(key);
      const count = local + (state.remote.get(key) ?? 0);
      if (shared && (count + 1) * 2 >= limit && state.watched.size < MAX_WATCHED_KEYS) state.watched.add(key);
      if (count >= limit) return false;
      state.local.add(key);
      // A key's first hit here stays local: most signers sign once, and sharing every one of them would
      // cost the database a row per signature. From the second on, the key's hits are shared.
      if (shared && local + 1 >= SHARE_FROM) {
        state.pending.set(key, (state.pending.get(key) ?? 0) + (local + 1 === SHARE_FROM ? SHARE_FROM : 1));
        scheduleFlush();
      }
      return true;
    },
    flush: () => (shared ? flush() : Promise.resolve()),
  };
}

/** Deletes the shared counters of past windows (a background job). */
export async function purgeOldRateLimitHits(db: Db, nowMs: number): Promise<number> {
  let deleted = 0;
  for (const family of FAMILIES) deleted += await purgeHitsBefore(db, `${family}:`, Math.floor(nowMs / LIMIT_WINDOWS_MS[family]));
  return deleted;
}
