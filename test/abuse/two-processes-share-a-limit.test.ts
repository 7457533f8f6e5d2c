import { afterEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { buildDeps, createApp } from '../../src/app.js';
import { connect, type Connection } from '../../src/platform/db/connect.js';
import { purgeAbuseCounters } from '../../src/abuse/purge-counters.js';
import { signedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { signatureRows } from '../support/requests.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { changeSettings, signAs } from './abuse-support.js';

describe.each(enginesToTest())('limits shared by several processes on $name', (engine) => {
  let first: TestApp | undefined;
  let secondConnection: Connection | undefined;
  afterEach(async () => {
    await secondConnection?.db.destroy();
    await first?.close();
  });

  /** A second process: its own dependencies (limiter, caches, pool) on the same database, with the same clock. */
  async function start(ctx: { skip: (reason?: string) => void }) {
    if (engine.skipReason !== undefined) ctx.skip();
    // SQLite is one process by design (one file, one writer): there is nothing to share with.
    if (engine.name === 'sqlite') ctx.skip('several processes share a database only on PostgreSQL');
    const one = await createTestApp(engine, { env: { TRUST_PROXY: 'true' } });
    first = one;
    secondConnection = connect(one.database.config, { searchPath: one.database.searchPath, poolSize: 4 });
    const deps = buildDeps(one.deps.config, secondConnection, { logger: pino({ level: 'silent' }), now: one.deps.now });
    const two: TestApp = { ...one, app: createApp(deps), deps, close: async () => undefined };
    return { one, two };
  }

  it('two processes together reach a per-address limit that neither reaches alone', async (ctx) => {
    const { one, two } = await start(ctx);
    const admin = await signedIn(one, { role: 'admin' });
    await changeSettings(one, admin, { signPerAddressPerMinute: 6 });
    const { slug } = await makePetition(one.deps.db);
    const from = { address: '203.0.113.10' };

    for (let i = 0; i < 3; i++) expect((await signAs(one, slug, from)).status).toBe(303);
    for (let i = 0; i < 3; i++) expect((await signAs(two, slug, from)).status).toBe(303);
    // Each process has let through 3, and together the address has used its 6 in this minute.
    expect((await signAs(two, slug, from)).status).toBe(429);
    expect((await signAs(one, slug, from)).status).toBe(429);
    expect(await signatureRows(one.deps.db)).toHaveLength(6);
  });

  it('a signer seen once by a process costs the shared rows nothing; from the second signature on, it counts there', async (ctx) => {
    const { one } = await start(ctx);
    const { slug } = await makePetition(one.deps.db);
    await signAs(one, slug, { address: '203.0.113.1' });
    expect(await one.deps.db.selectFrom('rate_limit_hits').selectAll().execute()).toHaveLength(0);
    await signAs(one, slug, { address: '203.0.113.1' });
    const rows = await one.deps.db
      .selectFrom('rate_limit_hits')
      .select(['bucket', 'hits'])
      .where('bucket', 'like', 'sign-address:%')
      .execute();
    // Both signatures, and the hits this process reserved ahead for the address's next ones (60 a minute).
    expect(rows.map((r) => Number(r.hits))).toEqual([2 + 6]);
  });

  it('the shared rows hold keyed hashes, never the address, and past windows are purged', async (ctx) => {
    const { one } = await start(ctx);
    await changeSettings(one, await signedIn(one, { role: 'admin' }), { signPerDomainPerMinute: 10 });
    const { slug } = await makePetition(one.deps.db);
    for (let i = 0; i < 2; i++)
      await signAs(one, slug, { address: '203.0.113.77', fields: { email: `someone${i}@smalldomain.example` } });
    const rows = await one.deps.db.selectFrom('rate_limit_hits').selectAll().execute();
    expect(rows.map((r) => r.bucket.split(':')[0]).sort()).toEqual(['burst-network', 'sign-address', 'sign-domain']);
    expect(JSON.stringify(rows)).not.toContain('203.0.113');
    expect(JSON.stringify(rows)).not.toContain('smalldomain');
    one.advance(120_000);
    await purgeAbuseCounters(one.deps.db, one.deps.now());
    expect(await one.deps.db.selectFrom('rate_limit_hits').selectAll().execute()).toHaveLength(0);
  });
});
