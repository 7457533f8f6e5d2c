import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limiter.js';

function limiterAt(limit: number, windowMs = 60_000) {
  let time = 1_000_000;
  const limiter = createRateLimiter({ limit, windowMs, now: () => time });
  return { limiter, advance: (ms: number) => (time += ms) };
}

describe('createRateLimiter', () => {
  it('lets `limit` attempts through in a window and refuses the next', () => {
    const { limiter } = limiterAt(3);
    expect([1, 2, 3, 4, 5].map(() => limiter.hit('198.51.100.7'))).toEqual([true, true, true, false, false]);
  });

  it('counts each client separately', () => {
    const { limiter } = limiterAt(2);
    expect(limiter.hit('a')).toBe(true);
    expect(limiter.hit('a')).toBe(true);
    expect(limiter.hit('a')).toBe(false);
    expect(limiter.hit('b')).toBe(true);
    expect(limiter.hit('b')).toBe(true);
    expect(limiter.hit('b')).toBe(false);
  });

  it('lets a refused client in again once the window has passed', () => {
    const { limiter, advance } = limiterAt(1, 60_000);
    expect(limiter.hit('a')).toBe(true);
    expect(limiter.hit('a')).toBe(false);
    advance(59_999);
    expect(limiter.hit('a')).toBe(false);
    advance(1);
    expect(limiter.hit('a')).toBe(true);
    expect(limiter.hit('a')).toBe(false);
  });

  it('a limit of 0 means no limit', () => {
    const { limiter } = limiterAt(0);
    expect(Array.from({ length: 1000 }, () => limiter.hit('a')).every(Boolean)).toBe(true);
  });
});
