// A CSV file read into rows that know their line in the file, for the importers' problem lists. csv-parse's
// own line count is off for a quoted value holding a Windows line break (it counts the CR and the LF), so
// lines are counted here from the byte offset at which each record ends.
import { Buffer } from 'node:buffer';
import { CsvError, parse } from 'csv-parse/sync';
import type { ImportProblem } from '../directory.js';

export interface CsvRow {
  /** The line the record starts on: 1 is the header (a quoted line break makes the next record start later). */
  line: number;
  cells: readonly string[];
}

export interface CsvTable {
  /** Each header name (trimmed, lower case) and its column's index; the first of two same-named columns wins. */
  columns: ReadonlyMap<string, number>;
  rows: CsvRow[];
}

export type CsvRead = { ok: true; table: CsvTable } | { ok: false; problems: ImportProblem[] };

const LF = 0x0a;
const CR = 0x0d;

/** The rows of a CSV file with a header line; `empty` without rows, `unreadable` where csv-parse gives up. */
export function readCsvTable(text: string): CsvRead {
  // No text file holds a NUL byte (a binary file renamed .csv does), and PostgreSQL refuses one in a text value.
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const line = text.slice(0, nul).split('\n').length;
    return { ok: false, problems: [{ at: { line }, key: 'targets.problem.unreadable', values: { detail: 'NUL' } }] };
  }
  const bytes = Buffer.from(text.startsWith('\uFEFF') ? text.slice(1) : text, 'utf8');
  const ends: number[] = [];
  const lineAt = lineCounter(bytes);
  let records: string[][];
  try {
    records = parse(bytes, {
      skip_empty_lines: true,
      on_record: (record, context) => {
        ends.push(context.bytes);
        return record;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // The record csv-parse could not finish starts where the last one it finished ended.
    const line = lineAt(ends.at(-1) ?? 0);
    const detail = `${describe(error)}, line ${line}`;
    return { ok: false, problems: [{ at: { line }, key: 'targets.problem.unreadable', values: { detail } }] };
  }
  const [header, ...data] = records;
  if (header === undefined || data.length === 0) {
    return { ok: false, problems: [{ at: { file: true }, key: 'targets.problem.empty' }] };
  }
  const columns = new Map<string, number>();
  header.forEach((name, index) => {
    const column = name.trim().toLowerCase();
    if (!columns.has(column)) columns.set(column, index);
  });
  const rows = data.map((cells, index) => ({ line: lineAt(ends[index] ?? 0), cells }));
  return { ok: true, table: { columns, rows } };
}

/** The trimmed value of a column in a row; empty when the file lacks the column. */
/** readCsvTable, then every column of `required` that the header lacks, as one problem each. */
export function readCsvWithColumns(text: string, required: readonly string[]): CsvRead {
  const read = readCsvTable(text);
  if (!read.ok) return read;
  const missing = required.filter((column) => !read.table.columns.has(column));
  if (missing.length === 0) return read;
  return {
    ok: false,
    problems: missing.map((column) => ({
      at: { file: true },
      key: 'targets.problem.missingColumn',
      values: { column },
    })),
  };
}

export function cellOf(table: CsvTable, row: CsvRow, column: string): string {
  const index = table.columns.get(column);
  return index === undefined ? '' : (row.cells[index] ?? '').trim();
}

/**
 * Line numbers of offsets met in increasing order: the line on which the first character at or after the
 * offset that is not a line break stands (empty lines between records are skipped). CRLF, LF and a lone CR
 * each end one line.
 */
function lineCounter(bytes: Uint8Array): (offset: number) => number {
  let at = 0;
  let line = 1;
  return (offset) => {
    let start = offset;
    while (bytes[start] === LF || bytes[start] === CR) start += 1;
    for (; at < start; at += 1) {
      if (bytes[at] === LF || (bytes[at] === CR && bytes[at + 1] !== LF)) line += 1;
    }
    return line;
  };
}

const PHRASES: Partial<Record<CsvError['code'], string>> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted value is never closed',
  INVALID_OPENING_QUOTE: 'a quote inside a value that does not start with one',
  CSV_INVALID_CLOSING_QUOTE: 'text right after a closing quote',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'text right after a closing quote',
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'not as many values as the header has columns',
};

/** csv-parse's words, shortened: its own messages quote its (sometimes wrong) line count. */
function describe(error: CsvError): string {
  return PHRASES[error.code] ?? error.message;
}
