import { describe, expect, it } from 'vitest';
import { recordMilestones } from '../../src/milestones/milestone-store.js';
import { notifyMilestones } from '../../src/milestones/notify-milestones.js';
import { signerLinks } from '../../src/signing/signer-links.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition, makeSignature } from '../support/factories.js';
import { postForm, validSignature, useTestApp } from '../support/test-app.js';
import { copy } from '../support/copy.js';

describe.each(enginesToTest())('milestones and confirmation expiry on $name', (engine) => {
  const t = useTestApp(engine);

  const queued = (kind: string) =>
    t.deps.db
      .selectFrom('mail_outbox')
      .select(['recipient', 'signature_id', 'payload'])
      .where('kind', '=', kind)
      .execute();

  it('passing 10 and 25 at once records both with dates and announces the highest once, to the organizer and opted-in signers', async () => {
    const { id } = await makePetition(t.deps.db, {
      milestoneEmailsToSigners: true,
      organizer: { name: 'Ana', email: 'organizer@example.org' },
    });
    for (let i = 0; i < 30; i += 1) await makeSignature(t.deps.db, id, { optIn: i % 2 === 0 });
    expect(await notifyMilestones(t.deps.db, t.deps.now())).toEqual([{ petitionId: id, milestone: 25 }]);
    const reached = await t.deps.db
      .selectFrom('petition_milestones')
      .select(['milestone', 'reached_at', 'announced_at'])
      .orderBy('milestone')
      .execute();
    expect(reached.map((r) => r.milestone)).toEqual([10, 25]);
    expect(reached.every((r) => r.reached_at === t.deps.now().toISOString())).toBe(true);
    expect(await queued('milestone_organizer')).toEqual([
      { recipient: 'organizer@example.org', signature_id: null, payload: '{"milestone":25}' },
    ]);
    expect(await queued('milestone_signer')).toHaveLength(15);
    // Nothing new: a second round announces nothing.
    expect(await notifyMilestones(t.deps.db, t.deps.now())).toEqual([]);
    expect(await queued('milestone_signer')).toHaveLength(15);
  });

  it('a milestone recorded by a worker that died before telling signers is announced by the next round, once', async () => {
    const { id } = await makePetition(t.deps.db, { milestoneEmailsToSigners: true });
    for (let i = 0; i < 10; i += 1) await makeSignature(t.deps.db, id, { optIn: true });
    // The dead worker got this far: the milestone is recorded, its signer emails are not queued.
    expect(
      await recordMilestones(t.deps.db, {
        petitionId: id,
        previous: 0,
        milestones: [10],
        reachedAt: t.deps.now().toISOString(),
      }),
    ).toBe(true);
    expect(await queued('milestone_signer')).toHaveLength(0);
    expect(await notifyMilestones(t.deps.db, t.deps.now())).toEqual([{ petitionId: id, milestone: 10 }]);
    expect(await queued('milestone_signer')).toHaveLength(10);
    await notifyMilestones(t.deps.db, t.deps.now());
    expect(await queued('milestone_signer')).toHaveLength(10);
  });

  it('two rounds at once record a milestone once', async () => {
    const { id } = await makePetition(t.deps.db, { organizer: { name: null, email: 'organizer@example.org' } });
    for (let i = 0; i < 10; i += 1) await makeSignature(t.deps.db, id);
    await Promise.all([notifyMilestones(t.deps.db, t.deps.now()), notifyMilestones(t.deps.db, t.deps.now())]);
    expect(await queued('milestone_organizer')).toHaveLength(1);
    expect(await t.deps.db.selectFrom('petition_milestones').select('milestone').execute()).toEqual([
      { milestone: 10 },
    ]);
  });

  it('signing again re-sends a link that is good for the full expiry time again', async () => {
    const { slug } = await makePetition(t.deps.db, { requiresVerification: true });
    await postForm(t, `/en/p/${slug}/sign`, validSignature());
    t.advance(13 * 24 * 3600_000);
    await postForm(t, `/en/p/${slug}/sign`, validSignature());
    t.advance(2 * 24 * 3600_000);
    const signer = await t.deps.db
      .selectFrom('signatures')
      .select(['created_at', 'confirmation_sent_at'])
      .executeTakeFirstOrThrow();
    expect(signer.confirmation_sent_at).not.toBe(signer.created_at);
    // 15 days after signing, 2 days after the re-send: still good.
    const salt =
      (await t.deps.db.selectFrom('signatures').select('token_salt').executeTakeFirstOrThrow()).token_salt ?? '';
    const link = signerLinks(t.deps.config.baseUrl, 'en', t.deps.secret, salt).confirm;
    const ask = await t.app.request(new URL(link).pathname);
    expect(ask.status).toBe(200);
    expect(ask.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await ask.text()).toContain('Confirm my signature</button>');
    const res = await postForm(t, new URL(link).pathname, {});
    expect(res.status).toBe(200);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toContain(copy('en', 'confirm.title'));
  });
});
