// The print-ready delivery packet: a cover letter per language, a summary, the numbered signatures and their comments.
import { finished } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import { translator, type Locale, type Translator } from '../platform/i18n/translator.js';
import { targetName, textFor, type Petition } from '../petitions/petition.js';
import { publicName } from '../signing/public-name.js';
import type { ExportFilters } from './export-filters.js';
import type { ExportedSignature, ExportSummary } from './export-store.js';
import { packetFonts, type FontStyle } from './packet-fonts.js';
import { packetWriter, type PacketWriter } from './packet-text.js';
import { drawQrCode } from './pdf-qr-code.js';
import type { Chamber } from '../targets/directory.js';
import { recipientName } from '../targets/recipients.js';

export interface PacketOptions {
  paper: 'letter' | 'a4';
  summaryOnly: boolean;
}

export interface PacketInput {
  petition: Petition;
  summary: ExportSummary;
  filters: ExportFilters;
  /** The live petition page the QR code points to. */
  petitionUrl: string;
  now: Date;
  /** A packet for one legislator (or the unassigned signers of one chamber): its cover is addressed to them. */
  addressee?: PacketAddressee | undefined;
  signatures: () => AsyncIterable<ExportedSignature[]>;
  comments: () => AsyncIterable<ExportedSignature[]>;
  onProgress?: (done: number, total: number) => void;
}

export interface PacketAddressee {
  chamber: Chamber;
  /** Null: the packet of the signers no district of the chamber could be given to. */
  district: string | null;
  /** Who holds the seat on the day of the packet (empty: vacant, or the unassigned packet). */
  holders: string[];
  /** The body's name per language. */
  bodyNames: Partial<Record<Locale, string>>;
  /** Confirmed signatures of the whole petition. */
  statewide: number;
  /** The legislature is Firma's generated sample data: said so on the cover. */
  sample: boolean;
}

const MARGIN = { top: 64, bottom: 60, left: 54, right: 54 };
const ROW = 14;
const SMALL = 8.5;

/**
 * Writes the packet to `out` and resolves once all of it is written. Pages stream out as they are
 * finished (never all held, whatever the size); "page N of M" needs M first, so a quick first pass
 * lays out the covers, summary and comments on a discarded document and counts the signature pages
 * by arithmetic (every row is one line), then the second pass writes with each page's header and footer.
 */
export async function renderDeliveryPacket(
  input: PacketInput,
  options: PacketOptions,
  out: NodeJS.WritableStream,
): Promise<void> {
  const count = await layOut(input, options, undefined);
  await layOut(input, options, { out, totalPages: count.pages, coverPages: count.coverPages });
}

/**
 * pdfkit keeps the shaped layout of every word it has printed, for good: with 100,000 names, dates and
 * numbers that is hundreds of megabytes. Starting afresh every few pages keeps the common words' speed-up.
 */
function forgetLayouts(doc: PDFKit.PDFDocument): void {
  const families = (doc as unknown as { _fontFamilies?: Record<string, { layoutCache?: Record<string, unknown> }> })
    ._fontFamilies; // pdfkit internals, not in its types
  for (const font of Object.values(families ?? {}))
    if (font.layoutCache !== undefined) font.layoutCache = Object.create(null) as Record<string, unknown>;
}

/**
 * On SQLite every query answers synchronously, so without this a large packet would hold the web
 * process's thread from start to end; between pages of rows, requests waiting (signers) go first.
 */
function turnOfTheEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

interface Output {
  out: NodeJS.WritableStream;
  totalPages: number;
  coverPages: number;
}

async function layOut(
  input: PacketInput,
  options: PacketOptions,
  output: Output | undefined,
): Promise<{ pages: number; coverPages: number }> {
  const { petition } = input;
  const title = textFor(petition, petition.defaultLocale).title;
  const doc = new PDFDocument({
    size: options.paper === 'a4' ? 'A4' : 'LETTER',
    margins: MARGIN,
    autoFirstPage: false,
    compress: output !== undefined,
    info: { Title: title, Creator: 'Firma' },
  });
  if (output === undefined) doc.on('data', () => undefined);
  else doc.pipe(output.out);
  const w = packetWriter(doc, packetFonts());
  const t = translator(petition.defaultLocale);
  let pages = 0;
  doc.on('pageAdded', () => {
    pages += 1;
    if (pages % 20 === 0) forgetLayouts(doc);
    if (output !== undefined) drawPageChrome(w, t, title, pages, output);
  });

  for (const locale of petition.locales) drawCover(w, input, translator(locale), locale);
  const coverPages = pages;
  drawSummary(w, input, t);
  if (!options.summaryOnly) {
    await drawSignatures(w, input, t, output !== undefined);
    if (input.summary.withComments > 0) await drawComments(w, input, t);
  }
  doc.end();
  if (output !== undefined) await finished(output.out as NodeJS.WritableStream & NodeJS.ReadableStream);
  return { pages, coverPages };
}

function contentWidth(doc: PDFKit.PDFDocument): number {
  return doc.page.width - MARGIN.left - MARGIN.right;
}

function drawCover(w: PacketWriter, input: PacketInput, t: Translator, locale: Locale): void {
  const { doc } = w;
  const { petition, summary } = input;
  const text = textFor(petition, locale);
  doc.addPage();
  const width = contentWidth(doc);
  // A cover in a right-to-left language is set from the right edge, its lines' runs right to left.
  const rtl = t.dir === 'rtl';
  const write = (
    line: string,
    options: { width: number; style?: FontStyle; lineGap?: number; x?: number; y?: number },
  ) => (rtl ? w.rightToLeft(line, options) : w.text(line, options));
  doc.fillColor('#555').fontSize(10);
  write(t.t('packet.cover.kicker', { date: t.date(input.now.toISOString()) }), { width });
  doc.moveDown(0.8).fillColor('#000').fontSize(20);
  write(text.title, { width, style: 'bold' });
  doc.moveDown(0.6).fontSize(11);
  const { addressee } = input;
  const targets =
    addressee === undefined
      ? petition.targets.map((target) => targetName(target, locale, petition.defaultLocale)).join('; ')
      : addresseeName(t, addressee, locale);
  write(`${t.t('packet.cover.to')} ${targets}`, { width, style: 'bold' });
  if (addressee?.sample === true) {
    doc.moveDown(0.3).fontSize(9).fillColor('#5c3c00');
    write(t.t('targets.sample'), { width });
    doc.fillColor('#000');
  }
  doc.moveDown(0.8).fontSize(11);
  write(text.statement, { width, lineGap: 2 });
  doc.moveDown(1).fontSize(16);
  const countKey = input.filters.status === 'all' ? 'packet.cover.countAll' : 'packet.cover.countConfirmed';
  if (addressee === undefined) write(t.t(countKey, { count: summary.total }), { width, style: 'bold' });
  else {
    write(
      addressee.district === null
        ? t.t('packet.district.unassignedCount', { count: summary.total })
        : t.t('packet.district.count', { count: summary.total, district: addressee.district }),
      { width, style: 'bold' },
    );
    doc.fontSize(11);
    write(t.t('packet.district.statewide', { count: addressee.statewide }), { width });
  }
  doc.fontSize(11);
  if (summary.first !== null && summary.last !== null) {
    write(t.t('packet.cover.range', { first: t.date(summary.first), last: t.date(summary.last) }), { width });
  }
  const narrowed = describeFilters(input.filters, t);
  if (narrowed !== '') write(t.t('packet.cover.filtered', { filters: narrowed }), { width });
  doc.moveDown(1);
  const organizer = [petition.organizer.name, petition.organizer.email]
    .filter((v) => v !== null && v !== '')
    .join(' · ');
  if (organizer !== '') write(t.t('packet.cover.organizer', { organizer }), { width });

  // The QR code and the address of the live page, at the foot of the cover.
  const size = 96;
  const top = Math.max(doc.y + 16, doc.page.height - MARGIN.bottom - size - 8);
  if (top + size > doc.page.height - MARGIN.bottom) doc.addPage();
  const y = Math.min(top, doc.page.height - MARGIN.bottom - size);
  // Right to left, the code stands at the right edge and its words to its left.
  drawQrCode(doc, input.petitionUrl, rtl ? MARGIN.left + width - size : MARGIN.left, y, size);
  doc.fontSize(10).fillColor('#000');
  write(t.t('packet.cover.qr'), {
    x: rtl ? MARGIN.left : MARGIN.left + size + 16,
    y: y + 24,
    width: width - size - 16,
  });
  write(input.petitionUrl, { x: rtl ? MARGIN.left : MARGIN.left + size + 16, width: width - size - 16 });
}

/** Whom a legislator's packet is addressed to: "Sen. … (District 5)", or the chamber's unassigned signers. */
function addresseeName(t: Translator, a: PacketAddressee, locale: Locale): string {
  const body = a.bodyNames[locale] ?? Object.values(a.bodyNames)[0] ?? '';
  if (a.district === null) return t.t(`packet.district.unassigned.${a.chamber}`, { body });
  return `${recipientName(t, a.chamber, a.district, a.holders)}, ${body}`;
}

function describeFilters(f: ExportFilters, t: Translator): string {
  const parts: string[] = [];
  if (f.from !== undefined) parts.push(t.t('packet.filter.from', { date: t.date(`${f.from}T00:00:00Z`) }));
  if (f.to !== undefined) parts.push(t.t('packet.filter.to', { date: t.date(`${f.to}T00:00:00Z`) }));
  if (f.town !== undefined) parts.push(t.t('packet.filter.town', { town: f.town }));
  if (f.zip !== undefined) parts.push(t.t('packet.filter.zip', { zip: f.zip }));
  if (f.source !== undefined) parts.push(t.t('packet.filter.source', { source: f.source }));
  return parts.join('; ');
}

function heading(w: PacketWriter, label: string): void {
  w.doc.fillColor('#000').fontSize(15);
  w.text(label, { x: MARGIN.left, width: contentWidth(w.doc), style: 'bold' });
  w.doc.moveDown(0.5).fontSize(SMALL);
}

/** A simple table: left-aligned label columns and a right-aligned count; new pages as needed. */
function drawCountTable(
  w: PacketWriter,
  columns: { label: string; width: number; align?: 'right' }[],
  rows: string[][],
): void {
  const { doc } = w;
  const bottom = () => doc.page.height - MARGIN.bottom - ROW;
  const header = () => {
    let x = MARGIN.left;
    for (const c of columns) {
      w.line(c.label, x, doc.y, c.width - 6, 'bold', c.align);
      x += c.width;
    }
    doc.y += ROW;
  };
  doc.fontSize(SMALL);
  header();
  for (const cells of rows) {
    if (doc.y > bottom()) {
      doc.addPage();
      header();
    }
    let x = MARGIN.left;
    cells.forEach((cell, i) => {
      const c = columns[i];
      if (c === undefined) return;
      w.line(cell, x, doc.y, c.width - 6, 'regular', c.align);
      x += c.width;
    });
    doc.y += ROW;
  }
  doc.moveDown(1);
}

function drawSummary(w: PacketWriter, input: PacketInput, t: Translator): void {
  const { doc } = w;
  const { summary } = input;
  doc.addPage();
  heading(w, t.t('packet.summary.title'));
  doc.fontSize(11);
  const countKey = input.filters.status === 'all' ? 'packet.cover.countAll' : 'packet.cover.countConfirmed';
  w.text(t.t(countKey, { count: summary.total }), { x: MARGIN.left, width: contentWidth(doc) });
  doc.moveDown(1);
  heading(w, t.t('packet.summary.byPlace'));
  drawCountTable(
    w,
    [
      { label: t.t('packet.column.town'), width: 240 },
      { label: t.t('packet.column.zip'), width: 100 },
      { label: t.t('packet.column.count'), width: 100, align: 'right' },
    ],
    summary.byPlace.map((p) => [p.town ?? t.t('packet.summary.noTown'), p.postalCode, t.number(p.count)]),
  );
  heading(w, t.t('packet.summary.bySource'));
  drawCountTable(
    w,
    [
      { label: t.t('packet.column.source'), width: 340 },
      { label: t.t('packet.column.count'), width: 100, align: 'right' },
    ],
    // Signatures entered from paper sheets have the source 'sheets', those signed at a kiosk 'kiosk': named so in
    // the reader's language.
    summary.bySource.map((s) => [
      s.source === null
        ? t.t('packet.summary.direct')
        : s.source === 'sheets'
          ? t.t('packet.summary.paper')
          : s.source === 'kiosk'
            ? t.t('packet.summary.kiosk')
            : s.source,
      t.number(s.count),
    ]),
  );
}

/**
 * A signer's name as the packet delivers it: as they chose to be shown when they signed online or at a kiosk; in full
 * for a signature typed from a paper sheet, whose signer chose nothing online but signed under "Your name and town
 * will be delivered with it" (the sheet's consent; on Firma's pages that name stays hidden). Retention's erasure
 * (src/privacy/) is said as such, not as the signer's choice.
 */
function deliveredName(s: ExportedSignature, t: Translator): string {
  if (s.nameDisplay === 'erased') return t.t('packet.nameErased');
  if (s.method === 'paper') return s.name;
  return publicName(s.name, s.nameDisplay) ?? t.t('packet.nameWithheld');
}

async function drawSignatures(w: PacketWriter, input: PacketInput, t: Translator, drawRows: boolean): Promise<void> {
  const { doc } = w;
  doc.addPage();
  heading(w, t.t('packet.signatures.title'));
  const width = contentWidth(doc);
  // Number, name, town, ZIP, date (for a signature typed from paper, its sheet and line: where the page that proves
  // it is); the comment takes what is left.
  const cols = [36, 150, 78, 44, 90];
  const commentWidth = width - cols.reduce((a, b) => a + b, 0);
  const labels = [
    '#',
    t.t('packet.column.name'),
    t.t('packet.column.town'),
    t.t('packet.column.zip'),
    t.t('packet.column.date'),
    t.t('packet.column.comment'),
  ];
  const widths = [...cols, commentWidth];
  const header = () => {
    let x = MARGIN.left;
    labels.forEach((label, i) => {
      w.line(label, x, doc.y, (widths[i] ?? 0) - 6, 'bold', i === 0 ? 'right' : 'left');
      x += widths[i] ?? 0;
    });
    doc.y += ROW;
  };
  doc.fontSize(SMALL);
  header();
  const nextRow = () => {
    if (doc.y > doc.page.height - MARGIN.bottom - ROW) {
      doc.addPage();
      doc.fontSize(SMALL);
      header();
    }
  };
  const total = input.summary.total;
  if (!drawRows) {
    // The counting pass: every row is one line, so only the pages are needed, not the rows.
    for (let i = 0; i < total; i += 1) {
      nextRow();
      doc.y += ROW;
    }
    return;
  }
  let n = 0;
  for await (const page of input.signatures()) {
    for (const s of page) {
      // Signatures that arrived after the totals were read are left out: the page count stays right.
      if (n >= total) break;
      n += 1;
      nextRow();
      const y = doc.y;
      const sheet = s.sheet !== null && s.sheetLine !== null ? { sheet: s.sheet, line: s.sheetLine } : undefined;
      const cells = [
        String(n),
        deliveredName(s, t),
        s.town ?? '',
        s.postalCode,
        sheet === undefined ? t.mediumDate(s.createdAt) : t.t('packet.sheetLine', sheet),
        s.comment ?? '',
      ];
      let x = MARGIN.left;
      cells.forEach((cell, i) => {
        const width = (widths[i] ?? 0) - 6;
        // A sheet and line are never cut short (a six-digit sheet is long): their type shrinks instead.
        const shrink = sheet !== undefined && i === 4 ? Math.min(1, width / w.width(cell)) : 1;
        if (shrink < 1) doc.fontSize(SMALL * shrink);
        w.line(cell, x, y, width, 'regular', i === 0 ? 'right' : 'left');
        if (shrink < 1) doc.fontSize(SMALL);
        x += widths[i] ?? 0;
      });
      doc.y = y + ROW;
    }
    input.onProgress?.(n, input.summary.total);
    await turnOfTheEventLoop();
  }
}

async function drawComments(w: PacketWriter, input: PacketInput, t: Translator): Promise<void> {
  const { doc } = w;
  doc.addPage();
  heading(w, t.t('packet.comments.title'));
  const width = contentWidth(doc);
  let n = 0;
  for await (const page of input.comments()) {
    for (const s of page) {
      if (n >= input.summary.withComments) break;
      n += 1;
      if (doc.y > doc.page.height - MARGIN.bottom - 3 * ROW) doc.addPage();
      const who = [deliveredName(s, t), s.town].filter((v) => v !== null && v !== '').join(', ');
      doc.fontSize(9);
      w.text(`${who} · ${t.date(s.createdAt)}`, { x: MARGIN.left, width, style: 'bold' });
      w.text(s.comment ?? '', { x: MARGIN.left, width });
      doc.moveDown(0.6);
    }
    await turnOfTheEventLoop();
  }
}

/** The running header (not on the cover letters) and "page N of M", drawn as each page begins. */
function drawPageChrome(w: PacketWriter, t: Translator, title: string, page: number, output: Output): void {
  const { doc } = w;
  const { x, y } = doc;
  const size = (doc as unknown as { _fontSize: number })._fontSize; // pdfkit's current size, not in its type definitions
  const width = contentWidth(doc);
  doc.fontSize(8).fillColor('#555');
  if (page > output.coverPages) w.line(title, MARGIN.left, MARGIN.top - 30, width);
  w.line(
    t.t('packet.footer.page', { page, pages: output.totalPages }),
    MARGIN.left,
    doc.page.height - MARGIN.bottom + 24,
    width,
    'regular',
    'right',
  );
  doc.fillColor('#000').fontSize(size);
  doc.x = x;
  doc.y = y;
}

/** One line of the per-legislator summary: a district of a chamber (or its unassigned signers) and its count. */
export interface PerTargetLine {
  chamber: string;
  /** Null: the chamber's signers no district was given to. */
  district: string | null;
  legislator: string;
  count: number;
}

/**
 * The summary of the per-legislator packets: every legislator's count, chamber by chamber, in the petition's main
 * language. A few pages at most (one row per district), so written in one pass.
 */
export async function renderPerTargetSummary(
  input: { petition: Petition; now: Date; title: string; lines: PerTargetLine[]; sample: boolean },
  options: Pick<PacketOptions, 'paper'>,
  out: NodeJS.WritableStream,
): Promise<void> {
  const { petition } = input;
  const t = translator(petition.defaultLocale);
  const doc = new PDFDocument({
    size: options.paper === 'a4' ? 'A4' : 'LETTER',
    margins: MARGIN,
    info: { Title: input.title, Creator: 'Firma' },
  });
  doc.pipe(out);
  const w = packetWriter(doc, packetFonts());
  const width = contentWidth(doc);
  doc.fontSize(10).fillColor('#555');
  w.text(t.t('packet.cover.kicker', { date: t.date(input.now.toISOString()) }), { x: MARGIN.left, width });
  doc.moveDown(0.5).fillColor('#000').fontSize(16);
  w.text(textFor(petition, petition.defaultLocale).title, { x: MARGIN.left, width, style: 'bold' });
  doc.moveDown(0.6);
  heading(w, input.title);
  doc.fontSize(10);
  w.text(t.t('packet.perTarget.intro'), { x: MARGIN.left, width });
  if (input.sample) {
    doc.moveDown(0.3).fontSize(9).fillColor('#5c3c00');
    w.text(t.t('targets.sample'), { x: MARGIN.left, width });
    doc.fillColor('#000');
  }
  doc.moveDown(0.8);
  const chambers = [...new Set(input.lines.map((l) => l.chamber))];
  for (const chamber of chambers) {
    heading(w, chamber);
    drawCountTable(
      w,
      [
        { label: t.t('packet.column.district'), width: 90 },
        { label: t.t('packet.column.legislator'), width: width - 190 },
        { label: t.t('packet.column.count'), width: 100, align: 'right' },
      ],
      input.lines
        .filter((l) => l.chamber === chamber)
        .map((l) =>
          l.district === null
            ? ['—', t.t('packet.perTarget.unassigned'), t.number(l.count)]
            : [l.district, l.legislator, t.number(l.count)],
        ),
    );
  }
  doc.end();
  await finished(out as NodeJS.WritableStream & NodeJS.ReadableStream);
}
