#!/usr/bin/env node
// Makes the site's icons from public/icon.svg with sharp: the favicon (an ICO holding 16, 32 and 48 pixel
// PNGs), the icon a phone shows for a page added to its home screen (180 px), and the web app manifest's
// (192 and 512 px). Run after changing the SVG; the results are committed under public/.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

const dir = path.join(import.meta.dirname, '..', 'public');
const svg = fs.readFileSync(path.join(dir, 'icon.svg'));
const png = (size) => sharp(svg, { density: 384 }).resize(size, size).png({ compressionLevel: 9 }).toBuffer();

for (const [file, size] of [
  ['apple-touch-icon.png', 180],
  ['icon-192.png', 192],
  ['icon-512.png', 512],
])
  fs.writeFileSync(path.join(dir, file), await png(size));

// ICO: a 6-byte header, a 16-byte entry per image, then the images (PNG inside ICO, read by every browser).
const images = await Promise.all([16, 32, 48].map(png));
const header = Buffer.alloc(6);
header.writeUInt16LE(1, 2); // type: icon
header.writeUInt16LE(images.length, 4);
let offset = 6 + 16 * images.length;
const entries = images.map((image, i) => {
  const size = [16, 32, 48][i] ?? 0;
  const entry = Buffer.alloc(16);
  entry.writeUInt8(size, 0);
  entry.writeUInt8(size, 1);
  entry.writeUInt16LE(1, 4); // colour planes
  entry.writeUInt16LE(32, 6); // bits per pixel
  entry.writeUInt32LE(image.length, 8);
  entry.writeUInt32LE(offset, 12);
  offset += image.length;
  return entry;
});
fs.writeFileSync(path.join(dir, 'favicon.ico'), Buffer.concat([header, ...entries, ...images]));
