// PostgreSQL stops answering with its connections held open (packets dropped, not refused): a signer is told
// within the timeout that the signature was not taken, /readyz says so, and Firma serves again by itself
// once the database answers. Before, signing requests hung for as long as TCP took to give up.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect, type Connection } from '../../src/platform/db/connect.js';
import { enginesToTest, type TestDatabase } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { postForm, testAppOn, validSignature, type TestApp } from '../support/test-app.js';
import { copy } from '../support/copy.js';

const postgres = enginesToTest().find((engine) => engine.name === 'postgres');
const TIMEOUT_MS = 1000;

describe('a PostgreSQL that stops answering', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let proxied: Connection;
  let t: TestApp;

  beforeEach(async (ctx) => {
    if (postgres === undefined || postgres.skipReason !== undefined) return ctx.skip();
    database = await postgres.open();
    if (database.config.engine !== 'postgres' || database.searchPath === undefined)
      throw new Error('expected a PostgreSQL schema');
    const target = new URL(database.config.url);
    proxy = await startTcpProxy(target.hostname, Number(target.port || '5432'));
    proxied = connect(
      { engine: 'postgres', url: proxy.url(database.config.url) },
      { searchPath: database.searchPath, poolSize: 5, statementTimeoutMs: TIMEOUT_MS, acquireTimeoutMs: TIMEOUT_MS },
    );
    t = testAppOn(database, { connection: proxied });
  });

  afterEach(async () => {
    proxy?.restore();
    await proxied?.db.destroy();
    await proxy?.close();
    await t?.close();
  });

  const sign = (slug: string, email: string) => postForm(t, `/es/p/${slug}/sign`, validSignature({ email }));

  it('answers 503 within the timeout, keeps what the signer typed, and signs again by itself once it answers', async () => {
    const { slug } = await makePetition(database.connection.db);
    expect((await sign(slug, 'antes@example.org')).status).toBe(303);
    expect((await t.app.request('/readyz')).status).toBe(200);

    proxy.silence();
    const started = performance.now();
    const refused = await sign(slug, 'durante@example.org');
    const waited = performance.now() - started;
    expect(refused.status).toBe(503);
    // The statement timeout plus the second Firma waits beyond it, and a little for the event loop.
    expect(waited).toBeLessThan(TIMEOUT_MS * 2 + 1500);
    expect(refused.headers.get('retry-after')).toBe('60');
    const page = await refused.text();
    expect(page).toContain(copy('es', 'sign.unavailable.title'));
    expect(page).toContain('value="durante@example.org"');
    expect(page).not.toMatch(/\n\s+at /);
    expect((await t.app.request('/readyz')).status).toBe(503);
    // A page read during the outage: a 503 page, not a hang and not a 500.
    t.advance(5000);
    expect((await t.app.request(`/en/p/${slug}`)).status).toBe(503);

    proxy.restore();
    let after: Response | undefined;
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      after = await sign(slug, 'despues@example.org');
      if (after.status === 303) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(after?.status).toBe(303);
    const ready = Date.now() + 5000;
    while (Date.now() < ready && (await t.app.request('/readyz')).status !== 200)
      await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await t.app.request('/readyz')).status).toBe(200);

    const emails = await database.connection.db.selectFrom('signatures').select('email').orderBy('email').execute();
    expect(emails.map((r) => r.email)).toEqual(['antes@example.org', 'despues@example.org']);
  });
});
