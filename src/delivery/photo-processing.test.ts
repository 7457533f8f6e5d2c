import sharp from 'sharp';
import type { Create } from 'sharp';
import { describe, expect, it } from 'vitest';
import { inputFormat, MAX_PHOTO_PIXELS, processDeliveryPhoto } from './photo-processing.js';
import * as photos from '../../test/delivery/photos.js';

const bytesOf = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const blank: Create = { width: 40, height: 30, channels: 3, background: '#abcdef' };

/** A grey PNG of any size, cheap to make even when large. */
const greyPng = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#808080' } })
    .extractChannel(0)
    .png()
    .toBuffer();

describe('delivery photo processing', () => {
  it('tells JPEG, PNG and WebP by their first bytes, and nothing else', async () => {
    expect(inputFormat(await photos.jpegWithMetadata())).toBe('jpeg');
    expect(inputFormat(await photos.pngWithMetadata())).toBe('png');
    expect(inputFormat(await photos.webpPhoto())).toBe('webp');
    expect(inputFormat(bytesOf('GIF89a....'))).toBeUndefined();
    expect(inputFormat(bytesOf('<svg onload=alert(1)>'))).toBeUndefined();
    expect(inputFormat(bytesOf('RIFF\0\0\0\0WAVEfmt '))).toBeUndefined();
    expect(inputFormat(new Uint8Array())).toBeUndefined();
  });

  it('refuses images libvips could read but Firma does not take (GIF, TIFF, AVIF, SVG) as not a photo', async () => {
    const others = [
      await sharp({ create: blank }).gif().toBuffer(),
      await sharp({ create: blank }).tiff().toBuffer(),
      await sharp({ create: blank }).avif().toBuffer(),
      bytesOf('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)"/>'),
    ];
    for (const bytes of others) {
      expect(await processDeliveryPhoto(bytes)).toEqual({ ok: false, reason: 'not-an-image' });
    }
  });

  it('accepts 40 megapixels exactly and refuses one row of pixels more, from the header alone', async () => {
    expect(MAX_PHOTO_PIXELS).toBe(8000 * 5000);
    const atLimit = await processDeliveryPhoto(await greyPng(8000, 5000));
    expect(atLimit).toMatchObject({ ok: true, type: 'image/jpeg', width: 2048, height: 1280 });
    expect(await processDeliveryPhoto(await greyPng(8000, 5001))).toEqual({ ok: false, reason: 'too-many-pixels' });
  });

  it('reports the size it stored, and never enlarges a small photo', async () => {
    const small = await processDeliveryPhoto(await photos.jpegOfSize(300, 200));
    if (!small.ok) throw new Error(`refused: ${small.reason}`);
    expect([small.width, small.height]).toEqual([300, 200]);
    const stored = await sharp(small.bytes).metadata();
    expect([stored.format, stored.width, stored.height]).toEqual(['jpeg', 300, 200]);
  });

  it('stores a transparent PNG as a JPEG on the page’s white', async () => {
    const result = await processDeliveryPhoto(await photos.pngWithMetadata({ transparent: true }));
    if (!result.ok) throw new Error(`refused: ${result.reason}`);
    const { data } = await sharp(result.bytes).raw().toBuffer({ resolveWithObject: true });
    expect(Math.min(...data.subarray(0, 30))).toBeGreaterThan(250);
  });

  it('refuses a file that is cut short or corrupt as unreadable, instead of passing it on', async () => {
    const png = await photos.pngWithMetadata();
    const brokenPng = new Uint8Array(png);
    brokenPng.fill(0x55, png.length - 40, png.length - 12);
    const cases = [
      await photos.truncatedJpeg(),
      (await photos.jpegWithMetadata()).subarray(0, 30),
      png.subarray(0, 40),
      brokenPng,
      (await photos.webpPhoto()).subarray(0, 60),
      new Uint8Array([0xff, 0xd8, 0xff, ...bytesOf('<svg xmlns="http://www.w3.org/2000/svg"/>')]),
    ];
    for (const bytes of cases) expect(await processDeliveryPhoto(bytes)).toEqual({ ok: false, reason: 'unreadable' });
  });
});
