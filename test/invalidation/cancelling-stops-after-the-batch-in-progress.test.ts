import { beforeEach, describe, expect, it } from 'vitest';
import { processInvalidations, runInvalidationBatch } from '../../src/moderation/invalidation/invalidation-job.js';
import { getAs, postFormAs, signedIn, type SignedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { petitionJson } from '../support/requests.js';
import { useTestApp } from '../support/test-app.js';
import { addSigners, burst } from './seed.js';
import { copy } from '../support/copy.js';

describe.each(enginesToTest())('cancelling a bulk invalidation on $name', (engine) => {
  const t = useTestApp(engine);
  let admin: SignedIn;
  let petition: { id: number; slug: string };
  let id: number;

  beforeEach(async () => {
    admin = await signedIn(t, { role: 'admin' });
    petition = await makePetition(t.deps.db);
    await addSigners(t, petition.id, [
      ...burst(25, '203.0.113', 'mailinator.com', '2026-11-25T11:40:00.000Z'),
      { email: 'rosa@example.org' },
    ]);
    const res = await postFormAs(t, admin, '/admin/invalidations', {
      slug: petition.slug,
      address: '203.0.113.0/24',
      reason: 'One network, one minute',
    });
    id = Number(/(\d+)\?done=created$/.exec(res.headers.get('location') ?? '')?.[1]);
  });

  async function state() {
    const row = await t.deps.db
      .selectFrom('invalidations')
      .select(['state', 'processed'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return { state: row.state, processed: Number(row.processed) };
  }

  it('what one batch did stays done, nothing more is taken, and the page lists it', async () => {
    expect(await runInvalidationBatch(t.deps, id, { batchSize: 10 })).toBe(true);
    expect(await state()).toEqual({ state: 'running', processed: 10 });
    expect((await petitionJson(t, petition.slug)).signature_count).toBe(16);

    const cancel = await postFormAs(t, admin, `/admin/invalidations/${id}/cancel`, {});
    expect(cancel.status).toBe(303);
    expect(cancel.headers.get('location')).toBe(`/admin/invalidations/${id}?done=cancelled`);
    await processInvalidations(t.deps, { batchSize: 10 });
    expect(await runInvalidationBatch(t.deps, id, { batchSize: 10 })).toBe(false);
    expect(await state()).toEqual({ state: 'cancelled', processed: 10 });
    expect(
      await t.deps.db.selectFrom('signatures').select('id').where('status', '=', 'invalidated').execute(),
    ).toHaveLength(10);
    expect((await petitionJson(t, petition.slug)).signature_count).toBe(16);

    const page = await (await getAs(t, admin, `/admin/invalidations/${id}?done=cancelled`)).text();
    expect(page).toContain(copy('en', 'invalidation.notice.cancelled'));
    expect(page).toContain('10 of 25 processed');
    expect(page).toContain('Invalidated signatures: the first 10 of 10');
    expect(page.match(/b\*\*\*@mailinator\.com/g)).toHaveLength(10);
    expect(page).not.toContain('http-equiv="refresh"');
    expect(page).toContain(`action="/admin/invalidations/${id}/reverse"`);

    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'details'])
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['invalidation.create', 'invalidation.cancel']);
    expect(audit[1]?.actor_id).toBe(admin.user.id);
    expect(JSON.parse(audit[1]?.details ?? '{}')).toMatchObject({ invalidation: id, processed: 10, matched: 25 });
  });

  it('a cancelled invalidation can be reversed, and a finished one can no longer be cancelled', async () => {
    await runInvalidationBatch(t.deps, id, { batchSize: 10 });
    await postFormAs(t, admin, `/admin/invalidations/${id}/cancel`, {});
    const again = await postFormAs(t, admin, `/admin/invalidations/${id}/cancel`, {});
    expect(again.status).toBe(409);
    expect(await again.text()).toContain(copy('en', 'invalidation.error.notRunning'));

    await postFormAs(t, admin, `/admin/invalidations/${id}/reverse`, {});
    await processInvalidations(t.deps, { batchSize: 3 });
    expect((await state()).state).toBe('reversed');
    expect((await petitionJson(t, petition.slug)).signature_count).toBe(26);
    const twice = await postFormAs(t, admin, `/admin/invalidations/${id}/reverse`, {});
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain(copy('en', 'invalidation.error.notReversible'));
    expect((await petitionJson(t, petition.slug)).signature_count).toBe(26);
  });

  it('a queued invalidation cancelled before its first batch takes nothing', async () => {
    await postFormAs(t, admin, `/admin/invalidations/${id}/cancel`, {});
    await processInvalidations(t.deps);
    expect(await state()).toEqual({ state: 'cancelled', processed: 0 });
    expect((await petitionJson(t, petition.slug)).signature_count).toBe(26);
  });
});
