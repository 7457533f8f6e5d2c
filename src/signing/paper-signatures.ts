// Signatures gathered on paper, entered from a CSV file (`firma import signatures`, or the upload on the petition's
// paper page): each row is one line of a numbered signature sheet. Every row is checked as the sign form checks a
// signature (name, ZIP code, email when given, comment), and against the file and the petition (a line entered
// twice, an address that already signed); the report names every bad row, and nothing is stored until every row is
// good. Then all rows are stored in one transaction: counted at once, method 'paper' with their sheet and line, and
// a notice (with the withdraw link) queued to each signer who gave an email. A signer without one gets no email.
import type { Db } from '../platform/db/connect.js';
import type { MessageKey } from '../platform/i18n/message-key.js';
import type { Params } from '../platform/i18n/translator.js';
import { normalizeEmail } from '../platform/normalize-email.js';
import { townForPostalCode } from '../platform/zip-towns.js';
import { isSignable, type Petition } from '../petitions/petition.js';
import { readCsvWithColumns, type CsvTable } from '../targets/import/csv-table.js';
import { LIMITS, parseSignForm } from './sign-form.js';
import { ChangedMeanwhile, storeInPerson, type InPersonDeps, type InPersonRow } from './in-person-signatures.js';

export const PAPER_COLUMNS = ['sheet', 'line', 'name', 'postal_code'] as const;
export const MAX_PAPER_ROWS = 5000;
export const MAX_SHEET = 1_000_000;
/** A printed sheet has ten lines; a sheet of another print may have more, never this many. */
export const MAX_SHEET_LINE = 50;
/** The report lists this many problems, then how many more there are. */
export const MAX_PAPER_PROBLEMS = 200;

/** One problem of the file: where (the file's line, when a row), and what, as a catalog message. */
export interface PaperProblem {
  line?: number;
  key: MessageKey;
  params?: Params;
}

export interface PaperRow {
  line: number;
  sheet: number;
  sheetLine: number;
  name: string;
  postalCode: string;
  town: string | null;
  email: string | null;
  comment: string | null;
  locale: string;
}

export type PaperCheck = { ok: true; rows: PaperRow[] } | { ok: false; problems: PaperProblem[] };

/** The email of a row without one: unique per sheet line, never an address (no @), never mailed. */
function noEmailKey(petitionId: number, sheet: number, line: number): string {
  return `paper:${petitionId}:${sheet}:${line}`;
}

function wholeNumber(text: string, max: number): number | undefined {
  if (!/^\d{1,7}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 1 && n <= max ? n : undefined;
}

/** The columns a typed row may fill, in the file's names. */
export const TYPED_COLUMNS = ['sheet', 'line', 'name', 'postal_code', 'email', 'language'] as const;
export type TypedRow = { row: number } & Record<(typeof TYPED_COLUMNS)[number], string>;

/** Rows typed on the data-entry page, in a file's shape: each row's `line` is its place on the page. */
export function typedTable(rows: readonly TypedRow[]): CsvTable {
  return {
    columns: new Map(TYPED_COLUMNS.map((column, i) => [column, i])),
    rows: rows.map((r) => ({ line: r.row, cells: TYPED_COLUMNS.map((column) => r[column]) })),
  };
}

/**
 * Every row read and checked against the petition; nothing is written. `input` is a CSV file's text, or rows typed
 * on the data-entry page (typedTable), whose problems name their row on the page instead of a line of a file.
 */
export async function checkPaperSignatures(db: Db, petition: Petition, input: string | CsvTable): Promise<PaperCheck> {
  const typed = typeof input !== 'string';
  const read = typed ? { ok: true as const, table: input } : readCsvWithColumns(input, PAPER_COLUMNS);
  if (!read.ok)
    return {
      ok: false,
      problems: read.problems.map((p) => ({
        ...('line' in p.at ? { line: p.at.line } : {}),
        key: p.key,
        params: p.values ?? {},
      })),
    };
  const { columns, rows } = read.table;
  if (rows.length > MAX_PAPER_ROWS)
    return { ok: false, problems: [{ key: 'paper.problem.tooMany', params: { max: MAX_PAPER_ROWS } }] };
  const cell = (cells: readonly string[], column: string) => {
    const index = columns.get(column);
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };
  const problems: PaperProblem[] = [];
  const good: PaperRow[] = [];
  const seenLines = new Map<string, number>();
  const seenEmails = new Map<string, number>();
  for (const row of rows) {
    const at = row.line;
    const sheet = wholeNumber(cell(row.cells, 'sheet'), MAX_SHEET);
    const sheetLine = wholeNumber(cell(row.cells, 'line'), MAX_SHEET_LINE);
    if (sheet === undefined) problems.push({ line: at, key: 'paper.problem.sheet', params: { max: MAX_SHEET } });
    if (sheetLine === undefined)
      problems.push({ line: at, key: 'paper.problem.sheetLine', params: { max: MAX_SHEET_LINE } });
    const email = cell(row.cells, 'email');
    const form = parseSignForm(
      {
        name: cell(row.cells, 'name'),
        // A paper signer may give no email: the form's other rules are checked with a stand-in.
        email: email === '' ? 'no-email@example.org' : email,
        postal_code: cell(row.cells, 'postal_code'),
        comment: cell(row.cells, 'comment'),
        name_display: 'hidden',
        website: '',
      },
      petition.country,
    );
    if (!form.ok)
      for (const [field, key] of Object.entries(form.errors))
        // A length message names its field's limit, as the form does.
        problems.push({ line: at, key, params: { max: LIMITS[field as keyof typeof LIMITS] ?? LIMITS.name } });
    const language = cell(row.cells, 'language') || petition.defaultLocale;
    const locale = petition.locales.find((l) => l === language);
    if (locale === undefined)
      problems.push({ line: at, key: 'paper.problem.language', params: { languages: petition.locales.join(', ') } });
    if (sheet !== undefined && sheetLine !== undefined) {
      const key = `${sheet}:${sheetLine}`;
      const first = seenLines.get(key);
      if (first !== undefined)
        problems.push({
          line: at,
          key: typed ? 'paper.problem.sameLineTyped' : 'paper.problem.sameLine',
          params: { first },
        });
      else seenLines.set(key, at);
    }
    const normalized = email === '' ? null : normalizeEmail(email);
    if (normalized !== null && form.ok) {
      const first = seenEmails.get(normalized);
      if (first !== undefined)
        problems.push({
          line: at,
          key: typed ? 'paper.problem.sameEmailTyped' : 'paper.problem.sameEmail',
          params: { first },
        });
      else seenEmails.set(normalized, at);
    }
    if (form.ok && sheet !== undefined && sheetLine !== undefined && locale !== undefined)
      good.push({
        line: at,
        sheet,
        sheetLine,
        name: form.form.name,
        postalCode: form.form.postal_code,
        town: townForPostalCode(petition.country, form.form.postal_code) ?? null,
        email: email === '' ? null : form.form.email,
        comment: form.form.comment === '' ? null : form.form.comment,
        locale,
      });
  }
  // Against what is stored: an address that signed (online or on paper), a sheet line already entered.
  const keys = good.map((r) =>
    r.email === null ? noEmailKey(petition.id, r.sheet, r.sheetLine) : normalizeEmail(r.email),
  );
  const lines = good.map((r) => `${r.sheet}:${r.sheetLine}`);
  const stored = new Map<string, number>();
  const storedLines = new Map<string, number>();
  for (let i = 0; i < good.length; i += 500) {
    const found = await db
      .selectFrom('signatures')
      .select(['id', 'email_normalized'])
      .where('petition_id', '=', petition.id)
      .where('email_normalized', 'in', keys.slice(i, i + 500))
      .execute();
    for (const f of found) stored.set(f.email_normalized, f.id);
  }
  const sheets = [...new Set(good.map((r) => r.sheet))];
  for (let i = 0; i < sheets.length; i += 500) {
    const found = await db
      .selectFrom('signatures')
      .select(['id', 'sheet', 'sheet_line'])
      .where('petition_id', '=', petition.id)
      .where('method', '=', 'paper')
      .where('sheet', 'in', sheets.slice(i, i + 500))
      .execute();
    for (const f of found) storedLines.set(`${f.sheet}:${f.sheet_line}`, f.id);
  }
  good.forEach((row, i) => {
    const lineId = storedLines.get(lines[i] ?? '');
    if (lineId !== undefined)
      problems.push({ line: row.line, key: 'paper.problem.lineEntered', params: { id: lineId } });
    else if (row.email !== null && stored.has(keys[i] ?? ''))
      problems.push({
        line: row.line,
        key: 'paper.problem.alreadySigned',
        params: { id: stored.get(keys[i] ?? '') ?? 0 },
      });
  });
  if (problems.length > 0) {
    // A file wrong on every line (the wrong columns, another export) must not make a report as long as itself.
    const sorted = problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    const shown = sorted.slice(0, MAX_PAPER_PROBLEMS);
    if (sorted.length > shown.length)
      shown.push({ key: 'paper.problem.more', params: { count: sorted.length - shown.length } });
    return { ok: false, problems: shown };
  }
  return { ok: true, rows: good };
}

export type PaperDeps = InPersonDeps;

export type PaperImport =
  | { kind: 'imported'; count: number; emailed: number; sheets: number }
  | { kind: 'invalid'; problems: PaperProblem[] }
  | { kind: 'closed' };

/** Checks the file (or the typed rows) and, when every row is good, stores them all at once (and only then). */
export async function importPaperSignatures(
  deps: PaperDeps,
  petition: Petition,
  input: string | CsvTable,
  actorId: number | null,
): Promise<PaperImport> {
  if (!isSignable(petition, deps.now())) return { kind: 'closed' };
  const checked = await checkPaperSignatures(deps.db, petition, input);
  if (!checked.ok) return { kind: 'invalid', problems: checked.problems };
  const rows: InPersonRow[] = checked.rows.map((r) => ({
    name: r.name,
    postalCode: r.postalCode,
    email: r.email,
    comment: r.comment,
    locale: r.locale,
    method: 'paper',
    sheet: r.sheet,
    sheetLine: r.sheetLine,
    noEmailKey: noEmailKey(petition.id, r.sheet, r.sheetLine),
  }));
  const sheets = new Set(checked.rows.map((r) => r.sheet)).size;
  try {
    const stored = await storeInPerson(deps, petition, rows, {
      actorId,
      action: 'signatures.paper_import',
      details: { count: rows.length, sheets, via: typeof input === 'string' ? 'file' : 'typed' },
    });
    return { kind: 'imported', count: stored.ids.length, emailed: stored.emailed, sheets };
  } catch (err) {
    if (!(err instanceof ChangedMeanwhile)) throw err;
    return { kind: 'invalid', problems: [{ key: 'paper.problem.changedMeanwhile' }] };
  }
}

export { countByMethod, type MethodCounts } from './in-person-signatures.js';
