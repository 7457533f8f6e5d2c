// The social card: the image a link preview shows (1200×630) and its tall twin for stories (1080×1920). The
// petition's picture, cropped around its focus, or a plain design; its title, whom it is to, and its count.
// Drawn with sharp: libvips composes the layers and Pango lays out the words (see card-fonts.ts).
import type { Sharp } from 'sharp';
import { prepareCardFonts } from './card-fonts.js';

export type CardShape = 'card' | 'story';

export const CARD_SIZES: Record<CardShape, { width: number; height: number }> = {
  card: { width: 1200, height: 630 },
  story: { width: 1080, height: 1920 },
};

export interface CardPicture {
  bytes: Uint8Array;
  /** The point to keep in view when cropping, 0–1 from the left and from the top. */
  focusX: number;
  focusY: number;
}

/** Everything the card shows, already in the reader's language: the card is a pure function of it. */
export interface CardContent {
  title: string;
  /** "To: Connecticut General Assembly" (empty for none). */
  to: string;
  /** "1,000 signatures and counting". */
  count: string;
  /** Where to sign, as short as it can be said ("petitions.example.org"). */
  site: string;
  dir: 'ltr' | 'rtl';
  picture?: CardPicture | undefined;
}

const INK = '#1b1b1f';
const ACCENT = '#b3261e';
const HIGHLIGHT = '#f2b01e';

type SharpModule = typeof import('sharp');
let sharpModule: Promise<SharpModule> | undefined;

/** sharp is loaded by the first card (or delivery photo), not at start: libvips costs memory most never need. */
async function loadSharp(): Promise<SharpModule['default']> {
  prepareCardFonts();
  sharpModule ??= import('sharp');
  return (await sharpModule).default;
}

/**
 * Text as Pango markup: escaped, on one line per paragraph, without what the shipped fonts cannot draw
 * (emoji, which would print as boxes, and the joiners and selectors that go with them).
 */
export function cardText(text: string): string {
  return text
    .replace(/\p{Extended_Pictographic}/gu, '')
    .replace(/[\u{1F3FB}-\u{1F3FF}]/gu, '')
    .replace(/\u{FE0E}|\u{FE0F}|\u{200D}|\u{20E3}/gu, '')
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

interface TextBlock {
  markup: string;
  /** The largest size, in pixels, when the words fit. */
  size: number;
  bold?: boolean;
  color: string;
  width: number;
  /** The most height the words may take: longer texts are set smaller until they fit. */
  maxHeight: number;
}

interface RenderedText {
  data: Buffer;
  width: number;
  height: number;
}

/** Lays out a block of text, at its full size when it fits in its height, else as large as fits. */
async function renderText(sharp: SharpModule['default'], block: TextBlock): Promise<RenderedText | undefined> {
  if (block.markup === '') return undefined;
  const markup = `<span foreground="${block.color}"${block.bold === true ? ' weight="bold"' : ''}>${block.markup}</span>`;
  const common = {
    text: markup,
    font: `Noto Sans ${block.size}`,
    width: block.width,
    rgba: true,
    wrap: 'word-char' as const,
    // Pango reads "left" as the paragraph's start: right for an Arabic title, left for an English one.
    align: 'left' as const,
  };
  // At 72 dpi a point is a pixel: the font's size is the block's. Fitted, libvips picks a smaller dpi instead.
  let out = await sharp({ text: { ...common, dpi: 72 } })
    .png()
    .toBuffer({ resolveWithObject: true });
  if (out.info.height > block.maxHeight)
    out = await sharp({ text: { ...common, height: block.maxHeight } })
      .png()
      .toBuffer({ resolveWithObject: true });
  return { data: out.data, width: out.info.width, height: out.info.height };
}

/** The picture cropped to `width`×`height` around its focus point. */
async function croppedPicture(
  sharp: SharpModule['default'],
  picture: CardPicture,
  width: number,
  height: number,
): Promise<Buffer> {
  const meta = await sharp(picture.bytes).metadata();
  const sourceWidth = meta.width;
  const sourceHeight = meta.height;
  const scale = Math.max(width / sourceWidth, height / sourceHeight);
  const scaledWidth = Math.max(width, Math.round(sourceWidth * scale));
  const scaledHeight = Math.max(height, Math.round(sourceHeight * scale));
  const clamp = (v: number, max: number) => Math.min(Math.max(0, v), max);
  const left = clamp(Math.round(picture.focusX * scaledWidth - width / 2), scaledWidth - width);
  const top = clamp(Math.round(picture.focusY * scaledHeight - height / 2), scaledHeight - height);
  return sharp(picture.bytes)
    .resize(scaledWidth, scaledHeight, { fit: 'fill' })
    .extract({ left, top, width, height })
    .toBuffer();
}

/** A vertical shade, clear at `from` (0–1 of the height) to nearly opaque at the bottom, for text on a photo. */
function shade(width: number, height: number, from: number): Buffer {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1">` +
    `<stop offset="${from}" stop-color="${INK}" stop-opacity="0.15"/>` +
    `<stop offset="1" stop-color="${INK}" stop-opacity="0.92"/></linearGradient></defs>` +
    `<rect width="100%" height="100%" fill="url(#g)"/></svg>`;
  return Buffer.from(svg);
}

function solid(sharp: SharpModule['default'], width: number, height: number, color: string): Sharp {
  return sharp({ create: { width, height, channels: 4, background: color } });
}

interface Layer {
  input: Buffer;
  top: number;
  left: number;
}

/** Places each block under the previous (or, bottom-up, above the next), aligned to the reading side. */
function stack(
  blocks: (RenderedText | undefined)[],
  from: { top?: number; bottom?: number; middle?: number },
  gap: number,
  side: { width: number; margin: number; dir: 'ltr' | 'rtl' },
): Layer[] {
  const present = blocks.filter((b): b is RenderedText => b !== undefined);
  const total = present.reduce((sum, b) => sum + b.height, 0) + gap * Math.max(0, present.length - 1);
  let y = from.top ?? (from.middle === undefined ? (from.bottom ?? 0) - total : from.middle - total / 2);
  return present.map((block) => {
    const left = side.dir === 'rtl' ? side.width - side.margin - block.width : side.margin;
    const layer = { input: block.data, top: Math.max(0, Math.round(y)), left: Math.max(0, left) };
    y += block.height + gap;
    return layer;
  });
}

/** The card as a PNG. */
export async function renderCard(content: CardContent, shape: CardShape): Promise<Uint8Array<ArrayBuffer>> {
  const sharp = await loadSharp();
  const { width, height } = CARD_SIZES[shape];
  const margin = shape === 'card' ? 64 : 80;
  const textWidth = width - 2 * margin;
  const { dir } = content;
  const text = (markup: string, size: number, maxHeight: number, color: string, bold = false) =>
    renderText(sharp, { markup: cardText(markup), size, maxHeight, color, bold, width: textWidth });

  // The story keeps its picture square at the top; the card lays its words over the picture's lower part.
  const pictureHeight = shape === 'card' ? height : 960;
  const storyTitle = content.picture === undefined ? 560 : 400;
  const [picture, site, title, to, count] = await Promise.all([
    content.picture === undefined ? undefined : croppedPicture(sharp, content.picture, width, pictureHeight),
    text(content.site, shape === 'card' ? 26 : 36, shape === 'card' ? 40 : 56, '#ffffff'),
    text(content.title, shape === 'card' ? 60 : 76, shape === 'card' ? 250 : storyTitle, '#ffffff', true),
    text(content.to, shape === 'card' ? 28 : 40, shape === 'card' ? 80 : 160, '#ffffff'),
    text(content.count, shape === 'card' ? 40 : 60, shape === 'card' ? 56 : 84, HIGHLIGHT, true),
  ]);

  const layers: { input: Buffer; top: number; left: number }[] = [];
  if (picture !== undefined) {
    layers.push({ input: picture, top: 0, left: 0 });
    if (shape === 'card') layers.push({ input: shade(width, height, 0.2), top: 0, left: 0 });
  }
  // A band of the accent colour along the reading side's edge: the card is recognisably a petition's.
  const band = await solid(sharp, 16, height, ACCENT).png().toBuffer();
  layers.push({ input: band, top: 0, left: dir === 'rtl' ? width - 16 : 0 });
  const side = { width, margin, dir };
  if (shape === 'card') {
    layers.push(...stack([site], { top: margin - 16 }, 0, side));
    layers.push(...stack([title, to, count], { bottom: height - margin + 8 }, 22, side));
  } else {
    // Without a picture the words stand a little above the middle, where the eye goes first.
    const at = picture === undefined ? { middle: height * 0.45 } : { top: pictureHeight + 64 };
    layers.push(...stack([title, to, count], at, 28, side));
    layers.push(...stack([site], { bottom: height - margin }, 0, side));
  }
  const png = await solid(sharp, width, height, INK).composite(layers).png({ compressionLevel: 8 }).toBuffer();
  return new Uint8Array(png.buffer as ArrayBuffer, png.byteOffset, png.byteLength);
}
