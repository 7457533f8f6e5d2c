// Delivery photos for tests, made with sharp: real images carrying what must never reach the public page, and attacks.
import { crc32 } from 'node:zlib';
import sharp from 'sharp';

/** Strings planted in the fixtures; none of them may survive into a stored photo. */
export const PLANTED = {
  gps: 'GPS-DATUM-41.7658N-72.6734W',
  artist: 'taken-by-Ana-Serial-12345',
  xmp: 'XMP-SECRET-NOTE',
  comment: 'JPEG-COMMENT-SECRET',
  pngText: 'PNG-TEXT-SECRET',
  trailer: 'HIDDEN-AFTER-THE-END-MARKER',
};

const colour = { r: 40, g: 120, b: 90 };

/** A 600 × 400 JPEG with EXIF (a GPS position, the photographer), XMP, a Display P3 ICC profile and a comment. */
export async function jpegWithMetadata(): Promise<Uint8Array> {
  const jpeg = await sharp({ create: { width: 600, height: 400, channels: 3, background: colour } })
    .withExif({
      IFD0: { Artist: PLANTED.artist },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '41/1 45/1 5697/100', GPSMapDatum: PLANTED.gps },
    })
    .withXmp(`<x:xmpmeta xmlns:x="adobe:ns:meta/">${PLANTED.xmp}</x:xmpmeta>`)
    .withIccProfile('p3')
    .jpeg()
    .toBuffer();
  return withJpegComment(jpeg, PLANTED.comment);
}

/** A JPEG segment inserted right after the start marker: sharp writes no COM segments of its own. */
function withJpegComment(jpeg: Uint8Array, text: string): Uint8Array {
  const payload = Buffer.from(text, 'latin1');
  const length = payload.length + 2;
  const segment = Buffer.from([0xff, 0xfe, length >> 8, length & 0xff, ...payload]);
  return new Uint8Array(Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]));
}

/** A real JPEG followed by bytes a browser never draws (as motion photos and hidden payloads do). */
export async function jpegWithTrailer(): Promise<Uint8Array> {
  const jpeg = await sharp({ create: { width: 300, height: 200, channels: 3, background: colour } })
    .jpeg()
    .toBuffer();
  return new Uint8Array(Buffer.concat([jpeg, Buffer.from(PLANTED.trailer.repeat(20), 'latin1')]));
}

/**
 * A phone photo held sideways: its pixels are 600 wide and 400 high (left half red, right half blue), and its
 * EXIF orientation 6 says "turn 90° clockwise to show it", so upright it is 400 × 600, red on top, blue below.
 */
export async function sidewaysJpeg(): Promise<Uint8Array> {
  const red = { r: 220, g: 0, b: 0 };
  return sharp({ create: { width: 600, height: 400, channels: 3, background: { r: 0, g: 0, b: 220 } } })
    .composite([{ input: { create: { width: 300, height: 400, channels: 3, background: red } }, left: 0, top: 0 }])
    .withMetadata({ orientation: 6 })
    .jpeg()
    .toBuffer();
}

/** A plain JPEG of the given size, for resizing. */
export async function jpegOfSize(width: number, height: number): Promise<Uint8Array> {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .jpeg()
    .toBuffer();
}

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** A 60 × 40 PNG with a tEXt chunk (author), an iTXt chunk (XMP) and an eXIf chunk, inserted after its header. */
export async function pngWithMetadata(options: { transparent?: boolean } = {}): Promise<Uint8Array> {
  const background = options.transparent === true ? { r: 0, g: 0, b: 0, alpha: 0 } : colour;
  const png = await sharp({ create: { width: 60, height: 40, channels: 4, background } })
    .png()
    .toBuffer();
  // The signature (8 bytes) and the IHDR chunk (25 bytes) come first in every PNG.
  const afterHeader = 8 + 25;
  const chunks = [
    pngChunk('tEXt', Buffer.from(`Author\0${PLANTED.pngText}`, 'latin1')),
    pngChunk('iTXt', Buffer.from(`XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta>${PLANTED.xmp}</x:xmpmeta>`, 'latin1')),
    pngChunk('eXIf', Buffer.from(`MM\0*${PLANTED.gps}`, 'latin1')),
  ];
  return new Uint8Array(Buffer.concat([png.subarray(0, afterHeader), ...chunks, png.subarray(afterHeader)]));
}

export async function webpPhoto(): Promise<Uint8Array> {
  return sharp({ create: { width: 320, height: 240, channels: 3, background: colour } })
    .webp()
    .toBuffer();
}

/** The first 60% of a real JPEG: a header that reads well, and an image that stops half way. */
export async function truncatedJpeg(): Promise<Uint8Array> {
  const jpeg = await jpegOfSize(800, 600);
  return jpeg.subarray(0, Math.floor(jpeg.length * 0.6));
}

let bomb: Promise<Uint8Array> | undefined;

/**
 * A 15000 × 15000 grey PNG: about 240 KB on disk, 225 million pixels once drawn (a browser spent 5 s and
 * 1.16 GB on one). Made once per test file: drawing it takes sharp a few seconds.
 */
export function pixelBombPng(): Promise<Uint8Array> {
  bomb ??= sharp({ create: { width: 15000, height: 15000, channels: 3, background: '#808080' } })
    .extractChannel(0)
    .png({ compressionLevel: 9 })
    .toBuffer()
    .then((b) => new Uint8Array(b));
  return bomb;
}
