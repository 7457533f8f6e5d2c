// On PostgreSQL, one family's hits in one window of this process. A key's first hit here stays local (a
// signer who signs once costs no write); every further hit spends a hit reserved in the shared row, and
// the first is added to the row with the key's first reservation. No reservation lets a row pass its
// limit, so P processes let a key through at most limit + P - 1 times a window (decision 0011).
import type { Db } from '../platform/db/connect.js';
import { reserveHits } from './rate-limit-store.js';
import { createSeenKeys } from './seen-keys.js';

/** Keys remembered past their first hit, per family and window; past that, each hit is a query of its own. */
const MAX_KEYS = 100_000;
/** A reservation takes this share of what was left at this process's last one: single hits near the limit. */
const BLOCK_SHARE = 8;
/** The most hits one reservation takes: what a process may hold unused while another is refused. */
const MAX_BLOCK = 32;

interface KeyHits {
  bucket: string;
  /** Hits let through here, the first included: a limit lowered below it refuses even reserved hits. */
  accepted: number;
  /** Hits reserved in the shared row and not used yet. */
  held: number;
  /** Whether this process's first hit, let through before any reservation, is in the shared row yet. */
  firstRecorded: boolean;
  /** The row's total after this process's last reservation. */
  stored: number;
  /** The limit under which nothing was left to reserve: no more queries for the key unless it rises. */
  exhaustedAt?: number;
  /** The reservation under way: concurrent hits of the key wait for it instead of sending their own. */
  reserving?: Promise<void>;
}

export interface ReservedHits {
  /** Counts one hit for `key`; false (not counted) when none is left under `limit` (1 or more). */
  hit(key: string, limit: number): Promise<boolean>;
}

interface Wanted {
  bucket: string;
  hits: number;
  limit: number;
  resolve: (total: number | undefined) => void;
  reject: (err: unknown) => void;
}

export function createReservedHits(db: Db, windowIndex: number, bucketOf: (key: string) => string): ReservedHits {
  const seen = createSeenKeys();
  const keys = new Map<string, KeyHits>();
  let wanted: Wanted[] = [];
  let scheduled = false;

  /**
   * Sends the reservations asked for during this turn of the event loop, one statement per limit: under a spike
   * many keys need one at once, and a round trip each would cost the signing path a query per signer.
   */
  function sendWanted(): void {
    scheduled = false;
    const batch = wanted;
    wanted = [];
    const byLimit = new Map<number, Wanted[]>();
    const later: Wanted[] = [];
    for (const w of batch) {
      const group = byLimit.get(w.limit) ?? [];
      // A bucket once per statement (PostgreSQL cannot update one row twice in one upsert): a second ask waits.
      if (group.some((g) => g.bucket === w.bucket)) later.push(w);
      else group.push(w);
      byLimit.set(w.limit, group);
    }
    for (const [limit, group] of byLimit) {
      reserveHits(
        db,
        group.map((w) => ({ bucket: w.bucket, windowIndex, hits: w.hits })),
        limit,
      ).then(
        (totals) => group.forEach((w) => w.resolve(totals.get(w.bucket))),
        (err: unknown) => group.forEach((w) => w.reject(err)),
      );
    }
    for (const w of later) ask(w);
  }

  function ask(w: Wanted): void {
    wanted.push(w);
    if (!scheduled) {
      scheduled = true;
      setImmediate(sendWanted);
    }
  }

  /** Adds `hits` to the key's row if they fit under `limit`; the new total, or undefined. */
  function reserve(bucket: string, hits: number, limit: number): Promise<number | undefined> {
    // A new row is written unchecked, and more hits than the limit never fit in any row.
    if (hits > limit) return Promise.resolve(undefined);
    return new Promise((resolve, reject) => ask({ bucket, hits, limit, resolve, reject }));
  }

  /** A block of hits for the key, or else a single one; either carries the unrecorded first hit along. */
  async function reserveFor(hits: KeyHits, limit: number): Promise<void> {
    const first = hits.firstRecorded ? 0 : 1;
    const block = Math.min(MAX_BLOCK, Math.max(1, Math.floor((limit - hits.stored - first) / BLOCK_SHARE)));
    for (const take of block > 1 ? [block, 1] : [1]) {
      const stored = await reserve(hits.bucket, take + first, limit);
      if (stored === undefined) continue;
      hits.firstRecorded = true;
      hits.held += take;
      hits.stored = stored;
      return;
    }
    hits.exhaustedAt = limit;
  }

  /** Spends a hit the process holds for the key, reserving more when it holds none. */
  async function spend(hits: KeyHits, limit: number): Promise<boolean> {
    for (;;) {
      if (hits.accepted >= limit) return false;
      if (hits.held > 0) {
        hits.held -= 1;
        hits.accepted += 1;
        return true;
      }
      if (hits.exhaustedAt !== undefined && limit <= hits.exhaustedAt) return false;
      // The hits that wait look again when it is done: it may have left them hits, or none.
      hits.reserving ??= reserveFor(hits, limit).finally(() => (hits.reserving = undefined));
      await hits.reserving;
    }
  }

  return {
    async hit(key, limit) {
      let hits = keys.get(key);
      if (hits === undefined) {
        if (seen.addIfNew(key)) return true;
        // Too many keys to remember: each hit reserves itself and, again, the first hit, which keeps the
        // bound (that first hit is always recorded) at the price of a query per hit and a stricter count.
        if (keys.size >= MAX_KEYS) return (await reserve(bucketOf(key), 2, limit)) !== undefined;
        hits = { bucket: bucketOf(key), accepted: 1, held: 0, firstRecorded: false, stored: 0 };
        keys.set(key, hits);
      }
      return spend(hits, limit);
    },
  };
}
