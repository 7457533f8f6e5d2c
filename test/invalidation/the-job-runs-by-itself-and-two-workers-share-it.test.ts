import { beforeEach, describe, expect, it } from 'vitest';
import { startBackgroundJobs } from '../../src/background-jobs.js';
import { connect } from '../../src/platform/db/connect.js';
import { processInvalidations } from '../../src/moderation/invalidation/invalidation-job.js';
import { postFormAs, signedIn, type SignedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { petitionJson } from '../support/requests.js';
import { postForm, validSignature, useTestApp } from '../support/test-app.js';
import { addSigners, burst } from './seed.js';
import type { MailTransport } from '../../src/platform/mail/transport.js';

/** The background jobs need a transport; this test queues no mail, so nothing is ever sent through it. */
const noMail: MailTransport = {
  send: () => Promise.reject(new Error('no mail is expected in this test')),
  close: () => undefined,
};

describe.each(enginesToTest())('the bulk invalidation job on $name', (engine) => {
  const t = useTestApp(engine);
  let admin: SignedIn;
  let petition: { id: number; slug: string };

  beforeEach(async () => {
    admin = await signedIn(t, { role: 'admin' });
    petition = await makePetition(t.deps.db);
    await addSigners(t, petition.id, [
      ...burst(240, '203.0.113', 'bots.example', '2026-11-25T11:40:00.000Z'),
      ...Array.from({ length: 10 }, (_, i) => ({ email: `person${i}@example.org` })),
    ]);
  });

  async function queue(): Promise<number> {
    const res = await postFormAs(t, admin, '/admin/invalidations', {
      slug: petition.slug,
      domain: 'bots.example',
      reason: 'Scripted',
    });
    return Number(/(\d+)\?done=created$/.exec(res.headers.get('location') ?? '')?.[1]);
  }

  it('runs in the background and the public count follows', async () => {
    const id = await queue();
    const jobs = startBackgroundJobs(t.deps, noMail, {
      mailPollMs: 60_000,
      milestonePollMs: 60_000,
      updatesPollMs: 60_000,
      purgeEveryMs: 3600_000,
      invalidationPollMs: 20,
    });
    try {
      await expect
        .poll(
          async () =>
            (await t.deps.db.selectFrom('invalidations').select('state').where('id', '=', id).executeTakeFirst())
              ?.state,
          { timeout: 10_000 },
        )
        .toBe('done');
    } finally {
      await jobs.stop();
    }
    expect((await petitionJson(t, petition.slug)).signature_count).toBe(10);
  });

  it('an invalidated signer who signs again is answered as a repeat, gets no mail and is not counted', async () => {
    await queue();
    await processInvalidations(t.deps);
    const mailBefore = await t.deps.db.selectFrom('mail_outbox').select('id').execute();
    const res = await postForm(t, `/en/p/${petition.slug}/sign`, validSignature({ email: 'bot7@bots.example' }));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/en/p/${petition.slug}/thanks?already=1`);
    expect(await t.deps.db.selectFrom('mail_outbox').select('id').execute()).toHaveLength(mailBefore.length);
    const row = await t.deps.db
      .selectFrom('signatures')
      .select('status')
      .where('email', '=', 'bot7@bots.example')
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('invalidated');
    t.advance(2000);
    expect((await petitionJson(t, petition.slug)).signature_count).toBe(10);
  });

  it('two workers at once take each signature out exactly once', async () => {
    const id = await queue();
    // On PostgreSQL a second process's own connection pool; SQLite has one process, so the same connection twice.
    const other =
      engine.name === 'postgres'
        ? connect(t.database.config, { searchPath: t.database.searchPath, poolSize: 5 })
        : undefined;
    try {
      await Promise.all([
        processInvalidations(t.deps, { batchSize: 7 }),
        processInvalidations({ ...t.deps, db: other?.db ?? t.deps.db }, { batchSize: 7 }),
      ]);
    } finally {
      await other?.db.destroy();
    }
    const row = await t.deps.db
      .selectFrom('invalidations')
      .select(['state', 'processed'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('done');
    expect(Number(row.processed)).toBe(240);
    expect((await petitionJson(t, petition.slug)).signature_count).toBe(10);
    const finishes = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'invalidation.finish')
      .execute();
    expect(finishes).toHaveLength(1);
  });
});
