import { afterEach, describe, expect, it } from 'vitest';
import { signedIn, getAs, type SignedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { inputValue } from '../support/html-fields.js';
import { signatureRows } from '../support/requests.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { changeSettings, signAs } from './abuse-support.js';

describe.each(enginesToTest())('rate limits set by admins on $name', (engine) => {
  let t: TestApp | undefined;
  afterEach(async () => t?.close());

  async function start(ctx: { skip: () => void }): Promise<{ app: TestApp; admin: SignedIn; slug: string }> {
    if (engine.skipReason !== undefined) ctx.skip();
    const app = await createTestApp(engine, { env: { TRUST_PROXY: 'true' } });
    t = app;
    const admin = await signedIn(app, { role: 'admin' });
    const { slug } = await makePetition(app.deps.db);
    return { app, admin, slug };
  }

  it('the per-address limit refuses the next signature with 429 in the signer’s language, keeping what they typed', async (ctx) => {
    const { app, admin, slug } = await start(ctx);
    await changeSettings(app, admin, { signPerAddressPerMinute: 2 });
    for (let i = 0; i < 2; i++) expect((await signAs(app, slug, { address: '203.0.113.10' })).status).toBe(303);
    const refused = await signAs(app, slug, {
      address: '203.0.113.10',
      locale: 'es',
      fields: { name: 'Tercera Persona', email: 'tercera@example.org', comment: 'Sí se puede' },
    });
    expect(refused.status).toBe(429);
    const html = await refused.text();
    expect(html).toContain('Recibimos demasiadas firmas desde tu conexión');
    expect(inputValue(html, 'name')).toBe('Tercera Persona');
    expect(inputValue(html, 'email')).toBe('tercera@example.org');
    expect(html).toContain('Sí se puede');
    // Another address is not affected.
    expect((await signAs(app, slug, { address: '198.51.100.20' })).status).toBe(303);
    expect(await signatureRows(app.deps.db)).toHaveLength(3);
  });

  it('the per-petition limit counts every signer of the petition together, and leaves other petitions alone', async (ctx) => {
    const { app, admin, slug } = await start(ctx);
    const other = await makePetition(app.deps.db);
    await changeSettings(app, admin, { signPerPetitionPerMinute: 3 });
    for (let i = 0; i < 3; i++) expect((await signAs(app, slug, { address: `203.0.113.${i + 1}` })).status).toBe(303);
    const refused = await signAs(app, slug, { address: '198.51.100.99', fields: { name: 'Late Signer' } });
    expect(refused.status).toBe(429);
    const html = await refused.text();
    expect(html).toContain('This petition is receiving more signatures than it can take in right now');
    expect(inputValue(html, 'name')).toBe('Late Signer');
    expect((await signAs(app, other.slug, { address: '198.51.100.99' })).status).toBe(303);
    app.advance(60_000);
    expect((await signAs(app, slug, { address: '198.51.100.99' })).status).toBe(303);
  });

  it('the per-domain limit applies per petition to small domains, never to the big free providers', async (ctx) => {
    const { app, admin, slug } = await start(ctx);
    const other = await makePetition(app.deps.db);
    await changeSettings(app, admin, { signPerDomainPerMinute: 2 });
    const at = (domain: string, n: number) => ({ email: `person${n}@${domain}`, name: `Person ${n}` });
    for (let i = 0; i < 2; i++)
      expect((await signAs(app, slug, { address: `203.0.113.${i + 1}`, fields: at('bots.example', i) })).status).toBe(
        303,
      );
    const refused = await signAs(app, slug, { address: '198.51.100.7', locale: 'es', fields: at('BOTS.example', 3) });
    expect(refused.status).toBe(429);
    const html = await refused.text();
    expect(html).toContain('Recibimos demasiadas firmas con direcciones de tu proveedor de correo');
    expect(inputValue(html, 'email')).toBe('person3@BOTS.example');
    // The same domain on another petition, and a big free provider on this one, still sign.
    expect((await signAs(app, other.slug, { address: '198.51.100.8', fields: at('bots.example', 4) })).status).toBe(
      303,
    );
    for (let i = 0; i < 5; i++)
      expect((await signAs(app, slug, { address: `192.0.2.${i + 1}`, fields: at('gmail.com', 10 + i) })).status).toBe(
        303,
      );
  });

  it('a limit an admin changes applies to the next signature, without a restart, and 0 turns it off', async (ctx) => {
    const { app, admin, slug } = await start(ctx);
    for (let i = 0; i < 3; i++) expect((await signAs(app, slug, { address: '203.0.113.50' })).status).toBe(303);
    await changeSettings(app, admin, { signPerAddressPerMinute: 3 });
    expect((await signAs(app, slug, { address: '203.0.113.50' })).status).toBe(429);
    await changeSettings(app, admin, { signPerAddressPerMinute: 0 });
    for (let i = 0; i < 5; i++) expect((await signAs(app, slug, { address: '203.0.113.50' })).status).toBe(303);
  });

  it('the settings page names the exempt providers, and only admins see it', async (ctx) => {
    const { app, admin } = await start(ctx);
    const page = await (await getAs(app, admin, '/admin/settings')).text();
    expect(page).toContain('gmail.com, googlemail.com, yahoo.com');
    const moderator = await signedIn(app, { role: 'moderator' });
    const organizer = await signedIn(app);
    expect((await getAs(app, moderator, '/admin/settings')).status).toBe(404);
    expect((await getAs(app, organizer, '/admin/settings')).status).toBe(404);
    expect((await app.app.request('/admin/settings')).status).not.toBe(200);
  });
});
