// Pushing to a CRM, on both engines, against a local OSDI-speaking server started here (it answers like Action
// Network's record signature helper: the token in OSDI-API-Token, a person with an email and a postal address, 200
// with the signature): an organizer connects it on the webhooks page with the helper's address, a token and tags;
// each confirmed signature arrives as an OSDI person with the name split, email, ZIP code and town, language,
// comment and tags; the token is never shown again nor audited; a CRM that refuses the token is retried and the log
// says so; a withdrawal is not sent (the helper cannot take one back); no test event is offered.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { getAs, postFormAs, signedIn } from '../support/accounts.js';
import { linkIn } from '../support/smtp-sink.js';
import { openAndPress } from '../support/signer-link-button.js';
import { postForm, validSignature, useTestApp } from '../support/test-app.js';
import { useWebhookWorld } from '../support/webhook-receiver.js';

const TOKEN = 'an-token-0123456789abcdef';

interface OsdiServer {
  helper: string;
  people: Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any -- bodies read loosely, each field checked
  close(): Promise<void>;
}

/** A CRM's OSDI record signature helper for one petition, on loopback. */
async function startOsdiServer(): Promise<OsdiServer> {
  const people: OsdiServer['people'] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      res.setHeader('Content-Type', 'application/hal+json');
      if (req.method !== 'POST' || req.url !== '/api/v2/petitions/p-123/signatures/') {
        res.statusCode = 404;
        return res.end('{}');
      }
      if (req.headers['osdi-api-token'] !== TOKEN) {
        res.statusCode = 401;
        return res.end('{"error":"API Key invalid or not present"}');
      }
      const parsed = JSON.parse(body);
      if (!parsed.person?.email_addresses?.[0]?.address || !parsed.person?.postal_addresses?.[0]?.postal_code) {
        res.statusCode = 400;
        return res.end('{"error":"person needs an email and a postal code"}');
      }
      people.push({ ...parsed, contentType: req.headers['content-type'] });
      res.end(JSON.stringify({ identifiers: [`action_network:s-${people.length}`] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    helper: `http://127.0.0.1:${port}/api/v2/petitions/p-123/signatures/`,
    people,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

describe.each(enginesToTest())('confirmed signatures reach the organizer’s CRM on $name', (engine) => {
  const t = useTestApp(engine, { env: { WEBHOOKS_ALLOW_PRIVATE: 'true' } });
  const w = useWebhookWorld(t);
  const deliver = () => w.deliver();
  let crm: OsdiServer;
  beforeEach(async () => {
    crm = await startOsdiServer();
  });
  afterEach(async () => {
    await crm?.close();
  });

  it('each confirmed signature arrives as an OSDI person with its tags; the token stays hidden', async () => {
    const ana = await signedIn(t);
    const { id, slug } = await makePetition(t.deps.db, { ownerId: ana.user.id, requiresVerification: true });
    const connected = await postFormAs(t, ana, `/organize/${id}/webhooks/crm`, {
      crm_url: crm.helper,
      token: TOKEN,
      tags: 'rally-2026, ct trust act',
      crm_description: 'Action Network',
    });
    expect(connected.status).toBe(303);
    const location = connected.headers.get('location') ?? '';
    expect(location).toMatch(/\/webhooks\/\d+\?done=crm$/);
    const page = await (await getAs(t, ana, location)).text();
    expect(page).toContain('CRM connected.');
    expect(page).toContain('CRM (OSDI)');
    expect(page).toContain('an-t…');
    expect(page).not.toContain(TOKEN);
    expect(page).not.toContain('Send a test event');
    expect(page).not.toContain('whsec_');

    await postForm(
      t,
      `/es/p/${slug}/sign`,
      validSignature({
        name: 'Rosa Martínez López',
        email: 'rosa@example.org',
        comment: 'Por mi familia.',
        source: 'whatsapp',
      }),
    );
    expect((await deliver()).delivered).toBe(0); // pending: nothing to record yet
    await w.mailroom.worker.drainAll();
    const [mail] = await w.mailroom.sink.waitFor(1);
    await openAndPress(t, linkIn(mail!, '/confirm'));
    expect(await deliver()).toMatchObject({ delivered: 1 });
    expect(crm.people).toEqual([
      {
        contentType: 'application/hal+json',
        person: {
          given_name: 'Rosa',
          family_name: 'Martínez López',
          email_addresses: [{ address: 'rosa@example.org', primary: true }],
          postal_addresses: [{ postal_code: '06106', locality: 'Hartford', country: 'US', primary: true }],
          languages_spoken: ['es'],
        },
        comments: 'Por mi familia.',
        add_tags: ['firma', `firma:${slug}`, 'source:whatsapp', 'rally-2026', 'ct trust act'],
        referrer_data: { source: 'whatsapp' },
      },
    ]);

    // Withdrawn: the helper cannot take it back, so nothing is queued for the CRM.
    await openAndPress(t, linkIn(mail!, '/withdraw'));
    expect(await deliver()).toMatchObject({ delivered: 0, cancelled: 0 });
    expect(crm.people).toHaveLength(1);
    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'details']).execute();
    expect(audit.map((a) => a.action)).toContain('webhook.crm.create');
    expect(JSON.stringify(audit)).not.toContain(TOKEN);
  });

  it('a token the CRM refuses is retried and shown in the log; bad fields are refused beside them, in Spanish too', async () => {
    const ana = await signedIn(t);
    const { id, slug } = await makePetition(t.deps.db, { ownerId: ana.user.id });
    const refused = await postFormAs(t, ana, `/organize/${id}/webhooks/crm`, {
      crm_url: 'ftp://crm',
      token: 'has spaces in it',
      tags: Array.from({ length: 11 }, (_, i) => `t${i}`).join(','),
      crm_description: '',
    });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain('Enter a full web address, starting with https://.');
    expect(html).toContain('Paste the CRM’s API token, without spaces.');
    expect(html).toContain('Use at most 10 tags of up to 60 characters each');
    expect(html).not.toContain('has spaces in it');
    const luisa = await signedIn(t, { locale: 'es' });
    const hers = await makePetition(t.deps.db, { ownerId: luisa.user.id });
    const spanish = await postFormAs(
      t,
      luisa,
      `/organize/${hers.id}/webhooks/crm`,
      { crm_url: crm.helper, token: '', tags: '', crm_description: '' },
      { 'Accept-Language': 'es' },
    );
    expect(await spanish.text()).toContain('Pegue el token de API del CRM, sin espacios.');

    const ok = await postFormAs(t, ana, `/organize/${id}/webhooks/crm`, {
      crm_url: crm.helper,
      token: 'not-the-right-token',
      tags: '',
      crm_description: '',
    });
    const endpointPage = ok.headers.get('location')?.replace(/\?.*$/, '') ?? '';
    await postForm(t, `/p/${slug}/sign`, validSignature());
    expect(await deliver()).toMatchObject({ delivered: 0, retried: 1 });
    expect(crm.people).toEqual([]);
    expect(await (await getAs(t, ana, endpointPage)).text()).toContain('HTTP 401');
    // A test event is not offered, and asking for one queues nothing.
    const test = await postFormAs(t, ana, `${endpointPage}/test`, {});
    expect(test.headers.get('location')).toBe(endpointPage);
    expect(await t.deps.db.selectFrom('webhook_deliveries').select('id').execute()).toHaveLength(1);
  });
});
