import { beforeEach, describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { postForm, validSignature, useTestApp } from '../support/test-app.js';

describe.each(enginesToTest())('signing on $name', (engine) => {
  const t = useTestApp(engine);
  let slug: string;
  beforeEach(async () => {
    ({ slug } = await makePetition(t.deps.db));
  });

  it('a valid signature is counted and the signer is thanked', async () => {
    const res = await postForm(t, `/en/p/${slug}/sign`, validSignature());
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/en/p/${slug}/thanks`);
    t.advance(2000);
    const json = (await (await t.app.request(`/p/${slug}.json`)).json()) as { signature_count: number };
    expect(json.signature_count).toBe(1);
  });

  it('a second signature with the same email is not counted twice', async () => {
    await postForm(t, `/en/p/${slug}/sign`, validSignature());
    const again = await postForm(t, `/en/p/${slug}/sign`, validSignature({ email: '  ROSA@Example.org ' }));
    expect(again.headers.get('location')).toBe(`/en/p/${slug}/thanks?already=1`);
    t.advance(2000);
    const json = (await (await t.app.request(`/p/${slug}.json`)).json()) as { signature_count: number };
    expect(json.signature_count).toBe(1);
  });

  it('fifty simultaneous submissions of one email leave exactly one signature', async () => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        postForm(t, `/es/p/${slug}/sign`, validSignature({ email: 'mismo@example.org' })),
      ),
    );
    expect(responses.every((r) => r.status === 303)).toBe(true);
    expect(responses.filter((r) => !r.headers.get('location')?.endsWith('already=1'))).toHaveLength(1);
    const rows = await t.deps.db.selectFrom('signatures').select('id').execute();
    expect(rows).toHaveLength(1);
    t.advance(2000);
    const json = (await (await t.app.request(`/p/${slug}.json`)).json()) as { signature_count: number };
    expect(json.signature_count).toBe(1);
  });
});
