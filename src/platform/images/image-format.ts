// An uploaded image's format, told by its first bytes: the only formats Firma accepts from organizers.

export type InputFormat = 'jpeg' | 'png' | 'webp';

/** 8000 × 5000 at most: what phone cameras write by default, far below what makes a browser stall. */
export const MAX_IMAGE_PIXELS = 40_000_000;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/**
 * The format told by the first bytes, never by the file name or the browser's word. libvips can read many more
 * (SVG, GIF, TIFF, HEIF...); those never reach it, so their parsers are no part of what an upload can attack.
 */
export function inputFormat(bytes: Uint8Array): InputFormat | undefined {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length > 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'png';
  if (bytes.length > 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  return undefined;
}
