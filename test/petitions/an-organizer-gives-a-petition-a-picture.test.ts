// An organizer gives the petition a picture: JPEG, PNG or WebP, with what it shows said in each of the
// petition's languages. Firma keeps only its pixels (never where a photo was taken), in a few widths and two
// formats for the page's srcset, and refuses what is not a picture, or would take a browser down, beside the field.
import sharp from 'sharp';
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_PICTURE_BYTES } from '../../src/petitions/picture-processing.js';
import { getAs, postFormAs, postMultipartAs, signedIn, type SignedIn } from '../support/accounts.js';
import { enginesToTest } from '../support/databases.js';
import { makePetition } from '../support/factories.js';
import { get } from '../support/requests.js';
import { TEST_ORIGIN, useTestApp } from '../support/test-app.js';
import {
  jpegOfSize,
  jpegWithMetadata,
  PLANTED,
  pixelBombPng,
  pngWithMetadata,
  sidewaysJpeg,
  webpPhoto,
} from '../delivery/photos.js';

const ALTS = { alt_en: 'Families rally at the Capitol in Hartford', alt_es: 'Familias en el Capitolio de Hartford' };

/** The picture's file addresses on a page, from its srcset and src attributes. */
function pictureFiles(html: string): string[] {
  const found = new Set<string>();
  for (const m of html.matchAll(/\/pictures\/\d+\/[\w-]+\/\d+\.(?:webp|jpg)/g)) found.add(m[0]);
  return [...found];
}

describe.each(enginesToTest())('a petition’s picture on $name', (engine) => {
  const t = useTestApp(engine);
  let owner: SignedIn;
  let id: number;
  let slug: string;

  beforeEach(async () => {
    owner = await signedIn(t);
    ({ id, slug } = await makePetition(t.deps.db, { ownerId: owner.user.id }));
  });

  const upload = (fields: Record<string, string>, bytes?: Uint8Array, name = 'picture.jpg', language?: string) => {
    const form = new FormData();
    for (const [field, value] of Object.entries(fields)) form.append(field, value);
    if (bytes !== undefined) form.append('picture', new File([Buffer.from(bytes)], name, { type: 'image/jpeg' }));
    const headers: Record<string, string> = language === undefined ? {} : { 'Accept-Language': language };
    return postMultipartAs(t, owner, `/organize/${id}/picture`, form, headers);
  };
  const publicPage = async (lang = 'en') => {
    t.advance(2_000);
    return (await get(t, `/${lang}/p/${slug}`)).text();
  };
  const nothingStored = async () => {
    expect(await t.deps.db.selectFrom('petition_pictures').selectAll().execute()).toEqual([]);
    expect(await t.deps.db.selectFrom('petition_picture_files').select('width').execute()).toEqual([]);
  };

  it('takes a JPEG, a PNG and a WebP, and shows each on the page in every width and both formats', async () => {
    for (const [bytes, name] of [
      [await jpegOfSize(2000, 1500), 'rally.jpg'],
      [await pngWithMetadata(), 'rally.png'],
      [await webpPhoto(), 'rally.webp'],
    ] as const) {
      const res = await upload({ ...ALTS, focus: 'top' }, bytes, name);
      expect(res.status, name).toBe(303);
      expect(res.headers.get('location')).toBe(`/organize/${id}/picture?saved=1`);
      const html = await publicPage();
      const files = pictureFiles(html);
      expect(html).toContain(`alt="${ALTS.alt_en}"`);
      expect(html).toContain('class="focus-top"');
      for (const file of files) {
        const res = await get(t, file);
        expect(res.status, file).toBe(200);
        const stored = await sharp(new Uint8Array(await res.arrayBuffer())).metadata();
        expect(stored.format).toBe(file.endsWith('.webp') ? 'webp' : 'jpeg');
        expect(`${stored.width}`).toBe(/\/(\d+)\.\w+$/.exec(file)?.[1]);
      }
      // The large photo in three widths, the small ones at their own width; each as WebP and JPEG.
      expect(files.length, name).toBe(name === 'rally.jpg' ? 6 : 2);
    }
    const es = await publicPage('es');
    expect(es).toContain(`alt="${ALTS.alt_es}"`);
    expect(es).toMatch(/<source type="image\/webp" srcset="\/pictures\/\d+\/[\w-]+\/320\.webp 320w"/);
  });

  it('keeps nothing but pixels: a photo’s GPS position, camera owner, XMP and comment are gone from every file', async () => {
    const photo = await jpegWithMetadata();
    expect(Buffer.from(photo).includes(PLANTED.gps)).toBe(true);
    expect((await upload({ ...ALTS, focus: 'center' }, photo)).status).toBe(303);
    const files = pictureFiles(await publicPage());
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = Buffer.from(await (await get(t, file)).arrayBuffer());
      for (const planted of Object.values(PLANTED)) expect(bytes.includes(planted), `${file}: ${planted}`).toBe(false);
      const meta = await sharp(bytes).metadata();
      expect({ exif: meta.exif, xmp: meta.xmp, icc: meta.icc, comments: meta.comments }).toEqual({});
    }
    // The rows in the database hold the same bytes: nothing else was kept.
    for (const row of await t.deps.db.selectFrom('petition_picture_files').select('bytes').execute())
      expect(Buffer.from(row.bytes).includes(PLANTED.gps)).toBe(false);
  });

  it('turns a phone photo upright by its EXIF orientation', async () => {
    expect((await upload({ ...ALTS, focus: 'center' }, await sidewaysJpeg())).status).toBe(303);
    const [row] = await t.deps.db.selectFrom('petition_pictures').select(['width', 'height']).execute();
    expect(row).toEqual({ width: 400, height: 600 });
  });

  it('refuses a picture of too many pixels in a small file, with the reason beside the field, and stores nothing', async () => {
    const bomb = await pixelBombPng();
    expect(bomb.length).toBeLessThan(MAX_PICTURE_BYTES);
    const res = await upload({ ...ALTS, focus: 'center' }, bomb, 'small.png');
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain(
      '<p class="field-error" id="picture-error">The picture has too many pixels: at most 40 megapixels. Send a smaller copy.</p>',
    );
    expect(html).toContain(`>${ALTS.alt_en}</textarea>`);
    await nothingStored();
  });

  it('refuses a file that is not a picture though it is named .jpg, and one larger than 10 MB', async () => {
    const html = Buffer.from('<html><script>alert(1)</script></html>'.padEnd(4000, ' '));
    const res = await upload({ ...ALTS, focus: 'center' }, new Uint8Array(html), 'rally.jpg');
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('The picture must be a JPEG, PNG or WebP image.');
    const big = new Uint8Array(MAX_PICTURE_BYTES + 1);
    big.set([0xff, 0xd8, 0xff]);
    const tooBig = await upload({ ...ALTS, focus: 'center' }, big, 'huge.jpg');
    expect([413, 422]).toContain(tooBig.status);
    await nothingStored();
  });

  it('asks for what the picture shows in each of the petition’s languages, beside the field, in English and Spanish', async () => {
    const photo = await jpegOfSize(800, 600);
    const en = await upload({ alt_en: '  ', alt_es: ALTS.alt_es, focus: 'center' }, photo);
    expect(en.status).toBe(422);
    const enHtml = await en.text();
    expect(enHtml).toContain(
      '<p class="field-error" id="alt_en-error">Say what the picture shows in this language, for people who cannot see it.</p>',
    );
    expect(enHtml).not.toContain('id="alt_es-error"');
    expect(enHtml).toMatch(
      /<textarea id="alt_en"[^>]*aria-invalid="true"[^>]*aria-describedby="alt_en-hint alt_en-error"/,
    );

    const es = await upload({ alt_en: ALTS.alt_en, focus: 'center' }, photo, 'foto.jpg', 'es');
    expect(es.status).toBe(422);
    expect(await es.text()).toContain(
      '<p class="field-error" id="alt_es-error">Diga qué muestra la imagen en este idioma, para quienes no pueden verla.</p>',
    );
    await nothingStored();
  });

  it('changes the alt text and the focus without a new file, replaces the picture, and removes it', async () => {
    expect((await upload({ ...ALTS, focus: 'center' }, await jpegOfSize(1000, 800))).status).toBe(303);
    const first = pictureFiles(await publicPage());
    expect((await upload({ ...ALTS, alt_en: 'The rally at the Capitol', focus: 'bottom-right' })).status).toBe(303);
    const page = await publicPage();
    expect(page).toContain('alt="The rally at the Capitol"');
    expect(page).toContain('class="focus-bottom-right"');
    // A new focus is a new version: new addresses, and the old ones find nothing.
    expect(pictureFiles(page)).not.toEqual(first);
    expect((await get(t, first[0] ?? '')).status).toBe(404);

    expect((await upload({ ...ALTS, focus: 'center' }, await jpegOfSize(500, 500))).status).toBe(303);
    expect(pictureFiles(await publicPage())).toHaveLength(2);

    const removed = await postFormAs(t, owner, `/organize/${id}/picture/remove`, {});
    expect(removed.status).toBe(303);
    expect(pictureFiles(await publicPage())).toEqual([]);
    await nothingStored();
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('petition_id', '=', id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['picture.set', 'picture.edit', 'picture.set', 'picture.remove']);
  });

  it('a moderator hides the picture: gone from the page, its files and the social card, and back when shown again', async () => {
    expect((await upload({ ...ALTS, focus: 'center' }, await jpegOfSize(1200, 800))).status).toBe(303);
    const shown = await publicPage();
    const files = pictureFiles(shown);
    const cardWith = /og:image" content="([^"]+)"/.exec(shown)?.[1] ?? '';

    const moderator = await signedIn(t, { role: 'moderator' });
    const panel = await (await getAs(t, moderator, `/moderate/petitions/${id}`)).text();
    expect(panel).toContain(`action="/moderate/petitions/${id}/picture/hide"`);
    const hide = await postFormAs(t, moderator, `/moderate/petitions/${id}/picture/hide`, {});
    expect(hide.status).toBe(303);
    const hidden = await publicPage();
    expect(pictureFiles(hidden)).toEqual([]);
    for (const file of files) expect((await get(t, file)).status).toBe(404);
    const cardWithout = /og:image" content="([^"]+)"/.exec(hidden)?.[1] ?? '';
    expect(cardWithout).not.toBe(cardWith);
    // The organizer still sees it, and is told why the public does not.
    const own = await (await getAs(t, owner, `/organize/${id}/picture`)).text();
    expect(own).toContain('A moderator has hidden this picture');

    expect((await postFormAs(t, moderator, `/moderate/petitions/${id}/picture/show`, {})).status).toBe(303);
    expect(pictureFiles(await publicPage())).toEqual(files);
    const actions = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('petition_id', '=', id)
      .execute();
    expect(actions.filter((a) => a.action.startsWith('picture.'))).toEqual([
      { action: 'picture.set', actor_id: owner.user.id },
      { action: 'picture.hide', actor_id: moderator.user.id },
      { action: 'picture.show', actor_id: moderator.user.id },
    ]);
  });

  it('draws the picture on the social card, cropped around the chosen focus', async () => {
    const card = async () => {
      const html = await publicPage();
      const url = /og:image" content="([^"]+)"/.exec(html)?.[1] ?? '';
      const res = await get(t, url.slice(TEST_ORIGIN.length));
      expect(res.status).toBe(200);
      return sharp(new Uint8Array(await res.arrayBuffer()));
    };
    const plain = await (await card()).stats();
    // A picture red on its left half and blue on its right: kept left, the card's top left is red.
    const halves = await sharp({ create: { width: 2000, height: 600, channels: 3, background: '#0000dc' } })
      .composite([
        { input: { create: { width: 1000, height: 600, channels: 3, background: '#dc0000' } }, left: 0, top: 0 },
      ])
      .jpeg()
      .toBuffer();
    expect((await upload({ ...ALTS, focus: 'left' }, new Uint8Array(halves))).status).toBe(303);
    const left = await (await card()).extract({ left: 300, top: 10, width: 20, height: 20 }).stats();
    expect(left.channels[0]?.mean ?? 0).toBeGreaterThan((left.channels[2]?.mean ?? 0) + 50);
    expect((await upload({ ...ALTS, focus: 'right' })).status).toBe(303);
    const right = await (await card()).extract({ left: 300, top: 10, width: 20, height: 20 }).stats();
    expect(right.channels[2]?.mean ?? 0).toBeGreaterThan((right.channels[0]?.mean ?? 0) + 50);
    expect(plain.channels[2]?.mean).not.toBe(right.channels[2]?.mean);
  });
});
