// Small JPEG and PNG files carrying metadata (EXIF with a GPS note, XMP, comments, text chunks), built byte by byte.
import { crc32 } from 'node:zlib';

const ascii = (s: string) => [...Buffer.from(s, 'latin1')];
const segment = (marker: number, payload: number[]) => [0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload];

/** A JPEG's structure: JFIF header, EXIF (with a GPS note), XMP, a comment, a quantization table, then the scan. */
export function jpegWithMetadata(): Uint8Array {
  return new Uint8Array([
    0xff, 0xd8,
    ...segment(0xe0, ascii('JFIF\0\x01\x01\0\0\x01\0\x01\0\0')),
    ...segment(0xe1, ascii('Exif\0\0GPS 41.7658N 72.6734W serial 12345')),
    ...segment(0xe1, ascii('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>secret</x:xmpmeta>')),
    ...segment(0xfe, ascii('taken by Ana')),
    ...segment(0xdb, [0, ...Array.from({ length: 64 }, () => 1)]),
    ...segment(0xda, [1, 1, 0, 0, 63, 0]),
    0x12, 0x34, 0xff, 0x00, 0x56,
    0xff, 0xd9,
  ]);
}

function chunk(type: string, data: number[]): number[] {
  const body = Buffer.from([...ascii(type), ...data]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return [...len, ...body, ...crc];
}

export function pngWithMetadata(): Uint8Array {
  return new Uint8Array([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
    ...chunk('IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]),
    ...chunk('tEXt', ascii('Author\0Ana')),
    ...chunk('eXIf', ascii('MM\0*GPS')),
    ...chunk('iTXt', ascii('XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta/>')),
    ...chunk('IDAT', [0x78, 0x9c, 0x63, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01]),
    ...chunk('IEND', []),
  ]);
}
