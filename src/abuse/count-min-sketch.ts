// Approximate counts per key in fixed memory (a count-min sketch): never under a key's true count,
// rarely over it, whatever number of distinct keys arrives.

export interface CountMinSketch {
  /** The key's count (never less than the true count). */
  estimate(key: string): number;
  /** Adds one to the key's count. */
  add(key: string): void;
  clear(): void;
}

const ROWS = 4;

/** A 32-bit FNV-1a hash of `key`; two seeds give the two hashes that place a key in every row. */
export function fnv1a(key: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** `width` counters per row (4 rows of 16-bit counters: 8 bytes per unit of width). */
export function createCountMinSketch(width: number): CountMinSketch {
  const counters = new Uint16Array(ROWS * width);
  const slots = new Int32Array(ROWS);
  // add() right after estimate() of the same key (the rate limiter's pattern) reuses its slots.
  let located: string | undefined;
  const locate = (key: string) => {
    located = key;
    const h1 = fnv1a(key, 0);
    const h2 = fnv1a(key, 0x9e3779b9) | 1;
    let min = 0xffff;
    for (let row = 0; row < ROWS; row++) {
      const slot = row * width + (((h1 + Math.imul(row, h2)) >>> 0) % width);
      slots[row] = slot;
      min = Math.min(min, counters[slot] ?? 0);
    }
    return min;
  };
  return {
    estimate: locate,
    add(key) {
      let min = 0xffff;
      if (located === key) for (let row = 0; row < ROWS; row++) min = Math.min(min, counters[slots[row] ?? 0] ?? 0);
      else min = locate(key);
      if (min === 0xffff) return;
      // Conservative update: only the counters at the minimum rise, which keeps collisions from inflating others.
      for (let row = 0; row < ROWS; row++) {
        const slot = slots[row] ?? 0;
        if (counters[slot] === min) counters[slot] = min + 1;
      }
    },
    clear() {
      located = undefined;
      counters.fill(0);
    },
  };
}
