import { describe, expect, it } from 'vitest';
import { photoType, stripJpegMetadata, stripPngMetadata } from './photo-metadata.js';
import { jpegWithMetadata, pngWithMetadata } from '../../test/delivery/photos.js';

const text = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? []).toString('latin1');

describe('photo metadata', () => {
  it('tells JPEG and PNG by their first bytes, and nothing else', () => {
    expect(photoType(jpegWithMetadata())).toBe('image/jpeg');
    expect(photoType(pngWithMetadata())).toBe('image/png');
    expect(photoType(new Uint8Array(Buffer.from('GIF89a....')))).toBeUndefined();
    expect(photoType(new Uint8Array(Buffer.from('<svg onload=alert(1)>')))).toBeUndefined();
  });

  it('removes EXIF, XMP and comments from a JPEG and keeps the image', () => {
    const stripped = stripJpegMetadata(jpegWithMetadata());
    expect(stripped).toBeDefined();
    expect(text(stripped)).not.toContain('Exif');
    expect(text(stripped)).not.toContain('GPS');
    expect(text(stripped)).not.toContain('xmpmeta');
    expect(text(stripped)).not.toContain('taken by Ana');
    expect(text(stripped)).toContain('JFIF');
    // The quantization table, the scan and the end marker are untouched.
    const original = Buffer.from(jpegWithMetadata());
    const out = Buffer.from(stripped ?? []);
    const fromTable = original.subarray(original.indexOf(Buffer.from([0xff, 0xdb])));
    expect(out.subarray(out.length - fromTable.length).equals(fromTable)).toBe(true);
  });

  it('removes text and eXIf chunks from a PNG and keeps the image chunks', () => {
    const stripped = stripPngMetadata(pngWithMetadata());
    expect(text(stripped)).not.toContain('Author');
    expect(text(stripped)).not.toContain('eXIf');
    expect(text(stripped)).not.toContain('xmpmeta');
    for (const kept of ['IHDR', 'IDAT', 'IEND']) expect(text(stripped)).toContain(kept);
  });

  it('refuses a truncated file instead of passing it on', () => {
    expect(stripJpegMetadata(jpegWithMetadata().subarray(0, 30))).toBeUndefined();
    expect(stripPngMetadata(pngWithMetadata().subarray(0, 40))).toBeUndefined();
  });
});
