// A fixed-window counter per key, in this process's memory: cheap enough for the signing path,
// and of fixed size however many addresses sign (a count-min sketch, not a map per address).

export interface RateLimiter {
  /** Counts one attempt for `key`; false when the key is over its limit in this window. */
  hit(key: string): boolean;
}

export interface RateLimiterOptions {
  limit: number;
  windowMs: number;
  now: () => number;
}

// 4 rows of 65,536 16-bit counters: 512 KiB. A key is refused only when all four of its counters
// reach the limit, so it is never undercounted; counting a key over (refusing an honest signer)
// needs ~limit other attempts in each of its four buckets: with 300,000 distinct addresses in a
// minute that is about 4.6 per bucket, nowhere near a limit of 60.
const ROWS = 4;
const WIDTH = 1 << 16;

function fnv1a(key: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createRateLimiter({ limit, windowMs, now }: RateLimiterOptions): RateLimiter {
  let windowStart = now();
  const counters = new Uint16Array(ROWS * WIDTH);
  const slots = new Int32Array(ROWS);
  const cap = Math.min(limit, 0xfffe) + 1;
  return {
    hit(key) {
      if (limit === 0) return true;
      const time = now();
      if (time - windowStart >= windowMs) {
        windowStart = time;
        counters.fill(0);
      }
      const h1 = fnv1a(key, 0);
      const h2 = fnv1a(key, 0x9e3779b9) | 1;
      let min = 0xffff;
      for (let row = 0; row < ROWS; row++) {
        const slot = row * WIDTH + (((h1 + Math.imul(row, h2)) >>> 0) % WIDTH);
        slots[row] = slot;
        min = Math.min(min, counters[slot] ?? 0);
      }
      // Conservative update: raise only the counters at the minimum, up to just past the limit.
      if (min < cap)
        for (let row = 0; row < ROWS; row++) if (counters[slots[row] ?? 0] === min) counters[slots[row] ?? 0] = min + 1;
      return min + 1 <= limit;
    },
  };
}
