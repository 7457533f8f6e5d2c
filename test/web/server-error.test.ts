import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { createTestApp, postForm, validSignature, type TestApp } from '../support/test-app.js';
import { copy } from '../support/copy.js';

describe.each(enginesToTest())('when the database fails, on $name', (engine) => {
  let t: TestApp;
  let slug: string;
  let closed = false;
  beforeEach(async (ctx) => {
    if (engine.skipReason !== undefined) ctx.skip();
    t = await createTestApp(engine);
    ({ slug } = await makePetition(t.deps.db));
    closed = false;
  });
  afterEach(async () => {
    if (t !== undefined && !closed) await t.close();
  });

  it('a signer sees a 500 page in their language with no stack trace, and nothing is acknowledged', async () => {
    await t.app.request(`/es/p/${slug}`); // the petition is now known to the process
    await t.close();
    closed = true;
    const res = await postForm(t, `/es/p/${slug}/sign`, validSignature());
    expect(res.status).toBe(500);
    const html = await res.text();
    expect(html).toContain('<html lang="es"');
    expect(html).toContain(copy('es', 'page.serverError.title'));
    expect(html).not.toMatch(/at .*\.(ts|js):\d+/);
    expect(html).not.toContain('Error:');
    expect(res.headers.get('location')).toBeNull();
  });
});
