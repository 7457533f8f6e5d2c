import { describe, expect, it } from 'vitest';
import { createSeenKeys } from './seen-keys.js';

const address = (i: number) => `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`;

describe('the keys a process has met in a window', () => {
  it('knows every key met before, and takes few of 300,000 new keys for known ones', () => {
    const seen = createSeenKeys();
    let mistaken = 0;
    for (let i = 0; i < 300_000; i++) if (!seen.addIfNew(address(i))) mistaken++;
    let forgotten = 0;
    for (let i = 0; i < 300_000; i++) if (seen.addIfNew(address(i))) forgotten++;
    expect(forgotten).toBe(0);
    // A new key taken for a known one costs a query and counts a hit too many there, never one too few.
    expect(mistaken).toBeLessThan(300_000 / 500);
  });
});
