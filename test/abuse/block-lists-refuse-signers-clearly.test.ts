import { afterEach, describe, expect, it } from 'vitest';
import { getAs, postFormAs, signedIn, type SignedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { fieldBlock, inputValue } from '../support/html-fields.js';
import { signatureRows } from '../support/requests.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { signAs } from './abuse-support.js';
import { copy } from '../support/copy.js';

describe.each(enginesToTest())('block lists on $name', (engine) => {
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

  async function block(app: TestApp, admin: SignedIn, kind: string, value: string) {
    const res = await postFormAs(app, admin, '/admin/blocks', { kind, value, note: 'scripted signatures on 25 Nov' });
    expect(res.status, `${kind} ${value}`).toBe(303);
    return res;
  }

  it('an address at a disposable email provider is refused beside the email field, in the signer’s language, keeping what they typed', async (ctx) => {
    const { app, slug } = await start(ctx);
    for (const [locale, text] of [
      ['en', copy('en', 'abuse.blocked.domain')],
      ['es', copy('es', 'abuse.blocked.domain')],
    ] as const) {
      const res = await signAs(app, slug, {
        locale,
        fields: { name: 'Throwaway Person', email: 'someone@mailinator.com' },
      });
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(fieldBlock(html, 'email')).toContain(text);
      expect(inputValue(html, 'name')).toBe('Throwaway Person');
      expect(inputValue(html, 'email')).toBe('someone@mailinator.com');
    }
    // A subdomain of a disposable provider is one too; an ordinary address signs.
    expect((await signAs(app, slug, { fields: { email: 'x@mx.yopmail.com' } })).status).toBe(422);
    expect((await signAs(app, slug, { fields: { email: 'rosa@example.org' } })).status).toBe(303);
    expect(await signatureRows(app.deps.db)).toHaveLength(1);
  });

  it('an admin blocks a domain, an address and a network; each is refused at once, and removing a block lets signers in again', async (ctx) => {
    const { app, admin, slug } = await start(ctx);
    await block(app, admin, 'domain', '@Spam-Farm.example');
    await block(app, admin, 'email', 'Bot.Master+petitions@gmail.com');
    await block(app, admin, 'cidr', '198.51.100.0/24');
    await block(app, admin, 'cidr', '2001:db8:bad::/48');

    const domain = await signAs(app, slug, { fields: { email: 'anyone@mail.spam-farm.example' } });
    expect(domain.status).toBe(422);
    expect(fieldBlock(await domain.text(), 'email')).toContain('We can’t accept addresses from this email provider');

    // The address is blocked in its normalized form: dots and +tags at Gmail do not get around it.
    const address = await signAs(app, slug, { locale: 'es', fields: { email: 'botmaster@googlemail.com' } });
    expect(address.status).toBe(422);
    expect(fieldBlock(await address.text(), 'email')).toContain(
      'No podemos aceptar firmas de esta dirección de correo',
    );

    for (const network of ['198.51.100.23', '::ffff:198.51.100.24', '2001:db8:bad:1::5']) {
      const res = await signAs(app, slug, { address: network, locale: 'es' });
      expect(res.status, network).toBe(403);
      expect(await res.text()).toContain(copy('es', 'abuse.blocked.network.title'));
    }
    expect(await signatureRows(app.deps.db)).toHaveLength(0);
    expect((await signAs(app, slug, { address: '198.51.101.1' })).status).toBe(303);

    const page = await (await getAs(app, admin, '/admin/blocks')).text();
    expect(page).toContain('spam-farm.example');
    expect(page).toContain('198.51.100.0/24');
    expect(page).toContain('2001:db8:bad::/48');
    const entry = await app.deps.db
      .selectFrom('blocked_entries')
      .select('id')
      .where('value', '=', '198.51.100.0/24')
      .executeTakeFirstOrThrow();
    expect((await postFormAs(app, admin, `/admin/blocks/${entry.id}/remove`, {})).status).toBe(303);
    expect((await signAs(app, slug, { address: '198.51.100.23' })).status).toBe(303);

    const audit = await app.deps.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'details'])
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['block.add', 'block.add', 'block.add', 'block.add', 'block.remove']);
    expect(audit.every((a) => a.actor_id === admin.user.id)).toBe(true);
    // The audit log recognises a blocked address without keeping it whole.
    expect(audit.map((a) => a.details).join(' ')).not.toContain('botmaster@gmail.com');
  });

  it('bad blocks are answered with a message beside the field, and a repeated block is refused', async (ctx) => {
    const { app, admin } = await start(ctx);
    const cases: [string, string, string, string][] = [
      ['domain', 'not a domain', 'value', copy('en', 'blocks.error.domain')],
      ['email', 'nobody', 'value', copy('en', 'blocks.error.email')],
      ['cidr', '203.0.113.0/33', 'value', copy('en', 'blocks.error.cidr')],
      ['everything', 'x', 'kind', copy('en', 'blocks.error.kind')],
    ];
    for (const [kind, value, field, message] of cases) {
      const res = await postFormAs(app, admin, '/admin/blocks', { kind, value, note: 'why' });
      expect(res.status, value).toBe(422);
      const html = await res.text();
      expect(html).toContain(message);
      if (field === 'value') expect(inputValue(html, 'value')).toBe(value);
    }
    const noNote = await postFormAs(app, admin, '/admin/blocks', { kind: 'domain', value: 'example.net', note: '  ' });
    expect(noNote.status).toBe(422);
    await block(app, admin, 'domain', 'example.net');
    const again = await postFormAs(app, admin, '/admin/blocks', {
      kind: 'domain',
      value: 'EXAMPLE.net',
      note: 'twice',
    });
    expect(again.status).toBe(422);
    expect(await again.text()).toContain(copy('en', 'blocks.error.duplicate'));
    expect(await app.deps.db.selectFrom('blocked_entries').selectAll().execute()).toHaveLength(1);
  });

  it('only admins see or change the block lists', async (ctx) => {
    const { app } = await start(ctx);
    const moderator = await signedIn(app, { role: 'moderator' });
    expect((await getAs(app, moderator, '/admin/blocks')).status).toBe(404);
    expect(
      (await postFormAs(app, moderator, '/admin/blocks', { kind: 'domain', value: 'example.net', note: 'x' })).status,
    ).toBe(404);
    expect(await app.deps.db.selectFrom('blocked_entries').selectAll().execute()).toHaveLength(0);
  });
});
