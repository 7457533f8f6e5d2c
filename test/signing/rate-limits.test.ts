import { afterEach, describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { inputValue } from '../support/html-fields.js';
import { signatureRows } from '../support/requests.js';
import { createTestApp, postForm, validSignature, type TestApp } from '../support/test-app.js';

describe.each(enginesToTest())('signing rate limits on $name', (engine) => {
  let t: TestApp | undefined;
  afterEach(async () => t?.close());

  async function start(ctx: { skip: () => void }, env: Record<string, string>) {
    if (engine.skipReason !== undefined) ctx.skip();
    const app = await createTestApp(engine, { env });
    t = app;
    const { slug } = await makePetition(app.deps.db);
    const sign = (n: number | string, headers: Record<string, string> = {}) =>
      postForm(
        app,
        `/en/p/${slug}/sign`,
        validSignature({ name: `Person ${n}`, email: `person${n}@example.org` }),
        headers,
      );
    return { app, slug, sign };
  }

  it('the fourth signature in a minute from one address gets 429, keeps what was typed, and works after the minute', async (ctx) => {
    const { app, slug, sign } = await start(ctx, { RATE_LIMIT_SIGN_PER_MINUTE: '3' });
    for (const n of [1, 2, 3]) expect((await sign(n)).status).toBe(303);

    const refused = await postForm(
      app,
      `/es/p/${slug}/sign`,
      validSignature({ name: 'Cuarta Persona', email: 'cuarta@example.org', comment: 'Sí se puede' }),
    );
    expect(refused.status).toBe(429);
    expect(refused.headers.get('cache-control')).toBe('no-store');
    const html = await refused.text();
    expect(html).toContain('Recibimos demasiadas firmas desde tu conexión');
    expect(inputValue(html, 'name')).toBe('Cuarta Persona');
    expect(inputValue(html, 'email')).toBe('cuarta@example.org');
    expect(html).toContain('Sí se puede');
    expect(await signatureRows(app.deps.db)).toHaveLength(3);

    app.advance(60_000);
    expect(
      (
        await postForm(
          app,
          `/es/p/${slug}/sign`,
          validSignature({ name: 'Cuarta Persona', email: 'cuarta@example.org' }),
        )
      ).status,
    ).toBe(303);
    expect(await signatureRows(app.deps.db)).toHaveLength(4);
  });

  it('forms with mistakes do not use up the limit', async (ctx) => {
    const { app, slug, sign } = await start(ctx, { RATE_LIMIT_SIGN_PER_MINUTE: '2' });
    for (let i = 0; i < 5; i += 1)
      expect((await postForm(app, `/en/p/${slug}/sign`, validSignature({ email: 'oops' }))).status).toBe(422);
    expect((await sign(1)).status).toBe(303);
    expect((await sign(2)).status).toBe(303);
    expect((await sign(3)).status).toBe(429);
  });

  it('behind a trusted proxy, each client address has its own limit', async (ctx) => {
    const { sign } = await start(ctx, { RATE_LIMIT_SIGN_PER_MINUTE: '3', TRUST_PROXY: 'true' });
    const from = (address: string) => ({ 'X-Forwarded-For': address });
    for (const n of [1, 2, 3]) expect((await sign(`a${n}`, from('203.0.113.10'))).status).toBe(303);
    expect((await sign('a4', from('203.0.113.10'))).status).toBe(429);
    for (const n of [1, 2, 3]) expect((await sign(`b${n}`, from('198.51.100.20'))).status).toBe(303);
    expect((await sign('b4', from('198.51.100.20'))).status).toBe(429);
  });

  it('behind a trusted proxy, only the address the proxy added counts, not what the client claims', async (ctx) => {
    const { sign } = await start(ctx, { RATE_LIMIT_SIGN_PER_MINUTE: '2', TRUST_PROXY: 'true' });
    expect((await sign(1, { 'X-Forwarded-For': '1.1.1.1, 203.0.113.10' })).status).toBe(303);
    expect((await sign(2, { 'X-Forwarded-For': '2.2.2.2, 203.0.113.10' })).status).toBe(303);
    expect((await sign(3, { 'X-Forwarded-For': '3.3.3.3, 203.0.113.10' })).status).toBe(429);
  });

  it('without TRUST_PROXY, a forged X-Forwarded-For does not get around the limit', async (ctx) => {
    const { sign } = await start(ctx, { RATE_LIMIT_SIGN_PER_MINUTE: '2' });
    expect((await sign(1, { 'X-Forwarded-For': '203.0.113.1' })).status).toBe(303);
    expect((await sign(2, { 'X-Forwarded-For': '203.0.113.2' })).status).toBe(303);
    expect((await sign(3, { 'X-Forwarded-For': '203.0.113.3' })).status).toBe(429);
  });

  it('the address is kept only as a keyed hash', async (ctx) => {
    const { app, sign } = await start(ctx, { TRUST_PROXY: 'true' });
    await sign(1, { 'X-Forwarded-For': '203.0.113.77' });
    const [row] = await signatureRows(app.deps.db);
    expect(row?.ip_hash).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(JSON.stringify(row)).not.toContain('203.0.113.77');
  });
});
