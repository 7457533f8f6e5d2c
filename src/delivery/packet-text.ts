// Writing text into a pdfkit document through the packet's fonts (per-character fallback), and fitting it to a width.
import type { FontStyle, PacketFonts, TextRun } from './packet-fonts.js';

type Doc = PDFKit.PDFDocument;

export interface PacketWriter {
  doc: Doc;
  /** Flowing (wrapped) text at the cursor, or at x/y. */
  text(text: string, options?: PDFKit.Mixins.TextOptions & { style?: FontStyle; x?: number; y?: number }): void;
  /**
   * A paragraph in a right-to-left language (a cover in Arabic), at the cursor or at x/y: wrapped by words,
   * each line set against the right edge with its runs placed right to left, so a name or an address in
   * Latin letters sits where an Arabic reader expects it. Moves the cursor below it.
   */
  rightToLeft(
    text: string,
    options: { width: number; style?: FontStyle; x?: number; y?: number; lineGap?: number },
  ): void;
  /** One line at x/y, cut with an ellipsis to `width`; never wraps, never moves to a new page. */
  line(text: string, x: number, y: number, width: number, style?: FontStyle, align?: 'left' | 'right'): void;
  width(text: string, style?: FontStyle): number;
}

const LINE = { lineBreak: false } as const;

/** Punctuation and spaces at the ends of a left-to-right run (they take the direction around them). */
const NEUTRAL_ENDS = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su;

/**
 * A right-to-left line's runs as pieces to place from the right edge, in logical order: the punctuation
 * and spaces at the ends of a left-to-right run (a name, a number) are cut off it and set right to left
 * with the words around them (Unicode's bidirectional rules, for the cases a cover has: "إلى: Connecticut
 * General Assembly", "0 توقيع (…)"); fontkit lays them out right to left and mirrors their brackets, as it
 * does right-to-left runs, which it lays out whole.
 */
function rightToLeftPieces(runs: TextRun[]): TextRun[] {
  const neutral = (font: string, text: string): TextRun[] =>
    text === ''
      ? []
      : [
          {
            font,
            text: Array.from(text).reverse().join(''),
          },
        ];
  return runs.flatMap((run) => {
    if (run.rtl === true) return [run];
    const [, before = '', core = '', after = ''] = NEUTRAL_ENDS.exec(run.text) ?? [];
    return [
      ...neutral(run.font, before),
      ...(core === '' ? [] : [{ font: run.font, text: core }]),
      ...neutral(run.font, after),
    ];
  });
}

/**
 * fontkit fails to position the marks of some texts in a few of the subset fonts (Noto Sans
 * Gurmukhi's GPOS has an anchor it cannot read: "ਸਿੰਘ" throws). Such a run is set again without
 * the positioning features: its marks may sit a little off, but the name prints.
 */
const UNPOSITIONED = { kern: false, mark: false, mkmk: false, dist: false, abvm: false, blwm: false };

/** The current font size: pdfkit keeps it in a field its type definitions do not declare. */
function fontSize(doc: Doc): number {
  return (doc as unknown as { _fontSize: number })._fontSize;
}

export function packetWriter(doc: Doc, fonts: PacketFonts): PacketWriter {
  const registered = new Set<string>();
  const use = (font: string) => {
    if (!registered.has(font)) {
      doc.registerFont(font, fonts.bytes(font));
      registered.add(font);
    }
    doc.font(font);
  };
  /**
   * Selects the run's font and measures it; the options it must be set with (without positioning
   * when fontkit cannot lay it out). pdfkit measures before it writes, so nothing is half-written.
   */
  const prepare = (run: TextRun): { width: number; options: PDFKit.Mixins.TextOptions } => {
    use(run.font);
    try {
      // pdfkit lays text out a word at a time, left to right; given features it lays the run out whole,
      // and fontkit orders a right-to-left run's words and spaces itself.
      const options = run.rtl === true ? { features: [] } : {};
      return { width: doc.widthOfString(run.text, options), options };
    } catch {
      // Whatever fontkit threw (a TypeError for the missing anchor; a font could fail otherwise), try
      // once more without positioning; a second failure is thrown. fontkit takes a features object
      // as well as pdfkit's declared array.
      const options = { features: UNPOSITIONED as unknown as PDFKit.Mixins.TextOptions['features'] };
      return { width: doc.widthOfString(run.text, options), options };
    }
  };
  const widthOfRuns = (runs: TextRun[]) => {
    let w = 0;
    for (const run of runs) w += prepare(run).width;
    return w;
  };
  const drawRuns = (runs: TextRun[], x: number, y: number, options: PDFKit.Mixins.TextOptions) => {
    runs.forEach((run, i) => {
      const { options: own } = prepare(run);
      const continued = i < runs.length - 1;
      if (i === 0) doc.text(run.text, x, y, { ...options, ...own, continued });
      else doc.text(run.text, { ...options, ...own, continued });
    });
  };
  return {
    doc,
    text(text, options = {}) {
      const { style = 'regular', x, y, ...rest } = options;
      const runs = fonts.runs(text === '' ? ' ' : text, style);
      drawRuns(runs, x ?? doc.x, y ?? doc.y, rest);
    },
    line(text, x, y, width, style = 'regular', align = 'left') {
      if (text === '') return;
      const flat = /\s\s|[\t\n\r]/.test(text) ? text.replace(/\s+/g, ' ') : text;
      let runs = fonts.runs(flat, style);
      // No glyph is wider than an em: a short cell fits without measuring (most cells of the signature list).
      const surelyFits = align === 'left' && flat.length * fontSize(doc) <= width;
      let w = surelyFits ? 0 : widthOfRuns(runs);
      if (w > width) {
        const chars = Array.from(flat);
        let lo = 0;
        let hi = chars.length;
        // The longest prefix that fits with the ellipsis.
        while (lo < hi) {
          const mid = Math.ceil((lo + hi) / 2);
          if (widthOfRuns(fonts.runs(`${chars.slice(0, mid).join('').trimEnd()}…`, style)) <= width) lo = mid;
          else hi = mid - 1;
        }
        runs = fonts.runs(`${chars.slice(0, lo).join('').trimEnd()}…`, style);
        w = widthOfRuns(runs);
      }
      let cx = align === 'right' ? x + width - w : x;
      runs.forEach((run) => {
        const { width: runWidth, options } = prepare(run);
        doc.text(run.text, cx, y, { ...LINE, ...options });
        cx += runWidth;
      });
    },
    width: (text, style = 'regular') => widthOfRuns(fonts.runs(text, style)),
    rightToLeft(text, { width, style = 'regular', x = doc.x, y = doc.y, lineGap = 0 }) {
      const measure = (line: string) => widthOfRuns(fonts.runs(line, style));
      const lines: string[] = [];
      for (const paragraph of text.split(/\r?\n/)) {
        let line = '';
        for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
          const candidate = line === '' ? word : `${line} ${word}`;
          // A word longer than the line is left alone on its own line (the page clips nothing: it overhangs).
          if (line !== '' && measure(candidate) > width) {
            lines.push(line);
            line = word;
          } else line = candidate;
        }
        lines.push(line);
      }
      let top = y;
      for (const line of lines) {
        const height = doc.currentLineHeight(true) + lineGap;
        if (top + height > doc.page.height - doc.page.margins.bottom) {
          doc.addPage();
          top = doc.y;
        }
        let right = x + width;
        for (const run of rightToLeftPieces(fonts.runs(line === '' ? ' ' : line, style))) {
          const { width: runWidth, options } = prepare(run);
          right -= runWidth;
          doc.text(run.text, right, top, { ...LINE, ...options });
        }
        top += height;
      }
      doc.x = x;
      doc.y = top;
    },
  };
}
