import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(enginesToTest())('/.well-known/security.txt on $name', (engine) => {
  let t: TestApp;
  beforeEach(async (ctx) => {
    if (engine.skipReason !== undefined) ctx.skip();
    t = await createTestApp(engine, {
      env: { BASE_URL: 'https://firma.example.org', PRIVACY_CONTACT: 'privacy@firma.example.org' },
    });
  });
  afterEach(async () => t?.close());

  it('names the site’s contact, an expiry under a year away, the languages and its own address (RFC 9116)', async () => {
    const res = await t.app.request('https://firma.example.org/.well-known/security.txt');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const fields = new Map(
      (await res.text())
        .trim()
        .split('\n')
        .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
    );
    expect(fields.get('Contact')).toBe('mailto:privacy@firma.example.org');
    expect(fields.get('Preferred-Languages')).toBe('en, es');
    expect(fields.get('Canonical')).toBe('https://firma.example.org/.well-known/security.txt');
    const expires = new Date(fields.get('Expires') ?? '');
    const now = t.deps.now().getTime();
    expect(expires.getTime()).toBeGreaterThan(now);
    expect(expires.getTime() - now).toBeLessThanOrEqual(366 * 24 * 3600 * 1000);
    // A year later it has moved on with the clock: it never expires while the site runs.
    t.advance(400 * 24 * 3600 * 1000);
    const later = await (await t.app.request('/.well-known/security.txt')).text();
    expect(new Date(/^Expires: (.+)$/m.exec(later)?.[1] ?? '').getTime()).toBeGreaterThan(t.deps.now().getTime());
  });
});

describe.each(enginesToTest())('/.well-known/security.txt on a site in five languages, on $name', (engine) => {
  let t: TestApp;
  beforeEach(async (ctx) => {
    if (engine.skipReason !== undefined) ctx.skip();
    t = await createTestApp(engine, { env: { FIRMA_LOCALES: 'es,en,pt-BR,ht,ar' } });
  });
  afterEach(async () => t?.close());

  it('lists the site’s languages, its default first', async () => {
    const text = await (await t.app.request('/.well-known/security.txt')).text();
    expect(/^Preferred-Languages: (.+)$/m.exec(text)?.[1]).toBe('es, en, pt-BR, ht, ar');
  });
});
