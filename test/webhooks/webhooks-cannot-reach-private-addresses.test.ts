// SSRF and access, on both engines, with private addresses not allowed (the default): a webhook URL that is not
// https, carries a password, or names (directly, or through a name that resolves to it) a loopback, private,
// link-local or reserved address is refused beside the field, in the organizer's language, and nothing is stored;
// a URL that passed once but now resolves to such an address is refused when sent, before any connection. Another
// organizer's webhooks answer 404 to every route, and a cross-site form is refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { webhookSender, webhookWorkerDeps } from '../../src/background-jobs.js';
import { deliverWebhooks } from '../../src/webhooks/deliver-webhooks.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition, newSignature } from '../support/factories.js';
import { getAs, postFormAs, signedIn } from '../support/accounts.js';
import { useTestApp } from '../support/test-app.js';
import {
  addWebhook,
  ALL_EVENTS,
  startWebhookReceiver,
  webhookForm,
  type WebhookReceiver,
} from '../support/webhook-receiver.js';
import { copy } from '../support/copy.js';

const REFUSED: [string, string][] = [
  ['http://example.org/hook', 'webhooks.error.not_https'],
  ['https://127.0.0.1/hook', 'webhooks.error.private_address'],
  ['https://localhost:8080/hook', 'webhooks.error.private_address'],
  ['https://[::1]/hook', 'webhooks.error.private_address'],
  ['https://10.1.2.3/hook', 'webhooks.error.private_address'],
  ['https://192.168.0.10/hook', 'webhooks.error.private_address'],
  ['https://169.254.169.254/latest/meta-data/', 'webhooks.error.private_address'],
  ['https://[::ffff:127.0.0.1]/hook', 'webhooks.error.private_address'],
  ['https://2130706433/hook', 'webhooks.error.private_address'],
  ['https://0x7f.1/hook', 'webhooks.error.private_address'],
  ['https://0.0.0.0/hook', 'webhooks.error.private_address'],
  ['https://[fd00::1]/hook', 'webhooks.error.private_address'],
  ['https://user:secret@example.org/hook', 'webhooks.error.credentials'],
  ['ftp://example.org/hook', 'webhooks.error.not_url'],
  ['javascript:alert(1)', 'webhooks.error.not_url'],
  ['hook', 'webhooks.error.not_url'],
  ['https://no-such-host.invalid/hook', 'webhooks.error.unknown_host'],
];

const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

describe.each(enginesToTest())('webhooks cannot reach private addresses on $name', (engine) => {
  const t = useTestApp(engine);
  let receiver: WebhookReceiver;

  beforeEach(async () => {
    receiver = await startWebhookReceiver();
  });
  afterEach(async () => {
    await receiver?.close();
  });

  it('a private, loopback, plain-http or password-carrying URL is refused beside the field, in English and Spanish', async () => {
    const ana = await signedIn(t);
    const { id } = await makePetition(t.deps.db, { ownerId: ana.user.id });
    for (const [url, key] of REFUSED) {
      const res = await postFormAs(t, ana, `/organize/${id}/webhooks`, webhookForm(url, ALL_EVENTS));
      expect(res.status, url).toBe(422);
      const html = await res.text();
      expect(html, url).toContain(escaped(copy('en', key as never)));
      expect(html, url).toContain('aria-invalid="true"');
    }
    const none = await postFormAs(t, ana, `/organize/${id}/webhooks`, webhookForm('https://example.org/hook', []));
    expect(await none.text()).toContain(copy('en', 'webhooks.error.events'));

    const luisa = await signedIn(t, { locale: 'es' });
    const hers = await makePetition(t.deps.db, { ownerId: luisa.user.id });
    const spanish = await postFormAs(
      t,
      luisa,
      `/organize/${hers.id}/webhooks`,
      webhookForm('https://10.0.0.1/', ALL_EVENTS),
      {
        'Accept-Language': 'es',
      },
    );
    expect(spanish.status).toBe(422);
    expect(await spanish.text()).toContain('Esa dirección está en una red privada o en este servidor.');
    expect(await t.deps.db.selectFrom('webhook_endpoints').select('id').execute()).toEqual([]);
  });

  it('a stored URL whose name resolves to a loopback address is refused when sent, before connecting', async () => {
    const ana = await signedIn(t);
    const { id } = await makePetition(t.deps.db, { ownerId: ana.user.id });
    // As if it had resolved to a public address when it was added.
    for (const url of [`https://localhost:${receiver.port}/hook`, `http://127.0.0.1:${receiver.port}/hook`])
      await t.deps.db
        .insertInto('webhook_endpoints')
        .values({
          petition_id: id,
          url,
          description: '',
          events: 'signature.confirmed',
          secret: `whsec_${Buffer.alloc(32, 1).toString('base64')}`,
          created_at: t.deps.now().toISOString(),
        })
        .execute();
    await t.deps.signatures.write(newSignature(id, { createdAt: t.deps.now().toISOString() }));
    const sender = webhookSender(t.deps);
    try {
      expect(await deliverWebhooks(webhookWorkerDeps(t.deps, sender))).toMatchObject({ delivered: 0, retried: 2 });
    } finally {
      sender.close();
    }
    const errors = await t.deps.db.selectFrom('webhook_deliveries').select('last_error').orderBy('id').execute();
    expect(errors.map((e) => e.last_error)).toEqual([
      'refused: localhost resolves to a private or reserved address',
      'refused: not_https',
    ]);
    expect(receiver.received).toEqual([]);
  });

  it('another organizer’s webhooks answer 404 on every route; a cross-site form is refused', async () => {
    const ana = await signedIn(t);
    const { id } = await makePetition(t.deps.db, { ownerId: ana.user.id });
    await t.deps.db
      .insertInto('webhook_endpoints')
      .values({
        petition_id: id,
        url: 'https://example.org/hook',
        description: '',
        events: 'signature.confirmed',
        secret: `whsec_${Buffer.alloc(32, 2).toString('base64')}`,
        created_at: t.deps.now().toISOString(),
      })
      .execute();
    const { id: endpoint } = await t.deps.db.selectFrom('webhook_endpoints').select('id').executeTakeFirstOrThrow();
    const ben = await signedIn(t);
    const bens = await makePetition(t.deps.db, { ownerId: ben.user.id });
    const base = `/organize/${id}/webhooks`;
    for (const path of [base, `${base}/${endpoint}`, `/organize/${bens.id}/webhooks/${endpoint}`])
      expect((await getAs(t, ben, path)).status, path).toBe(404);
    for (const path of [
      base,
      ...['test', 'disable', 'enable', 'retry', 'delete'].map((a) => `${base}/${endpoint}/${a}`),
      `/organize/${bens.id}/webhooks/${endpoint}/delete`,
    ])
      expect((await postFormAs(t, ben, path, webhookForm('https://example.org/x', ALL_EVENTS))).status, path).toBe(404);
    const crossSite = await postFormAs(
      t,
      ana,
      `${base}/${endpoint}/delete`,
      {},
      {
        Origin: 'https://evil.example',
        'Sec-Fetch-Site': 'cross-site',
      },
    );
    expect(crossSite.status).toBe(403);
    expect((await t.app.request(base)).status).toBe(303);
    expect(await t.deps.db.selectFrom('webhook_endpoints').select('id').execute()).toHaveLength(1);
    expect((await getAs(t, ana, `${base}/${endpoint}`)).status).toBe(200);
    // A webhook of one's own, for the record: the page works for its organizer.
    expect((await addWebhook(t, ana, id, 'https://93.184.215.14/hook', ALL_EVENTS)).secret).toMatch(/^whsec_/);
  });
});
