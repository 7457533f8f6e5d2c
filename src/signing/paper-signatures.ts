// Signatures gathered on paper, entered from a CSV file (`firma import signatures`, or the upload on the petition's
// paper page): each row is one line of a numbered signature sheet. Every row is checked as the sign form checks a
// signature (name, ZIP code, email when given, comment), and against the file and the petition (a line entered
// twice, an address that already signed); the report names every bad row, and nothing is stored until every row is
// good. Then all rows are stored in one transaction: counted at once, method 'paper' with their sheet and line, and
// a notice (with the withdraw link) queued to each signer who gave an email. A signer without one gets no email.
import type { Db } from '../platform/db/connect.js';
import type { EventEmitter } from '../platform/events.js';
import type { MessageKey } from '../platform/i18n/message-key.js';
import type { Params } from '../platform/i18n/translator.js';
import { normalizeEmail } from '../platform/normalize-email.js';
import { enqueueMails } from '../platform/outbox/outbox-store.js';
import { recordAudit } from '../platform/audit/audit-store.js';
import { newTokenSalt, signerToken, tokenHash } from '../platform/tokens/signer-token.js';
import { townForPostalCode } from '../platform/zip-towns.js';
import { isSignable, type Petition } from '../petitions/petition.js';
import { readCsvWithColumns, type CsvTable } from '../targets/import/csv-table.js';
import type { SigningEvents } from './events.js';
import { LIMITS, parseSignForm } from './sign-form.js';
import { addToCount } from './signature-counts.js';
import { districtRow, emailDomain } from './signature-store.js';
import type { SignerMatcher } from '../targets/match-signer.js';

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

export interface PaperDeps {
  db: Db;
  now: () => Date;
  secret: string;
  events: EventEmitter<SigningEvents>;
  /** For a petition to each signer's legislators: each row's districts, by its ZIP code as the form does. */
  signerMatcher: SignerMatcher;
}

export type PaperImport =
  | { kind: 'imported'; count: number; emailed: number; sheets: number }
  | { kind: 'invalid'; problems: PaperProblem[] }
  | { kind: 'closed' };

class ChangedMeanwhile extends Error {}

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
  const now = deps.now().toISOString();
  // A petition to each signer's legislators: each paper signer is matched by ZIP code (a split ZIP stays split).
  const districts = await Promise.all(
    checked.rows.map((r) =>
      petition.seatTargets.length === 0
        ? []
        : deps.signerMatcher.match(petition.seatTargets, { postalCode: r.postalCode, country: petition.country }),
    ),
  );
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const values = checked.rows.map((r) => {
        const salt = r.email === null ? null : newTokenSalt();
        return {
          petition_id: petition.id,
          locale: r.locale,
          name: r.name,
          email: r.email ?? '',
          email_normalized: r.email === null ? noEmailKey(petition.id, r.sheet, r.sheetLine) : normalizeEmail(r.email),
          postal_code: r.postalCode,
          town: r.town,
          comment: r.comment,
          name_display: 'hidden',
          opt_in: 0,
          // Not 'paper': that is the source of those who scanned a sheet's QR code and signed online.
          source: 'sheets',
          status: 'confirmed',
          ip_hash: null,
          email_domain: r.email === null ? null : emailDomain(r.email),
          created_at: now,
          confirmed_at: now,
          token_salt: salt,
          token_hash: salt === null ? null : tokenHash(signerToken(deps.secret, salt)),
          method: 'paper',
          sheet: r.sheet,
          sheet_line: r.sheetLine,
        };
      });
      const ids: number[] = [];
      for (let i = 0; i < values.length; i += 500) {
        const inserted = await trx
          .insertInto('signatures')
          .values(values.slice(i, i + 500))
          .onConflict((oc) => oc.columns(['petition_id', 'email_normalized']).doNothing())
          .returning('id')
          .execute();
        ids.push(...inserted.map((r) => r.id));
      }
      // Someone signed online with one of these addresses since the check: all or nothing.
      if (ids.length !== values.length) throw new ChangedMeanwhile();
      await addToCount(trx, petition.id, ids.length, 0);
      const districtRows = ids.flatMap((id, i) =>
        (districts[i] ?? []).map((m) => districtRow(id, petition.id, m, now)),
      );
      for (let i = 0; i < districtRows.length; i += 1000)
        await trx
          .insertInto('signature_districts')
          .values(districtRows.slice(i, i + 1000))
          .execute();
      const mails = checked.rows.flatMap((r, i) =>
        r.email === null
          ? []
          : [
              {
                kind: 'paper_notice' as const,
                petitionId: petition.id,
                signatureId: ids[i] ?? null,
                recipient: null,
                locale: r.locale,
                now,
              },
            ],
      );
      await enqueueMails(trx, mails);
      await deps.events.emit('signatures.counted', { petitionId: petition.id, signatureIds: ids, now }, trx);
      const sheets = new Set(checked.rows.map((r) => r.sheet)).size;
      await recordAudit(trx, {
        actorId,
        action: 'signatures.paper_import',
        petitionId: petition.id,
        details: {
          count: ids.length,
          sheets,
          emailed: mails.length,
          via: typeof input === 'string' ? 'file' : 'typed',
        },
        now: deps.now(),
      });
      return { kind: 'imported' as const, count: ids.length, emailed: mails.length, sheets };
    });
  } catch (err) {
    if (!(err instanceof ChangedMeanwhile)) throw err;
    return { kind: 'invalid', problems: [{ key: 'paper.problem.changedMeanwhile' }] };
  }
}

export interface MethodCounts {
  online: number;
  paper: number;
}

/** Confirmed signatures by how they were gathered. */
export async function countByMethod(db: Db, petitionId: number): Promise<MethodCounts> {
  const rows = await db
    .selectFrom('signatures')
    .select(['method', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('petition_id', '=', petitionId)
    .where('status', '=', 'confirmed')
    .groupBy('method')
    .execute();
  const counts = { online: 0, paper: 0 };
  for (const r of rows)
    if (r.method === 'paper') counts.paper += Number(r.n);
    else counts.online += Number(r.n);
  return counts;
}
