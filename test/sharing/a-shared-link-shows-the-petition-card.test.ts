// A petition's link pasted into WhatsApp, Facebook or X unfurls with a large picture: the social card, in the
// language of the page, with the petition's count at its last milestone. The card is drawn again when a
// milestone is crossed, not for each signature, and is answered with a validator.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { petitionCard } from '../../src/sharing/card-content.js';
import { renderCard } from '../../src/sharing/social-card.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { addSignatures, get } from '../support/requests.js';
import { TEST_ORIGIN, useTestApp, type TestApp } from '../support/test-app.js';

const REFERENCE = path.join(import.meta.dirname, 'reference', 'arabic-card.png');

function meta(html: string, name: string): string | undefined {
  const found = new RegExp(`<meta (?:property|name)="${name}" content="([^"]*)"`).exec(html);
  return found?.[1]?.replace(/&amp;/g, '&').replace(/&quot;/g, '"');
}

async function cardOf(t: TestApp, page: string) {
  const html = await (await get(t, page)).text();
  const url = meta(html, 'og:image') ?? '';
  return { html, url, path: url.slice(TEST_ORIGIN.length) };
}

/** The mean difference of two images' pixels, 0 (the same) to 255. */
async function difference(a: Uint8Array, b: Uint8Array): Promise<number> {
  const [x, y] = await Promise.all([a, b].map((png) => sharp(png).removeAlpha().raw().toBuffer()));
  if (x === undefined || y === undefined || x.length !== y.length) return 255;
  let sum = 0;
  for (let i = 0; i < x.length; i += 1) sum += Math.abs((x[i] ?? 0) - (y[i] ?? 0));
  return sum / x.length;
}

describe.each(enginesToTest())('the social card on $name', (engine) => {
  const t = useTestApp(engine, { env: { FIRMA_LOCALES: 'en,es,ar' } });

  it('is the page’s og:image, 1200×630 in the page’s language, with its alt text and a large Twitter card', async () => {
    const petition = await makePetition(t.deps.db, { slug: 'bus-shelter' });
    await addSignatures(t.deps.db, petition.id, 12);

    const en = await cardOf(t, '/en/p/bus-shelter');
    const es = await cardOf(t, '/es/p/bus-shelter');
    expect(en.path).toMatch(/^\/en\/p\/bus-shelter\/card\.png\?v=[\w-]{12}$/);
    expect(es.path).toMatch(/^\/es\/p\/bus-shelter\/card\.png\?v=/);
    expect(meta(en.html, 'og:image:width')).toBe('1200');
    expect(meta(en.html, 'og:image:height')).toBe('630');
    expect(meta(en.html, 'og:image:alt')).toBe('“Fix the bus shelter”: 10 signatures and counting');
    expect(meta(es.html, 'og:image:alt')).toBe('«Arreglen la parada»: 10 firmas y sumando');
    expect(meta(en.html, 'twitter:card')).toBe('summary_large_image');

    const [enRes, esRes] = await Promise.all([get(t, en.path), get(t, es.path)]);
    expect(enRes.status).toBe(200);
    expect(enRes.headers.get('content-type')).toBe('image/png');
    expect(enRes.headers.get('etag')).toMatch(/^"card-[\w-]+"$/);
    const [enPng, esPng] = [new Uint8Array(await enRes.arrayBuffer()), new Uint8Array(await esRes.arrayBuffer())];
    expect(await sharp(enPng).metadata()).toMatchObject({ format: 'png', width: 1200, height: 630 });
    // The Spanish card is the Spanish words drawn, not the English card.
    const petitionRow = await t.deps.petitions.bySlug('bus-shelter');
    if (petitionRow === undefined) throw new Error('no petition');
    const spanish = await renderCard(petitionCard(petitionRow, 'es', 12, TEST_ORIGIN).content, 'card');
    expect(await difference(esPng, spanish)).toBe(0);
    expect(await difference(esPng, enPng)).toBeGreaterThan(0.5);

    const story = await get(t, '/es/p/bus-shelter/story.png');
    expect(await sharp(new Uint8Array(await story.arrayBuffer())).metadata()).toMatchObject({
      width: 1080,
      height: 1920,
    });
  });

  it('answers a reader who has the card with 304, and is drawn again only when a milestone is crossed', async () => {
    const petition = await makePetition(t.deps.db, { slug: 'bus-shelter' });
    await addSignatures(t.deps.db, petition.id, 10, 'first');
    const first = await cardOf(t, '/en/p/bus-shelter');
    const res = await get(t, first.path);
    const etag = res.headers.get('etag') ?? '';
    expect((await get(t, first.path, { 'If-None-Match': etag })).status).toBe(304);

    // 24 signatures: still the 10 milestone, so the same card, the same address, the same validator.
    await addSignatures(t.deps.db, petition.id, 14, 'second');
    t.advance(5_000);
    const between = await cardOf(t, '/en/p/bus-shelter');
    expect(between.url).toBe(first.url);
    expect((await get(t, between.path, { 'If-None-Match': etag })).status).toBe(304);

    // 25: a milestone. A new card at a new address, and the old validator no longer matches.
    await addSignatures(t.deps.db, petition.id, 1, 'third');
    t.advance(5_000);
    const crossed = await cardOf(t, '/en/p/bus-shelter');
    expect(crossed.url).not.toBe(first.url);
    expect(meta(crossed.html, 'og:image:alt')).toBe('“Fix the bus shelter”: 25 signatures and counting');
    const fresh = await get(t, crossed.path, { 'If-None-Match': etag });
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('etag')).not.toBe(etag);
  });

  it('is not there for a petition a visitor may not see', async () => {
    await makePetition(t.deps.db, { slug: 'a-draft', status: 'draft' });
    const hidden = await makePetition(t.deps.db, { slug: 'a-hidden-one' });
    await t.deps.db
      .updateTable('petitions')
      .set({ hidden_at: '2026-11-24T00:00:00.000Z' })
      .where('id', '=', hidden.id)
      .execute();
    for (const slug of ['a-draft', 'a-hidden-one', 'no-such-petition'])
      for (const file of ['card.png', 'story.png']) expect((await get(t, `/en/p/${slug}/${file}`)).status).toBe(404);
  });

  it('draws Arabic joined and right to left, as the reference card does', async () => {
    await makePetition(t.deps.db, {
      slug: 'trust-act',
      defaultLocale: 'ar',
      texts: {
        ar: {
          title: 'أقرّوا قانون الثقة: أبقوا عائلات كونيتيكت معًا',
          statement: 'نص العريضة.',
          why: 'لأن العائلات خائفة.',
          deliveryDetails: '',
        },
      },
      targets: [{ names: { ar: 'الجمعية العامة لولاية كونيتيكت' } }],
    });
    const card = await cardOf(t, '/ar/p/trust-act');
    const png = new Uint8Array(await (await get(t, card.path)).arrayBuffer());
    // UPDATE_REFERENCE=1 writes the card as the new reference, after a deliberate change to the drawing.
    if (process.env.UPDATE_REFERENCE === '1') fs.writeFileSync(REFERENCE, png);
    expect(await difference(png, fs.readFileSync(REFERENCE))).toBeLessThan(1.5);
  });
});
