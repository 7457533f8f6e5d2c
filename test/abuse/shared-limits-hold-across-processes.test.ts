// Rate limiters on separate connection pools to one database, as separate processes are: how many hits of
// one key they let through together in a window, in a burst and one at a time.
import type { KyselyPlugin } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { connect, type Db } from '../../src/platform/db/connect.js';
import { createSharedRateLimiter, type SharedRateLimiter } from '../../src/abuse/shared-rate-limiter.js';
import { enginesToTest, type TestDatabase } from '../support/databases.js';

const LIMIT = 60;
const WINDOW_MS = 60_000;

interface Process {
  limiter: SharedRateLimiter;
  /** Queries this process has sent to the database. */
  queries(): number;
  /** Makes its next queries fail (or work again), as when the database is unreachable. */
  failQueries(fail: boolean): void;
}

/** Calls `hit` for each of `hits` hits, handing them to the processes in turn. */
function roundRobin<T>(processes: Process[], hits: number, hit: (process: Process) => T): T[] {
  const made: T[] = [];
  while (made.length < hits) for (const process of processes) if (made.length < hits) made.push(hit(process));
  return made;
}

/** `hits` hits of `key` sent at once, spread over the processes; how many were let through. */
async function burst(processes: Process[], key: string, hits: number, limit = LIMIT): Promise<number> {
  const results = await Promise.all(roundRobin(processes, hits, (p) => p.limiter.hit('sign-address', key, limit)));
  return results.filter(Boolean).length;
}

/** `hits` hits of `key`, each sent when the one before was answered, to the processes in turn. */
async function paced(processes: Process[], key: string, hits: number, limit = LIMIT): Promise<number> {
  let accepted = 0;
  for (const hit of roundRobin(processes, hits, (p) => () => p.limiter.hit('sign-address', key, limit))) {
    if (await hit()) accepted++;
  }
  return accepted;
}

describe.each(enginesToTest())('one limit held by processes sharing a database on $name', (engine) => {
  let database: TestDatabase | undefined;
  const pools: Db[] = [];
  afterEach(async () => {
    for (const pool of pools.splice(0)) await pool.destroy();
    await database?.close();
    database = undefined;
  });

  /** `count` processes, each a limiter with a connection pool of its own, on one clock. */
  async function start(ctx: { skip: (reason?: string) => void }, count: number) {
    if (engine.skipReason !== undefined) ctx.skip();
    // SQLite is one process by design (one file, one writer): there is nothing to share with.
    if (engine.name === 'sqlite' && count > 1) ctx.skip('several processes share a database only on PostgreSQL');
    const opened = await engine.open();
    database = opened;
    let time = Date.UTC(2026, 10, 25, 12, 0, 0);
    const processes = Array.from({ length: count }, (_, i): Process => {
      let queries = 0;
      let failing = false;
      const watch: KyselyPlugin = {
        transformQuery(args) {
          if (failing) throw new Error('the database is unreachable');
          queries++;
          return args.node;
        },
        transformResult: (args) => Promise.resolve(args.result),
      };
      let pool = opened.connection.db;
      if (i > 0) {
        pool = connect(opened.config, { searchPath: opened.searchPath, poolSize: 4 }).db;
        pools.push(pool);
      }
      const limiter = createSharedRateLimiter({
        db: pool.withPlugin(watch),
        shared: engine.name === 'postgres',
        now: () => time,
        hashKey: (key) => key,
      });
      return { limiter, queries: () => queries, failQueries: (fail) => (failing = fail) };
    });
    return { processes, advance: (ms: number) => (time += ms) };
  }

  const burstOver = '200 hits at once on %i process(es) reach the limit, passing it by one per other process or less';
  it.for([1, 2, 3])(burstOver, async (count, ctx) => {
    const { processes } = await start(ctx, count);
    const accepted = await burst(processes, '203.0.113.10', 200);
    // Every process was refused at least once, with nothing reserved left unused: the limit was reached.
    expect(accepted).toBeGreaterThanOrEqual(LIMIT);
    // Each other process's first hit of the key was let through without asking the database.
    expect(accepted).toBeLessThanOrEqual(LIMIT + count - 1);
  });

  const pacedOver = 'hits one at a time, in turn over %i processes that each see the key early, stop at the limit';
  it.for([2, 3])(pacedOver, async (count, ctx) => {
    const { processes } = await start(ctx, count);
    expect(await paced(processes, '203.0.113.10', 200)).toBe(LIMIT);
  });

  const lateProcess = 'a process seeing a key only after others used it up lets its first hit by: the bound is met';
  it(lateProcess, async (ctx) => {
    const { processes } = await start(ctx, 3);
    const counts: number[] = [];
    for (const process of processes) counts.push(await paced([process], '203.0.113.10', 100));
    expect(counts).toEqual([LIMIT, 1, 1]);
  });

  it('after the window turns, a used-up key is let through again, up to the limit', async (ctx) => {
    const { processes, advance } = await start(ctx, 2);
    expect(await burst(processes, '203.0.113.10', 200)).toBeLessThanOrEqual(LIMIT + 1);
    expect(await burst(processes, '203.0.113.10', 10)).toBe(0);
    advance(WINDOW_MS);
    expect(await paced(processes, '203.0.113.10', 200)).toBe(LIMIT);
  });

  it('a first hit costs no query, one reservation serves concurrent hits, a used-up key costs none', async (ctx) => {
    const { processes } = await start(ctx, 2);
    for (let i = 0; i < 100; i++) await burst(processes, `198.51.100.${i}`, 2);
    expect(processes.map((p) => p.queries())).toEqual([0, 0]);

    const [one] = processes;
    if (one === undefined) throw new Error('no process');
    // 30 hits at once in one process: the first is its own, the rest share blocks reserved ahead.
    expect(await burst([one], '203.0.113.10', 30)).toBe(30);
    expect(one.queries()).toBeLessThanOrEqual(6);
    expect(await paced(processes, '203.0.113.10', 100)).toBe(LIMIT - 30);
    const spent = processes.map((p) => p.queries());
    expect(await burst(processes, '203.0.113.10', 100)).toBe(0);
    expect(processes.map((p) => p.queries())).toEqual(spent);
  });

  const changedLimit = 'a lowered limit applies to hits already reserved; a raised one lets a used-up key through';
  it(changedLimit, async (ctx) => {
    const { processes } = await start(ctx, 2);
    expect(await paced(processes, '203.0.113.10', 6)).toBe(6);
    expect(await paced(processes, '203.0.113.10', 6, 3)).toBe(0);
    expect(await paced(processes, '203.0.113.10', 200)).toBe(LIMIT - 6);
    expect(await paced(processes, '203.0.113.10', 200, LIMIT + 20)).toBe(20);
  });

  it('a database failure during a reservation fails the hit that needed it; the next hit asks again', async (ctx) => {
    const { processes } = await start(ctx, 2);
    const [one] = processes;
    if (one === undefined) throw new Error('no process');
    expect(await one.limiter.hit('sign-address', '203.0.113.10', LIMIT)).toBe(true);
    one.failQueries(true);
    await expect(one.limiter.hit('sign-address', '203.0.113.10', LIMIT)).rejects.toThrow('unreachable');
    one.failQueries(false);
    expect(await paced(processes, '203.0.113.10', 200)).toBe(LIMIT - 1);
  });
});
