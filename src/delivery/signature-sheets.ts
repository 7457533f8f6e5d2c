// Printable signature sheets for gathering signatures on paper (a rally, a church, a consulate's queue): one page per
// sheet, in one of the petition's languages, with the petition's title, recipients and statement, a QR code to its
// page, numbered lines for name, address and ZIP code, email (optional) and signature, the consent text, and the
// sheet's number, which volunteers write down when they enter the signatures.
import { finished } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import { translator, type Locale } from '../platform/i18n/translator.js';
import { targetName, textFor, type Petition } from '../petitions/petition.js';
import { packetFonts, type FontStyle } from './packet-fonts.js';
import { packetWriter } from './packet-text.js';
import { drawQrCode } from './pdf-qr-code.js';

export interface SheetInput {
  petition: Petition;
  /** One of the petition's own languages (its text is printed, not a neighbour's). */
  locale: Locale;
  /** The petition's page in that language, marked as coming from paper (`?source=paper`). */
  petitionUrl: string;
  /** How many sheets, numbered from `firstSheet`. */
  sheets: number;
  firstSheet: number;
  paper: 'letter' | 'a4';
}

/** Lines per sheet: room for a hand-written address and a signature on each. */
export const LINES_PER_SHEET = 10;
const MARGIN = 36;
/** Plain text of the statement, cut to what fits above the lines. */
const STATEMENT_CHARACTERS = 700;

function plainStatement(markdown: string): string {
  const text = markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length <= STATEMENT_CHARACTERS ? text : `${text.slice(0, STATEMENT_CHARACTERS - 1).trimEnd()}…`;
}

export async function renderSignatureSheets(input: SheetInput, out: NodeJS.WritableStream): Promise<void> {
  const { petition, locale } = input;
  const t = translator(locale);
  const text = textFor(petition, locale);
  const doc = new PDFDocument({
    size: input.paper === 'a4' ? 'A4' : 'LETTER',
    layout: 'landscape',
    margin: MARGIN,
    autoFirstPage: false,
    info: { Title: `${text.title} — ${t.t('sheets.kind')}`, Creator: 'Firma' },
  });
  doc.pipe(out);
  const w = packetWriter(doc, packetFonts());
  const rtl = t.dir === 'rtl';
  // The catalogs isolate Latin words in Arabic with Unicode's bidi controls, which the PDF fonts do not draw: the
  // right-to-left writer places those words itself.
  const plain = (line: string) => line.replace(/[\u2066-\u2069]/g, '');
  const write = (line: string, options: { width: number; style?: FontStyle; x?: number; y?: number }) =>
    rtl ? w.rightToLeft(plain(line), options) : w.text(line, options);
  const label = (line: string, x: number, y: number, width: number, style: FontStyle) =>
    rtl ? w.rightToLeft(plain(line), { x, y, width, style }) : w.line(line, x, y, width, style);
  const targets = petition.targets.map((target) => targetName(target, locale, petition.defaultLocale)).join('; ');
  const statement = plainStatement(text.statement);

  for (let sheet = input.firstSheet; sheet < input.firstSheet + input.sheets; sheet += 1) {
    doc.addPage();
    const width = doc.page.width - 2 * MARGIN;
    const qr = 86;
    const textWidth = width - qr - 120;
    // The sheet number and the QR code on the side a reader of the language ends a line; the words on the other.
    const textX = rtl ? MARGIN + qr + 120 : MARGIN;
    const sideX = rtl ? MARGIN : MARGIN + width - qr - 110;
    doc.fillColor('#000').fontSize(15);
    write(text.title, { x: textX, y: MARGIN, width: textWidth, style: 'bold' });
    doc.fontSize(10).moveDown(0.2);
    write(`${t.t('packet.cover.to')} ${targets}`, { x: textX, width: textWidth, style: 'bold' });
    doc.fontSize(8.5).moveDown(0.3);
    write(statement, { x: textX, width: textWidth });
    const textBottom = doc.y;

    doc.fontSize(13);
    w.line(plain(t.t('sheets.number', { number: sheet })), sideX, MARGIN, qr + 110, 'bold', rtl ? 'left' : 'right');
    drawQrCode(doc, input.petitionUrl, rtl ? sideX : sideX + 110, MARGIN + 20, qr);
    doc.fontSize(7.5);
    w.line(plain(t.t('sheets.scan')), sideX, MARGIN + 20 + qr + 2, qr + 110, 'regular', rtl ? 'left' : 'right');

    // The lines: # | name | address and ZIP code | email (optional) | signature (mirrored right to left).
    const top = Math.max(textBottom + 10, MARGIN + 20 + qr + 16);
    const consentHeight = 46;
    const rowHeight = Math.min(34, (doc.page.height - MARGIN - consentHeight - top - 16) / LINES_PER_SHEET);
    const shares = [0.04, 0.24, 0.33, 0.21, 0.18];
    const titles = ['#', t.t('sheets.name'), t.t('sheets.address'), t.t('sheets.email'), t.t('sheets.signature')];
    let x = MARGIN;
    const columns = shares.map((share, i) => {
      const column = { x, width: share * width, title: titles[i] ?? '' };
      x += column.width;
      return column;
    });
    const placed = rtl ? columns.map((c) => ({ ...c, x: MARGIN + width - (c.x - MARGIN) - c.width })) : columns;
    doc.fontSize(8.5);
    for (const c of placed) label(c.title, c.x + 3, top, c.width - 6, 'bold');
    const first = top + 14;
    doc.lineWidth(0.6).strokeColor('#444');
    for (let row = 0; row <= LINES_PER_SHEET; row += 1)
      doc
        .moveTo(MARGIN, first + row * rowHeight)
        .lineTo(MARGIN + width, first + row * rowHeight)
        .stroke();
    for (const c of placed.slice(1))
      doc
        .moveTo(rtl ? c.x + c.width : c.x, first)
        .lineTo(rtl ? c.x + c.width : c.x, first + LINES_PER_SHEET * rowHeight)
        .stroke();
    doc.fontSize(9);
    const numberColumn = placed[0];
    for (let row = 0; row < LINES_PER_SHEET; row += 1)
      if (numberColumn !== undefined)
        w.line(String(row + 1), numberColumn.x + 3, first + row * rowHeight + 4, numberColumn.width - 6);

    doc.fontSize(7.5).fillColor('#222');
    const consentY = first + LINES_PER_SHEET * rowHeight + 8;
    write(t.t('sheets.consent', { targets }), { x: MARGIN, y: consentY, width });
    doc.fontSize(7).fillColor('#555');
    const footY = doc.page.height - MARGIN - 8;
    label(t.t('sheets.enteredBy'), rtl ? MARGIN + width / 2 : MARGIN, footY, width / 2, 'regular');
    w.line(input.petitionUrl, rtl ? MARGIN : MARGIN + width / 2, footY, width / 2, 'regular', rtl ? 'left' : 'right');
  }
  doc.end();
  await finished(out as NodeJS.WritableStream & NodeJS.ReadableStream);
}
