import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { getAs, signedIn, type SignedIn } from '../support/accounts.js';
import { makePetition, makeSignature } from '../support/factories.js';
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.js';
import { jpegWithMetadata } from './photos.js';

describe.each(enginesToTest())('recording a delivery on $name', (engine) => {
  let t: TestApp;
  let owner: SignedIn;
  let id: number;
  let slug: string;

  beforeEach(async (ctx) => {
    if (engine.skipReason !== undefined) ctx.skip();
    t = await createTestApp(engine);
    owner = await signedIn(t);
    ({ id, slug } = await makePetition(t.deps.db, {
      ownerId: owner.user.id,
      targets: [{ names: { en: 'Governor Lamont', es: 'Gobernador Lamont' } }, { names: { en: 'Speaker Ritter', es: 'Presidente Ritter' } }],
    }));
    await makeSignature(t.deps.db, id, { optIn: true });
  });
  afterEach(async () => {
    await t?.close();
  });

  const post = (fields: Record<string, string | string[]>, photo?: Uint8Array, who: SignedIn = owner) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) form.append(name, v);
    if (photo !== undefined) form.append('photo', new File([Buffer.from(photo)], 'delivery.jpg', { type: 'image/jpeg' }));
    return t.app.request(`/organize/${id}/delivery`, { method: 'POST', body: form, headers: { Origin: TEST_ORIGIN, 'Sec-Fetch-Site': 'same-origin', Cookie: who.cookie } });
  };
  const valid = { delivered_on: '2026-11-24', recipients: ['0', '1'], location: 'Legislative Office Building, Hartford', notes: 'We met the Governor’s staff.' };

  it('records the delivery, shows it on the public page in each language, and writes an update to email signers', async () => {
    const res = await post(valid, jpegWithMetadata());
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/organize/${id}/delivery?recorded=1`);
    const page = await (await getAs(t, owner, `/organize/${id}/delivery?recorded=1`)).text();
    expect(page).toContain('The delivery was recorded.');

    t.advance(1500);
    const en = await (await t.app.request(`/en/p/${slug}`)).text();
    expect(en).toContain('Delivered by hand to Governor Lamont and Speaker Ritter on November 24, 2026.');
    const es = await (await t.app.request(`/es/p/${slug}`)).text();
    expect(es).toContain('Entregada en mano a Gobernador Lamont y Presidente Ritter el 24 de noviembre de 2026.');
    const src = /<img class="delivered-photo" src="([^"]+)"/.exec(en)?.[1];
    expect(src).toMatch(/^\/delivery-photos\/\d+$/);

    const photo = await t.app.request(src ?? '');
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    const bytes = Buffer.from(await photo.arrayBuffer());
    expect(bytes.includes(Buffer.from('Exif'))).toBe(false);
    expect(bytes.includes(Buffer.from('GPS'))).toBe(false);
    expect(bytes.includes(Buffer.from('JFIF'))).toBe(true);

    const updates = await t.deps.db.selectFrom('petition_updates').selectAll().where('petition_id', '=', id).execute();
    expect(updates).toHaveLength(1);
    expect(updates[0]?.email_signers).toBe(1);
    const texts = await t.deps.db.selectFrom('petition_update_texts').selectAll().where('update_id', '=', updates[0]?.id ?? 0).orderBy('locale').execute();
    expect(texts.map((x) => x.locale)).toEqual(['en', 'es']);
    expect(texts[0]?.title).toBe('The petition was delivered: Fix the bus shelter');
    expect(texts[0]?.body).toContain('delivered by hand to Governor Lamont and Speaker Ritter, at Legislative Office Building, Hartford');
    expect(texts[0]?.body).toContain('We met the Governor’s staff.');
    expect(texts[1]?.title).toBe('La petición fue entregada: Arreglen la parada');
    expect(texts[1]?.body).toContain('se entregó en mano a Gobernador Lamont y Presidente Ritter');
  });

  it('answers a bad form with 422, messages beside the fields and the values kept', async () => {
    const res = await post({ delivered_on: '2026-02-30', location: '', notes: 'keep me' }, new Uint8Array(Buffer.from('GIF89a not a photo')));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Enter the date of the delivery as year-month-day');
    expect(html).toContain('Choose at least one target the petition was delivered to.');
    expect(html).toContain('Say where the petition was delivered.');
    expect(html).toContain('The photo must be a JPEG or PNG image.');
    expect(html).toContain('keep me');
    expect(await t.deps.db.selectFrom('deliveries').selectAll().execute()).toHaveLength(0);
  });

  it('refuses a photo over the size limit before reading it', async () => {
    const big = new Uint8Array(6 * 1024 * 1024);
    big.set(jpegWithMetadata());
    const res = await post(valid, big);
    expect(res.status).toBe(413);
    expect(await t.deps.db.selectFrom('deliveries').selectAll().execute()).toHaveLength(0);
  });

  it('shows the form in Spanish', async () => {
    const res = await getAs(t, owner, `/organize/${id}/delivery`, { 'Accept-Language': 'es' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Registrar la entrega');
    expect(html).toContain('Gobernador Lamont');
  });
});
