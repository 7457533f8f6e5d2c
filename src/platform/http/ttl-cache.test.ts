import { describe, expect, it } from 'vitest';
import { createTtlCache } from './ttl-cache.js';

describe('the TTL cache', () => {
  it('shares one load among callers and keeps it until it expires', async () => {
    let time = 0;
    let loads = 0;
    const cache = createTtlCache<number>(1000, () => time);
    const load = async () => (loads += 1);
    expect(await Promise.all([cache.get('a', load), cache.get('a', load)])).toEqual([1, 1]);
    time = 999;
    expect(await cache.get('a', load)).toBe(1);
    time = 1000;
    expect(await cache.get('a', load)).toBe(2);
  });

  it('does not remember a failed load', async () => {
    const cache = createTtlCache<string>(1000, () => 0);
    await expect(cache.get('a', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('a', async () => 'up')).toBe('up');
  });

  it('holds at most maxBytes of values: the oldest go first', async () => {
    const cache = createTtlCache<string>(60_000, () => 0, { maxBytes: 1000, sizeOf: (v) => v.length });
    for (let i = 0; i < 50; i += 1) await cache.get(`k${i}`, async () => 'x'.repeat(100));
    let reloaded = 0;
    for (let i = 0; i < 50; i += 1) await cache.get(`k${i}`, async () => ((reloaded += 1), 'y'.repeat(100)));
    // Only the last ten of the first round were still held; each later load pushed out an older one.
    expect(reloaded).toBe(50);
    expect(await cache.get('k49', async () => 'reloaded')).toBe('y'.repeat(100));
  });

  it('holds at most maxEntries entries', async () => {
    const cache = createTtlCache<number>(60_000, () => 0, { maxEntries: 3 });
    for (let i = 0; i < 5; i += 1) await cache.get(`k${i}`, async () => i);
    expect(await cache.get('k0', async () => -1)).toBe(-1);
    expect(await cache.get('k4', async () => -1)).toBe(4);
  });
});
