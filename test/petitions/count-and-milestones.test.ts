import { beforeEach, describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { addSignatures, get, petitionJson, signatureRows } from '../support/requests.js';
import { postForm, validSignature, useTestApp } from '../support/test-app.js';
import { copy } from '../support/copy.js';

describe.each(enginesToTest())('the count and its milestones on $name', (engine) => {
  const t = useTestApp(engine, { env: { RATE_LIMIT_SIGN_PER_MINUTE: '0' } });
  let petition: { id: number; slug: string };
  beforeEach(async () => {
    petition = await makePetition(t.deps.db);
  });

  it('a new petition invites the first signers and aims at 10', async () => {
    const html = await (await get(t, `/en/p/${petition.slug}`)).text();
    expect(html).toContain(copy('en', 'petition.firstSigners'));
    expect(html).toContain('Next goal: 10');
    expect(html).toContain('<progress max="10" value="0"');
  });

  it.each([100, 120, 249])('with %i signatures the page says "100 signatures reached" and aims at 250', async (n) => {
    await addSignatures(t.deps.db, petition.id, n);
    const en = await (await get(t, `/en/p/${petition.slug}`)).text();
    expect(en).toContain('100 signatures reached');
    expect(en).toContain(`<strong data-count="${n}">${n} signatures</strong>`);
    expect(en).toContain('Next goal: 250');
    expect(en).toContain(`<progress max="250" value="${n}"`);
    const es = await (await get(t, `/es/p/${petition.slug}`)).text();
    expect(es).toContain('100 firmas alcanzadas');
    expect(es).toContain(`${n} firmas`);
    expect(es).toContain('Próxima meta: 250');
    expect(await petitionJson(t, petition.slug)).toMatchObject({
      signature_count: n,
      last_milestone: 100,
      next_goal: 250,
    });
  });

  it('the 250th signature moves the page to the next milestone after the cache second', async () => {
    await addSignatures(t.deps.db, petition.id, 249);
    expect(await (await get(t, `/en/p/${petition.slug}`)).text()).toContain('100 signatures reached');
    expect((await postForm(t, `/en/p/${petition.slug}/sign`, validSignature())).status).toBe(303);
    t.advance(1000);
    const html = await (await get(t, `/en/p/${petition.slug}`)).text();
    expect(html).toContain('250 signatures reached');
    expect(html).toContain('Next goal: 500');
  });

  it('formats large counts in the reader’s language', async () => {
    await addSignatures(t.deps.db, petition.id, 1234);
    expect(await (await get(t, `/en/p/${petition.slug}`)).text()).toContain('1,234 signatures');
    expect(await (await get(t, `/en/p/${petition.slug}`)).text()).toContain('1,000 signatures reached');
    const es = await (await get(t, `/es/p/${petition.slug}`)).text();
    // Spanish groups thousands only from five digits on (CLDR): 1234, but 12.345.
    expect(es).toContain('1234 firmas');
    expect(es).toContain('1000 firmas alcanzadas');
    expect(es).toContain('Próxima meta: 2500');
  });

  it('the count equals the stored signatures after many mixed signings, duplicates included', async () => {
    const path = `/en/p/${petition.slug}/sign`;
    const emails = [
      ...Array.from({ length: 30 }, (_, i) => `person${i}@example.org`),
      // The same people again, typed differently.
      ...Array.from({ length: 10 }, (_, i) => `  PERSON${i}@Example.ORG `),
      'a.b+x@gmail.com',
      'AB@googlemail.com',
      'a.b@gmail.com',
      'rosa+petitions@outlook.com',
      'Rosa@Outlook.com',
      'rosa+tag@example.org',
      'rosa@example.org',
    ];
    const invalid = ['not-an-email', 'rosa@gmail..com', ''];
    const posts = [
      ...emails.map((email) => postForm(t, path, validSignature({ email }))),
      ...invalid.map((email) => postForm(t, path, validSignature({ email }))),
      // A double submit of one form, at the same moment.
      ...Array.from({ length: 5 }, () =>
        postForm(t, `/es/p/${petition.slug}/sign`, validSignature({ email: 'doble@example.org' })),
      ),
    ];
    const responses = await Promise.all(posts);
    expect(responses.filter((r) => r.status === 422)).toHaveLength(invalid.length);
    expect(responses.filter((r) => r.status === 303)).toHaveLength(emails.length + 5);

    const rows = await signatureRows(t.deps.db);
    // 30 people, one Gmail mailbox, one Outlook mailbox, two distinct example.org addresses, doble@.
    expect(rows).toHaveLength(30 + 1 + 1 + 2 + 1);
    expect(new Set(rows.map((r) => r.email_normalized)).size).toBe(rows.length);
    t.advance(1000);
    expect((await petitionJson(t, petition.slug)).signature_count).toBe(rows.length);
    expect(await (await get(t, `/en/p/${petition.slug}`)).text()).toContain(`<strong data-count="${rows.length}">`);
  });

  it('a.b+x@gmail.com and AB@googlemail.com sign once between them, and the second is told it already signed', async () => {
    const first = await postForm(t, `/en/p/${petition.slug}/sign`, validSignature({ email: 'a.b+x@gmail.com' }));
    const second = await postForm(
      t,
      `/en/p/${petition.slug}/sign`,
      validSignature({ email: 'AB@googlemail.com', name: 'Someone Else' }),
    );
    expect(first.headers.get('location')).toBe(`/en/p/${petition.slug}/thanks`);
    expect(second.headers.get('location')).toBe(`/en/p/${petition.slug}/thanks?already=1`);
    const rows = await signatureRows(t.deps.db);
    expect(rows.map((r) => [r.email, r.email_normalized, r.name])).toEqual([
      ['a.b+x@gmail.com', 'ab@gmail.com', 'Rosa Martínez'],
    ]);
  });
});
