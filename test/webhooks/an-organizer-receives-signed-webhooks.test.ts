// Signed webhooks, on both engines, to a real HTTP receiver started here: an organizer adds a webhook on the
// petition's page and gets its signing secret; every event (a signature counted at once, one confirmed from its
// email, a withdrawal, a milestone, an update, the closing, victory, the delivery, the test event) arrives as a
// Standard Webhooks message the `standardwebhooks` package verifies with that secret; a webhook gets only the
// events it chose; a signature withdrawn before its message went out is never sent; the delivery log shows each.
import { describe, expect, it } from 'vitest';
import { notifyMilestones } from '../../src/milestones/notify-milestones.js';
import { closePetition, declarePetitionVictory } from '../../src/petitions/petition-lifecycle.js';
import { recordDelivery } from '../../src/delivery/record-delivery.js';
import { insertUpdate } from '../../src/updates/update-store.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { getAs, postFormAs, signedIn } from '../support/accounts.js';
import { linkIn } from '../support/smtp-sink.js';
import { openAndPress } from '../support/signer-link-button.js';
import { addSignatures } from '../support/requests.js';
import { postForm, validSignature, useTestApp } from '../support/test-app.js';
import {
  addWebhook,
  ALL_EVENTS,
  startWebhookReceiver,
  useWebhookWorld,
  verifiedAt,
  type ReceivedWebhook,
} from '../support/webhook-receiver.js';

describe.each(enginesToTest())('an organizer receives signed webhooks on $name', (engine) => {
  const t = useTestApp(engine, { env: { WEBHOOKS_ALLOW_PRIVATE: 'true' } });
  const w = useWebhookWorld(t);
  const deliver = () => w.deliver();
  const verified = (secret: string, message: ReceivedWebhook) => verifiedAt(t.deps.now(), secret, message);

  it('every event arrives signed per Standard Webhooks, verified with the secret the page shows', async () => {
    const ana = await signedIn(t);
    const { id, slug } = await makePetition(t.deps.db, {
      ownerId: ana.user.id,
      organizer: { name: 'Ana', email: ana.user.email },
    });
    const list = await (await getAs(t, ana, `/organize/${id}/webhooks`)).text();
    expect(list).toContain('No webhooks yet.');
    const hook = await addWebhook(t, ana, id, w.receiver.url, ALL_EVENTS);
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(hook.page).toContain('Webhook added. Copy its signing secret below');
    // A second webhook that wants only confirmations.
    const other = await startWebhookReceiver();
    const narrow = await addWebhook(t, ana, id, other.url, ['signature.confirmed']);

    // Signed with the form, counted at once (no confirmation needed on this petition).
    const signed = await postForm(t, `/es/p/${slug}/sign`, validSignature({ email: 'rosa@example.org' }));
    expect(signed.status).toBe(303);
    expect(await deliver()).toEqual({ delivered: 2, retried: 0, failed: 0, cancelled: 0, disabled: 0 });
    const [first] = w.receiver.received;
    const message = verified(hook.secret, first as ReceivedWebhook);
    expect(message.type).toBe('signature.confirmed');
    expect(message.data['petition']).toEqual({
      id,
      slug,
      title: 'Fix the bus shelter',
      url: `http://localhost:3000/en/p/${slug}`,
    });
    expect(message.data['signature']).toMatchObject({
      name: 'Rosa Martínez',
      email: 'rosa@example.org',
      postal_code: '06106',
      language: 'es',
      wants_updates: true,
    });
    expect(first?.headers['webhook-id']).toMatch(/^msg_\d+$/);
    expect(first?.headers['content-type']).toBe('application/json');
    // The other webhook's secret does not verify this webhook's message.
    expect(() => verified(narrow.secret, first as ReceivedWebhook)).toThrow('No matching signature found');
    expect(verified(narrow.secret, other.received[0] as ReceivedWebhook).type).toBe('signature.confirmed');

    // The rest of a petition's life, each through the service the pages call.
    const user = ana.user;
    const petition = async () => (await t.deps.petitions.byId(id))!;
    await addSignatures(t.deps.db, id, 99, 'crowd');
    expect(await notifyMilestones(t.deps.db, t.deps.now(), t.deps.events)).toEqual([
      { petitionId: id, milestone: 100 },
    ]);
    await insertUpdate(
      t.deps.db,
      {
        petitionId: id,
        authorId: user.id,
        createdAt: t.deps.now().toISOString(),
        emailSigners: false,
        texts: { en: { title: 'We met the mayor', body: 'It went well.', bodyHtml: '<p>It went well.</p>' } },
      },
      t.deps.events,
    );
    expect(
      await recordDelivery(
        t.deps,
        await petition(),
        { delivered_on: '2026-11-24', recipients: ['0'], location: 'City Hall', notes: '', photo: undefined },
        user.id,
      ),
    ).toMatchObject({ kind: 'recorded' });
    expect(
      await declarePetitionVictory(t.deps, user, await petition(), { en: { title: 'We won', body: 'Thank you.' } }),
    ).toBe(true);
    expect(await closePetition(t.deps, user, await petition())).toBe(true);
    const test = await postFormAs(t, ana, `/organize/${id}/webhooks/${hook.id}/test`, {});
    expect(test.headers.get('location')).toBe(`/organize/${id}/webhooks/${hook.id}?done=test`);
    await deliver();
    const types = w.receiver.received.map((m) => verified(hook.secret, m).type);
    expect(types).toEqual([
      'signature.confirmed',
      'milestone.reached',
      'update.sent',
      'petition.delivered',
      'petition.won',
      'petition.closed',
      'webhook.test',
    ]);
    const data = (type: string) => w.receiver.received.map((m) => m.json).find((m) => m.type === type)?.data;
    expect(data('milestone.reached')?.['milestone']).toBe(100);
    expect(data('update.sent')?.['update']).toMatchObject({
      titles: { en: 'We met the mayor' },
      emailed_to_signers: false,
    });
    expect(data('petition.delivered')?.['delivery']).toMatchObject({ delivered_on: '2026-11-24' });
    // The narrow webhook got the confirmation only: none of the 99 added by hand count as signed here.
    expect(other.received.map((m) => m.json.type)).toEqual(['signature.confirmed']);
    await other.close();

    const log = await (await getAs(t, ana, `/organize/${id}/webhooks/${hook.id}`)).text();
    expect(log).toContain('Delivery log');
    expect(log.match(/>Delivered</g)?.length).toBe(7);
    expect(log).toContain('HTTP 200');
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'webhook.%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['webhook.create', 'webhook.create', 'webhook.test']);
  });

  it('a confirmation by email and a withdrawal arrive; a signature withdrawn before its message went out is not sent', async () => {
    const ana = await signedIn(t);
    const { id, slug } = await makePetition(t.deps.db, { ownerId: ana.user.id, requiresVerification: true });
    const hook = await addWebhook(t, ana, id, w.receiver.url, ALL_EVENTS);

    await postForm(t, `/p/${slug}/sign`, validSignature({ email: 'rosa@example.org', name: 'Rosa' }));
    await postForm(t, `/p/${slug}/sign`, validSignature({ email: 'luis@example.org', name: 'Luis' }));
    // Pending: nothing to tell yet.
    expect((await deliver()).delivered).toBe(0);
    await w.mailroom.worker.drainAll();
    const mails = await w.mailroom.sink.waitFor(2);
    const mailTo = (to: string) => mails.find((m) => m.to === to)!;
    await openAndPress(t, linkIn(mailTo('rosa@example.org'), '/confirm'));
    await openAndPress(t, linkIn(mailTo('luis@example.org'), '/confirm'));
    // Luis withdraws before the worker runs: his confirmation is not sent, his withdrawal is (with his id only).
    await openAndPress(t, linkIn(mailTo('luis@example.org'), '/withdraw'));
    expect(await deliver()).toEqual({ delivered: 2, retried: 0, failed: 0, cancelled: 1, disabled: 0 });
    const got = w.receiver.received.map((m) => verified(hook.secret, m));
    expect(got.map((m) => m.type)).toEqual(['signature.confirmed', 'signature.withdrawn']);
    expect(got[0]?.data['signature']['name']).toBe('Rosa');
    expect(Object.keys(got[1]?.data['signature'] ?? {})).toEqual(['id']);
    expect(JSON.stringify(got[1])).not.toContain('luis');
    const log = await (await getAs(t, ana, `/organize/${id}/webhooks/${hook.id}`)).text();
    expect(log).toContain('Not sent: its signature or update is gone');
  });
});
