import { beforeEach, describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { hiddenFields } from './html-forms.js';
import { get, signatureRows } from '../support/requests.js';
import { postForm, validSignature, useTestApp } from '../support/test-app.js';

describe.each(enginesToTest())('share links record their source on $name', (engine) => {
  const t = useTestApp(engine);
  let slug: string;
  beforeEach(async () => {
    ({ slug } = await makePetition(t.deps.db));
  });

  it('a signer who arrives through ?source=ct-students is counted under that code', async () => {
    const html = await (await get(t, `/p/${slug}?source=ct-students`, { 'Accept-Language': 'es' })).text();
    const hidden = hiddenFields(html, 'sign-form');
    expect(hidden).toEqual({ source: 'ct-students' });
    const res = await postForm(t, `/es/p/${slug}/sign`, validSignature({ ...hidden, email: 'student@example.org' }));
    expect(res.status).toBe(303);
    expect((await signatureRows(t.deps.db)).map((r) => r.source)).toEqual(['ct-students']);
  });

  it('a code that breaks the rule is dropped, and the signature still counts (with no source)', async () => {
    const html = await (await get(t, `/en/p/${slug}?source=${encodeURIComponent('<script>')}`)).text();
    expect(hiddenFields(html, 'sign-form')).toEqual({});
    await postForm(t, `/en/p/${slug}/sign`, validSignature({ source: 'not a code!' }));
    expect((await signatureRows(t.deps.db)).map((r) => r.source)).toEqual([null]);
  });

  it('the embedded form carries the code too', async () => {
    const html = await (await get(t, `/en/p/${slug}/embed?source=partner_org`)).text();
    const hidden = hiddenFields(html, 'sign-form');
    expect(hidden).toEqual({ source: 'partner_org' });
    const res = await postForm(t, `/en/p/${slug}/embed/sign`, validSignature(hidden));
    expect(res.headers.get('location')).toBe(`/en/p/${slug}/embed/thanks`);
    expect((await signatureRows(t.deps.db)).map((r) => r.source)).toEqual(['partner_org']);
  });
});
