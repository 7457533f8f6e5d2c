// The CSV export: UTF-8 with a BOM, RFC 4180 quoting, formula cells neutralised, produced page by page.
import type { Db } from '../platform/db/connect.js';
import type { ExportFilters } from './export-filters.js';
import { signaturePages, type ExportedSignature } from './export-store.js';
import { districtColumns } from './district-columns.js';
import type { Petition } from '../petitions/petition.js';

/** Spreadsheet programs read the file as UTF-8 (accents, ñ) only when it starts with this mark. */
export const BOM = '\uFEFF';

export const CSV_COLUMNS = [
  'number',
  'name',
  'name_display',
  'town',
  'postal_code',
  'signed_at',
  'comment',
  'source',
  'status',
  'locale',
  // How it was gathered ('online', 'paper', 'kiosk'), and for paper the sheet and its line: the sheet in the box
  // that proves the row.
  'method',
  'sheet',
  'sheet_line',
] as const;

/** Cells a spreadsheet would run as a formula (or that start a DDE payload) get a leading apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvRow(cells: (string | number | null)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

function signatureRow(n: number, s: ExportedSignature, districts: readonly string[]): string {
  return csvRow([
    n,
    s.name,
    s.nameDisplay,
    s.town,
    s.postalCode,
    s.createdAt,
    s.comment,
    s.source,
    s.status,
    s.locale,
    s.method,
    s.sheet,
    s.sheetLine,
    ...districts,
  ]);
}

/** What the export reads of the petition: its id, and the chambers whose districts get columns. */
export type ExportedPetition = Pick<Petition, 'id' | 'seatTargets'>;

/** The file as chunks of text (the BOM and header, then one chunk per page of rows); `onRows` reports progress. */
export async function* csvChunks(
  db: Db,
  petition: ExportedPetition,
  filters: ExportFilters,
  onRows?: (done: number) => void,
  now: Date = new Date(),
): AsyncGenerator<string> {
  const districts = await districtColumns(db, petition.seatTargets, now.toISOString().slice(0, 10));
  yield BOM + csvRow([...CSV_COLUMNS, ...districts.headers]);
  let n = 0;
  for await (const page of signaturePages(db, petition.id, filters)) {
    const cells = await districts.page(page);
    let chunk = '';
    for (const s of page) {
      n += 1;
      chunk += signatureRow(n, s, cells.get(s.id) ?? []);
    }
    onRows?.(n);
    yield chunk;
  }
}

/** A pull-driven byte stream of the file: the next page is read only when the reader wants more. */
export function csvReadableStream(
  db: Db,
  petition: ExportedPetition,
  filters: ExportFilters,
  now: Date,
): ReadableStream<Uint8Array> {
  const chunks = csvChunks(db, petition, filters, undefined, now);
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await chunks.next();
        if (next.done === true) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}

/** The file name a download is saved as: the petition's slug and the day. */
export function exportFileName(slug: string, now: Date, extension: 'csv' | 'pdf' | 'zip'): string {
  return `${slug}-signatures-${now.toISOString().slice(0, 10)}.${extension}`;
}
