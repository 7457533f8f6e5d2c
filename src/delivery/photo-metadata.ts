// Delivery photos: the type told by magic bytes (never the file name or the browser's word), and metadata removed.

export type PhotoType = 'image/jpeg' | 'image/png';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function photoType(bytes: Uint8Array): PhotoType | undefined {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length > 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'image/png';
  return undefined;
}

/**
 * A JPEG without its APP1..APP15 segments (EXIF with GPS position and camera serial, XMP, ICC, maker notes)
 * and COM comments. APP0 (JFIF) stays; everything from the start of scan on is copied as it is.
 * Undefined when the bytes are not a well-formed JPEG.
 */
export function stripJpegMetadata(bytes: Uint8Array): Uint8Array | undefined {
  if (photoType(bytes) !== 'image/jpeg') return undefined;
  const parts: Uint8Array[] = [bytes.subarray(0, 2)];
  let i = 2;
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff) return undefined;
    const marker = bytes[i + 1] ?? 0;
    // Fill bytes between segments.
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    if (marker === 0xda) {
      parts.push(bytes.subarray(i));
      return concat(parts);
    }
    const length = ((bytes[i + 2] ?? 0) << 8) | (bytes[i + 3] ?? 0);
    if (length < 2 || i + 2 + length > bytes.length) return undefined;
    const isMetadata = (marker >= 0xe1 && marker <= 0xef) || marker === 0xfe;
    if (!isMetadata) parts.push(bytes.subarray(i, i + 2 + length));
    i += 2 + length;
  }
  return undefined;
}

/** PNG chunks kept: everything needed to draw the image. Text (tEXt, zTXt, iTXt), eXIf, time and the like go. */
const PNG_KEPT = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'sBIT', 'pHYs', 'bKGD']);

export function stripPngMetadata(bytes: Uint8Array): Uint8Array | undefined {
  if (photoType(bytes) !== 'image/png') return undefined;
  const parts: Uint8Array[] = [bytes.subarray(0, 8)];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let i = 8;
  while (i + 12 <= bytes.length) {
    const length = view.getUint32(i);
    const type = String.fromCharCode(...bytes.subarray(i + 4, i + 8));
    const end = i + 12 + length;
    if (end > bytes.length) return undefined;
    if (PNG_KEPT.has(type)) parts.push(bytes.subarray(i, end));
    i = end;
    if (type === 'IEND') return concat(parts);
  }
  return undefined;
}

export function stripPhotoMetadata(bytes: Uint8Array): { type: PhotoType; bytes: Uint8Array } | undefined {
  const type = photoType(bytes);
  const stripped = type === 'image/jpeg' ? stripJpegMetadata(bytes) : type === 'image/png' ? stripPngMetadata(bytes) : undefined;
  return type === undefined || stripped === undefined ? undefined : { type, bytes: stripped };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
