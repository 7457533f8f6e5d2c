// Retries and giving up, on both engines, with a real receiver that answers 500 until told otherwise: a failed
// delivery is tried again on the schedule (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h: eight attempts in about a day),
// then marked failed; a receiver that answers again ends the failing streak; one that fails for three days is
// turned off, its organizer gets an email (English, and Spanish for a Spanish petition) with the link to turn it
// back on, no event is queued for it meanwhile, and once on again its failed deliveries can be sent again.
import { describe, expect, it } from 'vitest';
import { RETRY_SCHEDULE_MS } from '../../src/webhooks/deliver-webhooks.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition, newSignature } from '../support/factories.js';
import { getAs, postFormAs, signedIn } from '../support/accounts.js';
import { linkIn } from '../support/smtp-sink.js';
import { useTestApp, type TestApp } from '../support/test-app.js';
import { addWebhook, ALL_EVENTS, useWebhookWorld } from '../support/webhook-receiver.js';

const HOUR = 3600_000;

async function statuses(t: TestApp) {
  return t.deps.db
    .selectFrom('webhook_deliveries')
    .select(['status', 'attempts', 'response_status', 'last_error'])
    .orderBy('id')
    .execute();
}

describe.each(enginesToTest())('a failing webhook receiver on $name', (engine) => {
  const t = useTestApp(engine, { env: { WEBHOOKS_ALLOW_PRIVATE: 'true' } });
  const w = useWebhookWorld(t);
  const deliver = () => w.deliver();
  /** A signature counted at once on the petition (a signature.confirmed event), written as the server writes them. */
  const sign = (petitionId: number) =>
    t.deps.signatures.write(newSignature(petitionId, { createdAt: t.deps.now().toISOString() }));

  it('is retried on the schedule until it answers, and its failing streak ends', async () => {
    const ana = await signedIn(t);
    const { id } = await makePetition(t.deps.db, { ownerId: ana.user.id });
    await addWebhook(t, ana, id, w.receiver.url, ALL_EVENTS);
    w.receiver.answer(500);
    await sign(id);
    expect(await deliver()).toMatchObject({ delivered: 0, retried: 1 });
    expect(await statuses(t)).toEqual([
      { status: 'queued', attempts: 1, response_status: 500, last_error: 'HTTP 500' },
    ]);
    const endpoint = () => t.deps.db.selectFrom('webhook_endpoints').selectAll().executeTakeFirstOrThrow();
    expect((await endpoint()).failing_since).toBe(t.deps.now().toISOString());
    // Not due before its time.
    t.advance(4000);
    expect(await deliver()).toMatchObject({ retried: 0, delivered: 0 });
    t.advance(1000);
    expect(await deliver()).toMatchObject({ retried: 1 });
    t.advance(5 * 60_000);
    w.receiver.answer(200);
    expect(await deliver()).toMatchObject({ delivered: 1 });
    expect(await statuses(t)).toEqual([{ status: 'delivered', attempts: 3, response_status: 200, last_error: null }]);
    expect(w.receiver.received).toHaveLength(1);
    const healthy = await endpoint();
    expect(healthy.failing_since).toBeNull();
    expect(healthy.last_success_at).toBe(t.deps.now().toISOString());
  });

  it('after eight attempts a delivery fails; three days of failures turn the webhook off and email its organizer', async () => {
    const ana = await signedIn(t, { email: 'ana@example.org' });
    const { id } = await makePetition(t.deps.db, {
      ownerId: ana.user.id,
      defaultLocale: 'es',
      organizer: { name: 'Ana', email: 'ana@example.org' },
    });
    const hook = await addWebhook(t, ana, id, w.receiver.url, ALL_EVENTS);
    w.receiver.answer(503);
    await sign(id);
    await deliver();
    for (const wait of RETRY_SCHEDULE_MS) {
      t.advance(wait);
      await deliver();
    }
    expect(await statuses(t)).toEqual([
      { status: 'failed', attempts: RETRY_SCHEDULE_MS.length + 1, response_status: 503, last_error: 'HTTP 503' },
    ]);
    // About a day and four hours after the first failure: failing, not yet turned off.
    expect(RETRY_SCHEDULE_MS.reduce((a, b) => a + b)).toBeGreaterThan(24 * HOUR);
    let page = await (await getAs(t, ana, `/organize/${id}/webhooks/${hook.id}`)).text();
    expect(page).toContain('Failing, retrying');
    expect(page).toContain('Send failed deliveries again');

    // Three days after the first failure, the next failure turns it off.
    t.advance(48 * HOUR);
    await sign(id);
    expect(await deliver()).toMatchObject({ retried: 1, disabled: 1 });
    await w.mailroom.worker.drainAll();
    // The signers' thanks went too; the organizer's is the one to ana@.
    const [mail] = await w.mailroom.sink.waitFor(1, (m) => m.to === 'ana@example.org');
    expect(mail?.subject).toBe('Se desactivó un webhook de «Arreglen la parada»');
    expect(mail?.text).toContain(`a ${w.receiver.url} durante tres días`);
    const link = linkIn(mail!, `/organize/${id}/webhooks/${hook.id}`);
    page = await (await getAs(t, ana, new URL(link).pathname)).text();
    expect(page).toContain('Turned off after three days of failures');
    // While off: nothing is sent, and new events are not queued for it.
    w.receiver.answer(200);
    t.advance(HOUR);
    expect(await deliver()).toMatchObject({ delivered: 0 });
    await sign(id);
    expect(await t.deps.db.selectFrom('webhook_deliveries').select('id').execute()).toHaveLength(2);

    // On again: the queued one goes; the failed one goes when asked.
    expect((await postFormAs(t, ana, `/organize/${id}/webhooks/${hook.id}/enable`, {})).status).toBe(303);
    expect(await deliver()).toMatchObject({ delivered: 1 });
    const retried = await postFormAs(t, ana, `/organize/${id}/webhooks/${hook.id}/retry`, {});
    expect(retried.headers.get('location')).toBe(`/organize/${id}/webhooks/${hook.id}?done=retry`);
    expect(await deliver()).toMatchObject({ delivered: 1 });
    expect((await statuses(t)).map((s) => s.status)).toEqual(['delivered', 'delivered']);
    expect(w.receiver.received).toHaveLength(2);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'webhook.%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['webhook.create', 'webhook.enable', 'webhook.retry']);
  });
});
