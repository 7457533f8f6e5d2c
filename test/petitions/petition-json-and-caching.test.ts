import { beforeEach, describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { addSignatures, get, petitionJson } from '../support/requests.js';
import { postForm, TEST_ORIGIN, validSignature, useTestApp } from '../support/test-app.js';

describe.each(enginesToTest())('public JSON and caching on $name', (engine) => {
  const t = useTestApp(engine);
  let petition: { id: number; slug: string };
  beforeEach(async () => {
    petition = await makePetition(t.deps.db, { closesAt: '2027-01-31T00:00:00.000Z' });
  });

  it('an integrator reads the petition’s public facts as JSON, and nothing about signers', async () => {
    await addSignatures(t.deps.db, petition.id, 12);
    const res = await get(t, `/p/${petition.slug}.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=UTF-8');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const json: unknown = await res.json();
    expect(json).toEqual({
      slug: petition.slug,
      status: 'open',
      default_locale: 'en',
      locales: ['en', 'es'],
      title: { en: 'Fix the bus shelter', es: 'Arreglen la parada' },
      targets: [{ name: { en: 'Town Council', es: 'Concejo Municipal' } }],
      url: { en: `${TEST_ORIGIN}/en/p/${petition.slug}`, es: `${TEST_ORIGIN}/es/p/${petition.slug}` },
      signature_count: 12,
      // The count over time: the twelve were signed on 20 November (the test clock says the 25th, noon).
      signatures_by_day: ['20', '21', '22', '23', '24', '25'].map((d) => ({
        date: `2026-11-${d}`,
        signature_count: d === '20' ? 12 : 0,
        total: 12,
      })),
      signatures_by_hour: Array.from({ length: 48 }, (_, i) => ({
        hour: new Date(Date.UTC(2026, 10, 23, 13 + i)).toISOString().replace('.000Z', 'Z'),
        signature_count: 0,
        total: 12,
      })),
      pending_count: 0,
      signatures_by_locale: { en: 12 },
      signatures_by_method: { online: 12, paper: 0, kiosk: 0 },
      // A petition to no legislature's districts: always present, empty.
      signatures_by_district: [],
      signatures_without_district: [],
      requires_verification: false,
      last_milestone: 10,
      next_goal: 25,
      created_at: '2026-11-01T00:00:00.000Z',
      updated_at: '2026-11-01T00:00:00.000Z',
      published_at: '2026-11-01T00:00:00.000Z',
      closes_at: '2027-01-31T00:00:00.000Z',
    });
    expect(JSON.stringify(json)).not.toMatch(/@example\.org|06106|Signer/);
  });

  it('a petition with no signatures has no milestone yet and a first goal of 10', async () => {
    const json = await petitionJson(t, petition.slug);
    expect(json).toMatchObject({ signature_count: 0, last_milestone: null, next_goal: 10 });
  });

  it('pages and JSON may be cached briefly by proxies and revalidated with their ETag', async () => {
    for (const path of [
      `/p/${petition.slug}`,
      `/en/p/${petition.slug}`,
      `/es/p/${petition.slug}`,
      `/p/${petition.slug}.json`,
      '/',
      '/es',
    ]) {
      const first = await get(t, path);
      expect(first.status, path).toBe(200);
      expect(first.headers.get('cache-control'), path).toMatch(/^public, max-age=1, stale-while-revalidate=\d+$/);
      const etag = first.headers.get('etag');
      expect(etag, path).toMatch(/^"[^"]+"$/);

      const again = await get(t, path, { 'If-None-Match': etag ?? '' });
      expect(again.status, path).toBe(304);
      expect(await again.text(), path).toBe('');
      expect(again.headers.get('etag'), path).toBe(etag);

      const weak = await get(t, path, { 'If-None-Match': `"other", W/${etag ?? ''}` });
      expect(weak.status, path).toBe(304);

      const stale = await get(t, path, { 'If-None-Match': '"not-the-current-one"' });
      expect(stale.status, path).toBe(200);
      expect((await stale.text()).length, path).toBeGreaterThan(0);
    }
  });

  it('a new signature shows on the page and in the JSON once the one-second cache has passed', async () => {
    const before = await get(t, `/en/p/${petition.slug}`);
    const etagBefore = before.headers.get('etag');
    expect(await before.text()).toContain('0 signatures');
    expect((await petitionJson(t, petition.slug)).signature_count).toBe(0);

    expect((await postForm(t, `/en/p/${petition.slug}/sign`, validSignature())).status).toBe(303);
    t.advance(1000);

    const after = await get(t, `/en/p/${petition.slug}`, { 'If-None-Match': etagBefore ?? '' });
    expect(after.status).toBe(200);
    expect(await after.text()).toContain('<strong data-count="1">1 signature</strong>');
    expect((await petitionJson(t, petition.slug)).signature_count).toBe(1);
  });

  it('the page is the same bytes for every anonymous visitor, with no cookie or per-visitor token', async () => {
    const a = await get(t, `/en/p/${petition.slug}`, { 'User-Agent': 'Phone A', 'Accept-Language': 'en-US' });
    const b = await get(t, `/en/p/${petition.slug}`, { 'User-Agent': 'Laptop B', Cookie: 'unrelated=1' });
    const [bodyA, bodyB] = [await a.text(), await b.text()];
    expect(bodyA).toBe(bodyB);
    expect(a.headers.get('etag')).toBe(b.headers.get('etag'));
    for (const res of [a, b]) expect(res.headers.get('set-cookie')).toBeNull();
    expect(bodyA).not.toMatch(/csrf|_token|nonce=/i);
    expect(bodyA).toContain(`<form class="sign-form" method="post" action="/en/p/${petition.slug}/sign"`);
  });
});
