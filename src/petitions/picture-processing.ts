// A petition's picture as Firma keeps it: decoded by sharp (only JPEG, PNG and WebP, told by their first bytes),
// turned upright, stripped of everything but pixels (EXIF with its GPS position, XMP, ICC profiles, comments,
// trailing data) and encoded again in a few widths, as JPEG and as WebP, for the page's srcset.
import type { SharpOptions } from 'sharp';
import { inputFormat, MAX_IMAGE_PIXELS } from '../platform/images/image-format.js';

/** What an organizer may upload: a phone's photo, with room to spare. */
export const MAX_PICTURE_BYTES = 10 * 1024 * 1024;
/** The widths kept: a phone, a phone at 2×/a desktop column, a desktop at 2× (and the card's source). */
export const PICTURE_WIDTHS = [480, 960, 1600] as const;
export const PICTURE_FORMATS = ['webp', 'jpeg'] as const;
export type PictureFormat = (typeof PICTURE_FORMATS)[number];

export interface PictureFile {
  format: PictureFormat;
  width: number;
  height: number;
  bytes: Uint8Array;
}

export type PictureRefusal = 'too-large' | 'not-an-image' | 'too-many-pixels' | 'unreadable';

export type ProcessedPicture =
  { ok: true; width: number; height: number; files: PictureFile[] } | { ok: false; reason: PictureRefusal };

/** The widths to keep for a picture `width` pixels wide: never larger than it is. */
export function widthsFor(width: number): number[] {
  const fitting = PICTURE_WIDTHS.filter((w) => w <= width);
  return fitting.length === 0 ? [width] : fitting;
}

export async function processPicture(bytes: Uint8Array): Promise<ProcessedPicture> {
  if (bytes.length > MAX_PICTURE_BYTES) return { ok: false, reason: 'too-large' };
  const format = inputFormat(bytes);
  if (format === undefined) return { ok: false, reason: 'not-an-image' };
  const { default: sharp } = await import('sharp');
  const options: SharpOptions = { failOn: 'error', limitInputPixels: MAX_IMAGE_PIXELS };
  let header: { width: number; height: number; orientation?: number | undefined; format: string };
  try {
    // The header alone, without the limit, so that a picture of too many pixels gets its own message.
    header = await sharp(bytes, { ...options, limitInputPixels: false }).metadata();
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  if (header.format !== format) return { ok: false, reason: 'not-an-image' };
  if (header.width * header.height > MAX_IMAGE_PIXELS) return { ok: false, reason: 'too-many-pixels' };
  // EXIF orientations 5–8 turn the picture a quarter: its upright width is its stored height.
  const upright = (header.orientation ?? 1) >= 5 ? header.height : header.width;
  try {
    const base = sharp(bytes, options).autoOrient().flatten({ background: '#ffffff' });
    const files = await Promise.all(
      widthsFor(upright).flatMap((width) =>
        PICTURE_FORMATS.map(async (f): Promise<PictureFile> => {
          const sized = base.clone().resize({ width, withoutEnlargement: true });
          const encoded = f === 'webp' ? sized.webp({ quality: 80 }) : sized.jpeg({ quality: 82, mozjpeg: true });
          const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
          return { format: f, width: info.width, height: info.height, bytes: new Uint8Array(data) };
        }),
      ),
    );
    const largest = files.reduce((a, b) => (b.width > a.width ? b : a));
    return { ok: true, width: largest.width, height: largest.height, files };
  } catch {
    // The header read well but the pixels do not (a file cut short): the organizer can send it again.
    return { ok: false, reason: 'unreadable' };
  }
}
