// The packet's embedded fonts (Noto, from @fontsource packages, OFL): each character is printed in the
// first font that has its glyph, so names in any covered script print instead of being dropped.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import * as fontkit from 'fontkit';

export type FontStyle = 'regular' | 'bold';

interface Face {
  /** The name the face is registered under in a PDF document. */
  name: string;
  file: string;
  ranges: [number, number][];
  /** Loaded on first use; null when the file could not be read as a font. */
  font?: fontkit.Font | null;
  /** The font as plain TrueType (sfnt), unpacked from WOFF once. */
  sfnt?: Buffer;
}

/**
 * WOFF 1.0 to plain sfnt (TrueType): the tables inflated with Node's zlib once per process. Left as WOFF,
 * fontkit would inflate every table in JavaScript for each document that embeds the font.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') return woff;
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = 44 + i * 20;
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const raw = woff.subarray(offset, offset + compLength);
    return {
      tag: woff.subarray(at, at + 4),
      checksum: woff.readUInt32BE(at + 16),
      data: compLength < origLength ? inflateSync(raw) : raw,
    };
  });
  const headerSize = 12 + 16 * numTables;
  const size = tables.reduce((n, t) => n + ((t.data.length + 3) & ~3), headerSize);
  const out = Buffer.alloc(size);
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  woff.copy(out, 0, 4, 8); // flavor
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(searchRange, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(numTables * 16 - searchRange, 10);
  let offset = headerSize;
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    t.tag.copy(out, at);
    out.writeUInt32BE(t.checksum, at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(t.data.length, at + 12);
    t.data.copy(out, offset);
    offset += (t.data.length + 3) & ~3;
  });
  return out;
}

function sfntOf(face: Face): Buffer {
  face.sfnt ??= woffToSfnt(fs.readFileSync(face.file));
  return face.sfnt;
}

const require = createRequire(import.meta.url);

function packageDir(pkg: string): string {
  return path.dirname(require.resolve(`${pkg}/LICENSE`));
}

/** "U+0000-00FF,U+0131" → [[0, 255], [305, 305]] */
function parseRanges(list: string): [number, number][] {
  return list.split(',').map((part) => {
    const [start = '0', end] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(start, 16), parseInt(end ?? start, 16)];
  });
}

function facesOf(pkg: string, family: string, subsets: string[] | 'all', weight: number): Face[] {
  const dir = packageDir(pkg);
  const unicode = JSON.parse(fs.readFileSync(path.join(dir, 'unicode.json'), 'utf8')) as Record<string, string>; // the package's own subset table
  const names =
    subsets === 'all'
      ? Object.keys(unicode).sort((a, b) => parseInt(a.slice(1), 10) - parseInt(b.slice(1), 10))
      : subsets;
  return names.flatMap((subset) => {
    const ranges = unicode[subset];
    // Numbered subsets ("[12]") are spelled without brackets in file names.
    const file = path.join(dir, 'files', `${family}-${subset.replace(/[[\]]/g, '')}-${weight}-normal.woff`);
    if (ranges === undefined || !fs.existsSync(file)) return [];
    return [{ name: `${family}-${subset}-${weight}`, file, ranges: parseRanges(ranges) }];
  });
}

const LATIN_GREEK_CYRILLIC = [
  'latin',
  'latin-ext',
  'greek',
  'greek-ext',
  'cyrillic',
  'cyrillic-ext',
  'vietnamese',
  'devanagari',
];

function faces(weight: number): Face[] {
  return [
    ...facesOf('@fontsource/noto-sans', 'noto-sans', LATIN_GREEK_CYRILLIC, weight),
    ...facesOf('@fontsource/noto-sans-arabic', 'noto-sans-arabic', ['arabic'], weight),
    ...facesOf('@fontsource/noto-sans-hebrew', 'noto-sans-hebrew', ['hebrew'], weight),
    // Scripts of languages spoken in immigrant communities (South and Southeast Asia, East Africa,
    // the Caucasus), each a small font of its own.
    ...facesOf('@fontsource/noto-sans-bengali', 'noto-sans-bengali', ['bengali'], weight),
    ...facesOf('@fontsource/noto-sans-gujarati', 'noto-sans-gujarati', ['gujarati'], weight),
    ...facesOf('@fontsource/noto-sans-gurmukhi', 'noto-sans-gurmukhi', ['gurmukhi'], weight),
    ...facesOf('@fontsource/noto-sans-tamil', 'noto-sans-tamil', ['tamil'], weight),
    ...facesOf('@fontsource/noto-sans-thai', 'noto-sans-thai', ['thai'], weight),
    ...facesOf('@fontsource/noto-sans-khmer', 'noto-sans-khmer', ['khmer'], weight),
    ...facesOf('@fontsource/noto-sans-ethiopic', 'noto-sans-ethiopic', ['ethiopic'], weight),
    ...facesOf('@fontsource/noto-sans-armenian', 'noto-sans-armenian', ['armenian'], weight),
    ...facesOf('@fontsource/noto-sans-georgian', 'noto-sans-georgian', ['georgian'], weight),
    // Chinese (Simplified) Noto Sans SC also covers Japanese kana and the Chinese characters of Korean;
    // Noto Sans KR after it prints Hangul.
    ...facesOf('@fontsource/noto-sans-sc', 'noto-sans-sc', 'all', weight),
    ...facesOf('@fontsource/noto-sans-kr', 'noto-sans-kr', 'all', weight),
  ];
}

/** The WOFF files of every face the packet prints with, in the order it tries them, at `weight` (400 or 700). */
export function fontFaceFiles(weight: number): string[] {
  return faces(weight).map((face) => face.file);
}

export interface TextRun {
  font: string;
  text: string;
  /** Written right to left (Arabic, Hebrew): its words must be laid out as one, in that order. */
  rtl?: boolean;
}

/** Letters of the right-to-left scripts the packet prints (Hebrew, Arabic and their presentation forms). */
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/**
 * Marks right-to-left runs, and moves the spaces at the end of one into a run of their own: laid out
 * right to left, a trailing space would land on the run's left, not between it and what follows.
 */
function markRightToLeft(runs: TextRun[]): TextRun[] {
  return runs.flatMap((run) => {
    if (!RIGHT_TO_LEFT.test(run.text)) return [run];
    const text = run.text.trimEnd();
    const rtl = { font: run.font, text, rtl: true };
    return text.length === run.text.length ? [rtl] : [rtl, { font: run.font, text: run.text.slice(text.length) }];
  });
}

export interface PacketFonts {
  /** The face every run falls back to when no font has a glyph (it prints the missing-glyph box). */
  primary(style: FontStyle): string;
  /** `text` cut into runs, each in the first face that has its characters. */
  runs(text: string, style: FontStyle): TextRun[];
  /** Registers a face with a document on first use (pdfkit embeds only the glyphs printed). */
  bytes(name: string): Buffer;
}

function inRanges(cp: number, ranges: [number, number][]): boolean {
  for (const [start, end] of ranges) if (cp >= start && cp <= end) return true;
  return false;
}

function hasGlyph(face: Face, cp: number): boolean {
  if (!inRanges(cp, face.ranges)) return false;
  if (face.font === undefined) {
    try {
      const opened = fontkit.create(sfntOf(face));
      face.font = 'hasGlyphForCodePoint' in opened ? opened : null;
    } catch {
      face.font = null;
    }
  }
  if (face.font === null) return false;
  try {
    return face.font.hasGlyphForCodePoint(cp);
  } catch {
    // A few subset files have a cmap fontkit cannot read: treat as missing and try the next font.
    face.font = null;
    return false;
  }
}

let shared: PacketFonts | undefined;

/** The fonts, loaded lazily and shared by every packet of the process. */
export function packetFonts(): PacketFonts {
  shared ??= createPacketFonts();
  return shared;
}

function createPacketFonts(): PacketFonts {
  const byStyle: Record<FontStyle, Face[]> = { regular: faces(400), bold: faces(700) };
  const byName = new Map<string, Face>([...byStyle.regular, ...byStyle.bold].map((f) => [f.name, f]));
  const chosen: Record<FontStyle, Map<number, string>> = { regular: new Map(), bold: new Map() };
  const primary = (style: FontStyle) => byStyle[style][0]?.name ?? byStyle.regular[0]?.name ?? 'Helvetica';

  function faceFor(cp: number, style: FontStyle): string {
    const cached = chosen[style].get(cp);
    if (cached !== undefined) return cached;
    // Bold where a bold face has the glyph, else the regular face that has it.
    const face = byStyle[style].find((f) => hasGlyph(f, cp)) ?? byStyle.regular.find((f) => hasGlyph(f, cp));
    const name = face?.name ?? primary(style);
    chosen[style].set(cp, name);
    return name;
  }

  return {
    primary,
    runs(text, style) {
      const runs: TextRun[] = [];
      let current: TextRun | undefined;
      for (const ch of text) {
        const cp = ch.codePointAt(0) ?? 0;
        // Spaces and joiners stay in the run they are in, so a name in one script is one run.
        const font =
          current !== undefined && (cp === 0x20 || cp === 0x200c || cp === 0x200d) ? current.font : faceFor(cp, style);
        if (current !== undefined && current.font === font) current.text += ch;
        else {
          current = { font, text: ch };
          runs.push(current);
        }
      }
      return markRightToLeft(runs);
    },
    bytes(name) {
      const face = byName.get(name);
      if (face === undefined) throw new Error(`no packet font named ${name}`);
      return sfntOf(face);
    },
  };
}
