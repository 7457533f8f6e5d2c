import sharp from 'sharp';
import { beforeEach, describe, expect, it } from 'vitest';
import { enginesToTest } from '../support/databases.js';
import { getAs, postMultipartAs, signedIn, type SignedIn } from '../support/accounts.js';
import { makePetition, makeSignature } from '../support/factories.js';
import { useTestApp } from '../support/test-app.js';
import {
  jpegOfSize,
  jpegWithMetadata,
  jpegWithTrailer,
  pixelBombPng,
  PLANTED,
  pngWithMetadata,
  sidewaysJpeg,
  truncatedJpeg,
  webpPhoto,
} from './photos.js';
import { copy } from '../support/copy.js';

/** How the browser sends the file: its name, its type and the reader's language are all the sender's word. */
interface Upload {
  name?: string;
  type?: string;
  language?: string;
}

describe.each(enginesToTest())('recording a delivery on $name', (engine) => {
  const t = useTestApp(engine);
  let owner: SignedIn;
  let id: number;
  let slug: string;

  beforeEach(async () => {
    owner = await signedIn(t);
    ({ id, slug } = await makePetition(t.deps.db, {
      ownerId: owner.user.id,
      targets: [
        { names: { en: 'Governor Lamont', es: 'Gobernador Lamont' } },
        { names: { en: 'Speaker Ritter', es: 'Presidente Ritter' } },
      ],
    }));
    await makeSignature(t.deps.db, id, { optIn: true });
  });

  const post = (fields: Record<string, string | string[]>, photo?: Uint8Array, upload: Upload = {}) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) form.append(name, v);
    const [name, type] = [upload.name ?? 'delivery.jpg', upload.type ?? 'image/jpeg'];
    if (photo !== undefined) form.append('photo', new File([Buffer.from(photo)], name, { type }));
    const language: Record<string, string> =
      upload.language === undefined ? {} : { 'Accept-Language': upload.language };
    return postMultipartAs(t, owner, `/organize/${id}/delivery`, form, language);
  };
  /** The photo of the one delivery recorded, as anyone reading the petition page gets it. */
  const publicPhoto = async () => {
    const delivery = await t.deps.db.selectFrom('deliveries').select('id').executeTakeFirstOrThrow();
    const res = await t.app.request(`/delivery-photos/${delivery.id}`);
    expect(res.status).toBe(200);
    return { type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
  };
  const nothingStored = async () => {
    expect(await t.deps.db.selectFrom('deliveries').selectAll().execute()).toHaveLength(0);
    expect(await t.deps.db.selectFrom('delivery_photos').selectAll().execute()).toHaveLength(0);
  };
  const valid = {
    delivered_on: '2026-11-24',
    recipients: ['0', '1'],
    location: 'Legislative Office Building, Hartford',
    notes: 'We met the Governor’s staff.',
  };

  it('records the delivery, shows it on the public page in each language, and writes an update to email signers', async () => {
    const res = await post(valid, await jpegWithMetadata());
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
    expect((await sharp(bytes).metadata()).format).toBe('jpeg');

    const updates = await t.deps.db.selectFrom('petition_updates').selectAll().where('petition_id', '=', id).execute();
    expect(updates).toHaveLength(1);
    expect(updates[0]?.email_signers).toBe(1);
    const texts = await t.deps.db
      .selectFrom('petition_update_texts')
      .selectAll()
      .where('update_id', '=', updates[0]?.id ?? 0)
      .orderBy('locale')
      .execute();
    expect(texts.map((x) => x.locale)).toEqual(['en', 'es']);
    expect(texts[0]?.title).toBe('The petition was delivered: Fix the bus shelter');
    expect(texts[0]?.body).toContain(
      'delivered by hand to Governor Lamont and Speaker Ritter, at Legislative Office Building, Hartford',
    );
    expect(texts[0]?.body).toContain('We met the Governor’s staff.');
    expect(texts[1]?.title).toBe('La petición fue entregada: Arreglen la parada');
    expect(texts[1]?.body).toContain('se entregó en mano a Gobernador Lamont y Presidente Ritter');
  });

  it('answers a bad form with 422, messages beside the fields and the values kept', async () => {
    const res = await post(
      { delivered_on: '2026-02-30', location: '', notes: 'keep me' },
      new Uint8Array(Buffer.from('GIF89a not a photo')),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Enter the date of the delivery as year-month-day');
    expect(html).toContain(copy('en', 'delivery.error.recipients'));
    expect(html).toContain(copy('en', 'delivery.error.location'));
    expect(html).toContain(copy('en', 'delivery.error.photoType'));
    expect(html).toContain('keep me');
    expect(await t.deps.db.selectFrom('deliveries').selectAll().execute()).toHaveLength(0);
  });

  it('refuses a photo over the size limit before reading it', async () => {
    const big = new Uint8Array(6 * 1024 * 1024);
    big.set(await jpegWithMetadata());
    const res = await post(valid, big);
    expect(res.status).toBe(413);
    expect(await t.deps.db.selectFrom('deliveries').selectAll().execute()).toHaveLength(0);
  });

  it('refuses a 15000 × 15000 pixel PNG of a few hundred KB, in English and Spanish, and stores nothing', async () => {
    const bomb = await pixelBombPng();
    expect(bomb.length).toBeLessThan(300 * 1024);
    const en = await post(valid, bomb, { name: 'delivery.png', type: 'image/png', language: 'en' });
    expect(en.status).toBe(422);
    expect(await en.text()).toContain('The photo has too many pixels: at most 40 megapixels.');
    const es = await post(valid, bomb, { name: 'delivery.png', type: 'image/png', language: 'es' });
    expect(es.status).toBe(422);
    expect(await es.text()).toContain('La foto tiene demasiados píxeles: como máximo 40 megapíxeles.');
    await nothingStored();
  });

  it('stores a large photo at most 2048 pixels on its longest side', async () => {
    expect((await post(valid, await jpegOfSize(4000, 3000))).status).toBe(303);
    const { bytes } = await publicPhoto();
    const stored = await sharp(bytes).metadata();
    expect([stored.width, stored.height]).toEqual([2048, 1536]);
  });

  it('drops the bytes hidden after a JPEG’s end marker', async () => {
    const photo = await jpegWithTrailer();
    expect(Buffer.from(photo).includes(PLANTED.trailer)).toBe(true);
    expect((await post(valid, photo)).status).toBe(303);
    const { type, bytes } = await publicPhoto();
    expect(type).toBe('image/jpeg');
    expect(bytes.includes(PLANTED.trailer)).toBe(false);
    expect([...bytes.subarray(-2)]).toEqual([0xff, 0xd9]);
  });

  it('removes EXIF with its GPS position, XMP, the ICC profile and comments from a JPEG', async () => {
    const photo = await jpegWithMetadata();
    const planted = await sharp(photo).metadata();
    expect(planted.exif?.includes(PLANTED.gps)).toBe(true);
    expect(planted.xmp).toBeDefined();
    expect(planted.icc).toBeDefined();
    expect((await post(valid, photo)).status).toBe(303);
    const { bytes } = await publicPhoto();
    const stored = await sharp(bytes).metadata();
    expect({ exif: stored.exif, xmp: stored.xmp, icc: stored.icc, comments: stored.comments }).toEqual({});
    for (const text of [PLANTED.gps, PLANTED.artist, PLANTED.xmp, PLANTED.comment, 'Exif', 'xmpmeta']) {
      expect(bytes.includes(text), text).toBe(false);
    }
  });

  it('removes the text chunks of a PNG and stores it as a JPEG', async () => {
    const photo = await pngWithMetadata();
    expect((await sharp(photo).metadata()).comments).toContainEqual({ keyword: 'Author', text: PLANTED.pngText });
    expect((await post(valid, photo, { name: 'delivery.png', type: 'image/png' })).status).toBe(303);
    const { type, bytes } = await publicPhoto();
    expect(type).toBe('image/jpeg');
    const stored = await sharp(bytes).metadata();
    expect({ format: stored.format, comments: stored.comments, exif: stored.exif, xmp: stored.xmp }).toEqual({
      format: 'jpeg',
    });
    for (const text of [PLANTED.pngText, PLANTED.xmp, PLANTED.gps, 'tEXt', 'iTXt', 'eXIf']) {
      expect(bytes.includes(text), text).toBe(false);
    }
  });

  it('turns a phone photo upright by its EXIF orientation before dropping the tag', async () => {
    expect((await post(valid, await sidewaysJpeg())).status).toBe(303);
    const { bytes } = await publicPhoto();
    const stored = await sharp(bytes).metadata();
    expect([stored.width, stored.height, stored.orientation]).toEqual([400, 600, undefined]);
    const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels).subarray(0, 3)];
    const [top, bottom] = [pixel(200, 100), pixel(200, 500)];
    expect(top[0]).toBeGreaterThan(150);
    expect(top[2]).toBeLessThan(80);
    expect(bottom[0]).toBeLessThan(80);
    expect(bottom[2]).toBeGreaterThan(150);
  });

  it('refuses a truncated JPEG with a clear message, in English and in Spanish', async () => {
    const photo = await truncatedJpeg();
    const en = await post(valid, photo, { language: 'en' });
    expect(en.status).toBe(422);
    expect(await en.text()).toContain('The photo could not be read: the file is damaged or incomplete.');
    const es = await post(valid, photo, { language: 'es' });
    expect(es.status).toBe(422);
    expect(await es.text()).toContain('No se pudo leer la foto: el archivo está dañado o incompleto.');
    await nothingStored();
  });

  it('refuses a text file named photo.jpg, whatever the browser says it is', async () => {
    const text = new Uint8Array(Buffer.from('These are the minutes of the meeting, not a photo.\n'));
    const res = await post(valid, text, { name: 'photo.jpg', type: 'image/jpeg' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain(copy('en', 'delivery.error.photoType'));
    await nothingStored();
  });

  it('accepts a WebP, even sent as a JPEG by name and type, and stores it as a JPEG', async () => {
    expect((await post(valid, await webpPhoto(), { name: 'delivery.jpg', type: 'image/jpeg' })).status).toBe(303);
    const { type, bytes } = await publicPhoto();
    expect(type).toBe('image/jpeg');
    const stored = await sharp(bytes).metadata();
    expect([stored.format, stored.width, stored.height]).toEqual(['jpeg', 320, 240]);
  });

  it('shows the form in Spanish', async () => {
    const res = await getAs(t, owner, `/organize/${id}/delivery`, { 'Accept-Language': 'es' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(copy('es', 'export.recordDelivery'));
    expect(html).toContain('Gobernador Lamont');
  });
});
