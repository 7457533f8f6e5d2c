// A fixed-window counter per key, in this process's memory: cheap enough for the signing path.

export interface RateLimiter {
  /** Counts one attempt for `key`; false when the key is over its limit in this window. */
  hit(key: string): boolean;
}

export interface RateLimiterOptions {
  limit: number;
  windowMs: number;
  now: () => number;
}

export function createRateLimiter({ limit, windowMs, now }: RateLimiterOptions): RateLimiter {
  let windowStart = now();
  let counts = new Map<string, number>();
  return {
    hit(key) {
      if (limit === 0) return true;
      const time = now();
      if (time - windowStart >= windowMs) {
        windowStart = time;
        counts = new Map();
      }
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      return n <= limit;
    },
  };
}
