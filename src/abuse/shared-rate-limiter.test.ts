import { describe, expect, it } from 'vitest';
import type { Db } from '../platform/db/connect.js';
import { createSharedRateLimiter } from './shared-rate-limiter.js';
import { createDomainList, domainAndParents } from './disposable-domains.js';

function limiterAt(start: number) {
  let time = start;
  // One process (SQLite): nothing is shared, so no database is needed.
  const db = undefined as unknown as Db;
  const limiter = createSharedRateLimiter({ db, shared: false, now: () => time, hashKey: (k) => k });
  return { limiter, advance: (ms: number) => (time += ms) };
}

describe('the rate limiter of one process', () => {
  it('lets `limit` hits through per key and window, reads the limit at each hit, and starts again in the next window', async () => {
    const { limiter, advance } = limiterAt(Date.UTC(2026, 10, 25, 12, 0, 0));
    const hits = (key: string, limit: number, n: number) =>
      Promise.all(Array.from({ length: n }, () => limiter.hit('sign-address', key, limit)));
    expect(await hits('a', 3, 5)).toEqual([true, true, true, false, false]);
    expect(await hits('b', 3, 1)).toEqual([true]);
    // A higher limit set by an admin applies to the next hit; refused hits were not counted.
    expect(await hits('a', 4, 2)).toEqual([true, false]);
    // 0: no limit at all.
    expect((await hits('a', 0, 10)).every(Boolean)).toBe(true);
    advance(60_000);
    expect(await hits('a', 3, 4)).toEqual([true, true, true, false]);
  });

  it('keeps families apart: a key counted for one petition limit is fresh for another', async () => {
    const { limiter } = limiterAt(Date.UTC(2026, 10, 25, 12, 0, 0));
    expect(await limiter.hit('sign-petition', '7', 1)).toBe(true);
    expect(await limiter.hit('sign-petition', '7', 1)).toBe(false);
    expect(await limiter.hit('sign-domain', '7', 1)).toBe(true);
  });

  it('never refuses one of 300,000 distinct keys seen twice in a minute (5,000 signers a second), with a limit of 10', async () => {
    const { limiter } = limiterAt(Date.UTC(2026, 10, 25, 12, 0, 0));
    let refused = 0;
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 300_000; i++) {
        if (!(await limiter.hit('sign-address', `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`, 10))) refused++;
      }
    }
    expect(refused).toBe(0);
  });
});

describe('the disposable-domain list', () => {
  it('finds listed domains and their subdomains, and nothing else', () => {
    const list = createDomainList(['mailinator.com', 'Yopmail.com ', 'a.example']);
    const listed = (email: string) => domainAndParents(email).some((d) => list.has(d));
    expect(listed('mailinator.com')).toBe(true);
    expect(listed('mx.yopmail.com')).toBe(true);
    expect(listed('a.example')).toBe(true);
    expect(listed('example')).toBe(false);
    expect(listed('notmailinator.com')).toBe(false);
    expect(listed('gmail.com')).toBe(false);
  });
});
