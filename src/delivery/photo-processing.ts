// Delivery photos: decoded and re-encoded by sharp, so only pixels, limited in number, reach the public page.
import type { SharpOptions } from 'sharp';
import { inputFormat, MAX_IMAGE_PIXELS } from '../platform/images/image-format.js';

export { inputFormat };

/** What is stored. Always a JPEG: a delivery photo is a photograph, and one type keeps its size predictable. */
export type PhotoType = 'image/jpeg';

export const MAX_PHOTO_PIXELS = MAX_IMAGE_PIXELS;
/** The longest side stored: the page shows it at most ~45rem wide, so this is sharp on any screen. */
export const MAX_STORED_SIDE = 2048;

export type PhotoRefusal = 'not-an-image' | 'too-many-pixels' | 'unreadable';

export type ProcessedPhoto =
  { ok: true; type: PhotoType; bytes: Uint8Array; width: number; height: number } | { ok: false; reason: PhotoRefusal };

/**
 * The photo as it will be stored: EXIF orientation applied, then no metadata at all (EXIF with GPS, XMP, ICC,
 * comments, PNG text chunks) and nothing after the image data, because only decoded pixels are encoded again.
 */
export async function processDeliveryPhoto(bytes: Uint8Array): Promise<ProcessedPhoto> {
  const format = inputFormat(bytes);
  if (format === undefined) return { ok: false, reason: 'not-an-image' };
  // Loaded by the first photo, not at start: libvips costs a web process ~27 MB that most never need.
  const { default: sharp } = await import('sharp');
  // 'error' refuses truncated and undecodable images but not libjpeg's warnings, which real cameras trigger.
  const options: SharpOptions = { failOn: 'error', limitInputPixels: MAX_PHOTO_PIXELS };

  let width: number;
  let height: number;
  try {
    // Only the header is read here; without the limit, so that too many pixels gets its own message.
    const header = await sharp(bytes, { ...options, limitInputPixels: false }).metadata();
    // libvips picks its reader by its own sniffing: it must be the one the first bytes named.
    if (header.format !== format) return { ok: false, reason: 'not-an-image' };
    ({ width, height } = header);
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  if (width * height > MAX_PHOTO_PIXELS) return { ok: false, reason: 'too-many-pixels' };

  try {
    const { data, info } = await sharp(bytes, options)
      .autoOrient()
      .resize({ width: MAX_STORED_SIDE, height: MAX_STORED_SIDE, fit: 'inside', withoutEnlargement: true })
      // JPEG has no transparency: see-through parts take the page's own white.
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    return { ok: true, type: 'image/jpeg', bytes: data, width: info.width, height: info.height };
  } catch {
    // The header was fine but the image data is not (cut short, corrupt): the organizer can send it again.
    return { ok: false, reason: 'unreadable' };
  }
}
