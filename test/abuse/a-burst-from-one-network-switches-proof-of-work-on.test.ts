import { afterEach, describe, expect, it } from 'vitest';
import { getAs, signedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { changeSettings, signAs, solvedChallenge } from './abuse-support.js';

describe.each(enginesToTest())('proof of work switched on by a burst on $name', (engine) => {
  let t: TestApp | undefined;
  afterEach(async () => t?.close());

  it('more signatures from one /24 in a minute than the threshold switch proof of work on for that petition for an hour, with an audit row', async (ctx) => {
    if (engine.skipReason !== undefined) ctx.skip();
    const app = await createTestApp(engine, { env: { TRUST_PROXY: 'true' } });
    t = app;
    const admin = await signedIn(app, { role: 'admin' });
    await changeSettings(app, admin, { powAutoBurstPerMinute: 5, powDifficulty: 1000 });
    const { id, slug } = await makePetition(app.deps.db);
    const other = await makePetition(app.deps.db);
    const counted = (res: Response) => res.headers.get('location') === `/en/p/${slug}/thanks`;

    // Five from each of two networks, and many from one network on another petition: no burst here.
    for (let i = 1; i <= 5; i++) expect(counted(await signAs(app, slug, { address: `198.51.100.${i}` }))).toBe(true);
    for (let i = 1; i <= 5; i++) expect(counted(await signAs(app, slug, { address: `2001:db8:1:${i}::1` }))).toBe(true);
    for (let i = 1; i <= 5; i++)
      expect((await signAs(app, other.slug, { address: `203.0.113.${i}` })).status).toBe(303);
    for (let i = 1; i <= 5; i++)
      expect(counted(await signAs(app, slug, { address: `203.0.113.${100 + i}` }))).toBe(true);
    let row = await app.deps.db
      .selectFrom('petitions')
      .select('pow_auto_until')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.pow_auto_until).toBeNull();

    // The sixth from 203.0.113.0/24 within the minute: the switch goes on, and this signature already waits.
    const sixth = await signAs(app, slug, { address: '203.0.113.200' });
    expect(sixth.headers.get('location')).toBe(`/en/p/${slug}/thanks?confirm=1&check=1`);
    row = await app.deps.db
      .selectFrom('petitions')
      .select('pow_auto_until')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.pow_auto_until).toBe(new Date(app.deps.now().getTime() + 3600_000).toISOString());
    const audit = await app.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'petition.pow_auto')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_id).toBeNull();
    expect(audit[0]?.petition_id).toBe(id);
    expect(audit[0]?.details).not.toContain('203.0.113');

    // Every signer of that petition now solves the challenge (or confirms by email); the other petition is untouched.
    expect((await signAs(app, slug, { address: '192.0.2.9' })).headers.get('location')).toBe(
      `/en/p/${slug}/thanks?confirm=1&check=1`,
    );
    expect(
      counted(await signAs(app, slug, { address: '192.0.2.10', fields: { altcha: await solvedChallenge(app, slug) } })),
    ).toBe(true);
    expect((await signAs(app, other.slug, { address: '192.0.2.11' })).headers.get('location')).toBe(
      `/en/p/${other.slug}/thanks`,
    );
    expect(await (await getAs(app, admin, '/admin/settings')).text()).toContain('Switched on by itself after a burst');

    // An hour later it has lapsed by itself.
    app.advance(3600_000 + 5000);
    expect(counted(await signAs(app, slug, { address: '192.0.2.12' }))).toBe(true);
  });

  it('with the threshold at 0 a burst never switches it on', async (ctx) => {
    if (engine.skipReason !== undefined) ctx.skip();
    const app = await createTestApp(engine, { env: { TRUST_PROXY: 'true' } });
    t = app;
    const admin = await signedIn(app, { role: 'admin' });
    await changeSettings(app, admin, { powAutoBurstPerMinute: 0 });
    const { slug } = await makePetition(app.deps.db);
    for (let i = 1; i <= 40; i++)
      expect((await signAs(app, slug, { address: `203.0.113.${i}` })).headers.get('location')).toBe(
        `/en/p/${slug}/thanks`,
      );
  });
});
