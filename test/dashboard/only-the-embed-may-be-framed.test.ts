import { beforeEach, describe, expect, it } from 'vitest';
import { getAs, signedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { get } from '../support/requests.js';
import { postForm, validSignature, useTestApp } from '../support/test-app.js';
import { copy } from '../support/copy.js';

function expectFrameable(res: Response) {
  expect(res.headers.get('content-security-policy')).toContain('frame-ancestors *');
  expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
  expect(res.headers.get('x-frame-options')).toBeNull();
}

function expectNotFrameable(res: Response) {
  expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  expect(res.headers.get('x-frame-options')).toBe('DENY');
}

describe.each(enginesToTest())('framing on $name', (engine) => {
  const t = useTestApp(engine);
  let slug: string;
  let petitionId: number;
  beforeEach(async () => {
    ({ slug, id: petitionId } = await makePetition(t.deps.db));
  });

  it('the embed page, in each language, may be framed by any site', async () => {
    for (const path of [`/p/${slug}/embed`, `/en/p/${slug}/embed`, `/es/p/${slug}/embed?source=partner`]) {
      const res = await get(t, path);
      expect(res.status).toBe(200);
      expectFrameable(res);
    }
    const spanish = await (await get(t, `/es/p/${slug}/embed`)).text();
    expect(spanish).toContain('<html lang="es"');
    expect(spanish).toContain(`action="/es/p/${slug}/embed/sign"`);
  });

  it('every step of signing from the embed stays frameable: errors, thanks, check your email', async () => {
    const invalid = await postForm(t, `/en/p/${slug}/embed/sign`, validSignature({ email: 'not-an-email' }));
    expect(invalid.status).toBe(422);
    expectFrameable(invalid);
    expect(await invalid.text()).toContain('id="error-summary"');

    const signed = await postForm(t, `/es/p/${slug}/embed/sign`, validSignature());
    expect(signed.status).toBe(303);
    expect(signed.headers.get('location')).toBe(`/es/p/${slug}/embed/thanks`);
    const thanks = await get(t, `/es/p/${slug}/embed/thanks`);
    expectFrameable(thanks);
    expect(await thanks.text()).toContain(copy('es', 'thanks.title'));

    const again = await postForm(t, `/en/p/${slug}/embed/sign`, validSignature());
    expect(again.headers.get('location')).toBe(`/en/p/${slug}/embed/thanks?already=1`);

    const verified = await makePetition(t.deps.db, { requiresVerification: true });
    const pending = await postForm(t, `/en/p/${verified.slug}/embed/sign`, validSignature());
    expect(pending.headers.get('location')).toBe(`/en/p/${verified.slug}/embed/thanks?confirm=1`);
    const check = await get(t, `/en/p/${verified.slug}/embed/thanks?confirm=1`);
    expectFrameable(check);
    expect(await check.text()).toContain(copy('en', 'thanks.checkEmail.title'));
  });

  it('a closed petition’s embed says so, still inside the frame', async () => {
    const closed = await makePetition(t.deps.db, { status: 'closed' });
    const res = await get(t, `/en/p/${closed.slug}/embed`);
    expectFrameable(res);
    expect(await res.text()).toContain('This petition is closed');
    const post = await postForm(t, `/en/p/${closed.slug}/embed/sign`, validSignature());
    expect(post.status).toBe(409);
    expectFrameable(post);
  });

  it('every other page still refuses to be framed', async () => {
    const organizer = await signedIn(t, { role: 'admin' });
    const pages = [
      await get(t, '/'),
      await get(t, `/en/p/${slug}`),
      await get(t, `/p/${slug}.json`),
      await get(t, `/en/p/${slug}/thanks`),
      await get(t, '/p/no-such-petition/embed'),
      await postForm(t, `/en/p/${slug}/sign`, validSignature({ email: 'bad' })),
      await getAs(t, organizer, `/organize/${petitionId}`),
      await getAs(t, organizer, `/organize/${petitionId}/share`),
      await getAs(t, organizer, `/organize/${petitionId}/updates`),
      await getAs(t, organizer, `/organize/${petitionId}/updates/new`),
      await getAs(t, organizer, `/organize/${petitionId}/qr.svg`),
    ];
    for (const res of pages) expectNotFrameable(res);
  });
});
