// Whether this process has met a key before in a window, in fixed memory (a Bloom filter): a key met
// before is always known again; a new key passes for a known one rarely (1 in 250 among 300,000 keys).
import { fnv1a } from './count-min-sketch.js';

export interface SeenKeys {
  /** Remembers `key`; true when it had not been met before. */
  addIfNew(key: string): boolean;
}

const ROWS = 4;
/** Bits per row: 4 × 2^20 bits are 512 KiB, the size of one count-min sketch (16 times as many slots). */
const ROW_BITS = 1 << 20;

/** MurmurHash3's finalizer: FNV-1a's low bits, which pick a key's slots here, follow similar keys too closely. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function createSeenKeys(): SeenKeys {
  const words = new Uint32Array((ROWS * ROW_BITS) / 32);
  return {
    addIfNew(key) {
      const h1 = mix(fnv1a(key, 0));
      const h2 = mix(fnv1a(key, 0x9e3779b9)) | 1;
      let isNew = false;
      for (let row = 0; row < ROWS; row++) {
        const bit = row * ROW_BITS + (((h1 + Math.imul(row, h2)) >>> 0) % ROW_BITS);
        const word = words[bit >>> 5] ?? 0;
        const mask = 1 << (bit & 31);
        if ((word & mask) !== 0) continue;
        isNew = true;
        words[bit >>> 5] = word | mask;
      }
      return isNew;
    },
  };
}
