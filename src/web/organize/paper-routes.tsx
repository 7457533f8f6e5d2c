// /organize/:id/paper: signatures gathered on paper. A CSV upload is checked and its problems listed (nothing is
// entered); a file whose rows are all good is shown back with a button that enters them, in one transaction.
// /organize/:id/paper/enter: the same, typed by a volunteer one sheet at a time. Both need the 'paper' power (the
// petition's organizers, and the team's data entry).
import { Hono, type Context } from 'hono';
import type { Deps } from '../../deps.js';
import { previewHrefFor } from '../../moderation/not-public.js';
import { textFor } from '../../petitions/petition.js';
import type { AppEnv } from '../env.js';
import { currentUser, managedPetition, notFound, type ManagedPetition } from '../middleware/require-user.js';
import { formText, readFormBody } from '../read-form-body.js';
import { describeProblem } from '../../signing/paper-command.js';
import {
  checkPaperSignatures,
  countByMethod,
  importPaperSignatures,
  MAX_PAPER_ROWS,
  MAX_SHEET,
  typedTable,
  type PaperProblem,
  type TypedRow,
} from '../../signing/paper-signatures.js';
import { LINES_PER_SHEET } from '../../delivery/signature-sheets.js';
import { PaperPage, type PaperPageProps } from './views/paper-page.js';
import { petitionPageBase, sendPage } from './petition-page.js';
import { PaperEntryPage, type EntryRow } from './views/paper-entry-page.js';

/** A file of 5,000 rows with long names and comments (sent back raw, as multipart, when accepted), and room around it. */
export const MAX_PAPER_UPLOAD_BYTES = 4 * 1024 * 1024;

export function paperRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  async function page(
    c: Context<AppEnv>,
    petition: ManagedPetition,
    extra: Partial<PaperPageProps>,
    status: 200 | 422 = 200,
  ) {
    const view = (
      <PaperPage
        t={c.var.t}
        petitionId={petition.id}
        role={petition.role}
        slug={petition.slug}
        previewHref={previewHrefFor(petition, c.var.locale)}
        title={textFor(petition, c.var.locale).title}
        paperCount={(await countByMethod(deps.db, petition.id)).paper}
        maxRows={MAX_PAPER_ROWS}
        {...extra}
      />
    );
    c.header('Cache-Control', 'no-store');
    return c.html(`<!doctype html>${await view.toString()}`, status);
  }
  const sentences = (c: Context<AppEnv>, problems: PaperProblem[]) => problems.map((p) => describeProblem(c.var.t, p));

  app.get('/:id{[0-9]+}/paper', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'paper');
    if (petition === undefined) return notFound(c);
    const entered = c.req.query('entered');
    const notice =
      entered === undefined
        ? undefined
        : c.var.t.t('paper.imported', {
            count: Number(entered) || 0,
            sheets: Number(c.req.query('sheets')) || 0,
            emailed: Number(c.req.query('emailed')) || 0,
          });
    return page(c, petition, { notice });
  });

  // Checking: the file's rows are read and checked against the petition; nothing is written.
  app.post('/:id{[0-9]+}/paper', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'paper');
    if (petition === undefined) return notFound(c);
    const read = await readFormBody(c);
    if (!read.ok) return read.response;
    const file = read.body['csv'];
    const text = file instanceof File && file.size > 0 ? await file.text() : undefined;
    if (text === undefined) return page(c, petition, { noFile: true }, 422);
    const checked = await checkPaperSignatures(deps.db, petition, text);
    if (!checked.ok) return page(c, petition, { problems: sentences(c, checked.problems) }, 422);
    const sheets = new Set(checked.rows.map((r) => r.sheet)).size;
    return page(c, petition, { ready: { text, count: checked.rows.length, sheets } });
  });

  // Accepting: checked again (the petition may have changed since), then entered all at once.
  app.post('/:id{[0-9]+}/paper/accept', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'paper');
    if (petition === undefined) return notFound(c);
    const read = await readFormBody(c);
    if (!read.ok) return read.response;
    const text = read.body['csv'];
    if (typeof text !== 'string' || text === '') return page(c, petition, { noFile: true }, 422);
    const outcome = await importPaperSignatures(deps, petition, text, currentUser(c).id);
    if (outcome.kind === 'closed') return page(c, petition, { problems: [c.var.t.t('paper.closed')] }, 422);
    if (outcome.kind === 'invalid') return page(c, petition, { problems: sentences(c, outcome.problems) }, 422);
    deps.responses.clear();
    const done = new URLSearchParams({
      entered: String(outcome.count),
      sheets: String(outcome.sheets),
      emailed: String(outcome.emailed),
    });
    return c.redirect(`/organize/${petition.id}/paper?${done.toString()}`, 303);
  });

  const emptyRows = (locale: string): EntryRow[] =>
    Array.from({ length: LINES_PER_SHEET }, () => ({ name: '', postal_code: '', email: '', language: locale }));

  async function entryPage(
    c: Context<AppEnv>,
    petition: ManagedPetition,
    form: { sheet: string; rows: EntryRow[] },
    problems: Map<number | 'sheet', string[]>,
    notice: string | undefined,
    status: 200 | 422,
  ) {
    const view = (
      <PaperEntryPage
        {...petitionPageBase(c, petition)}
        locales={[petition.defaultLocale, ...petition.locales.filter((l) => l !== petition.defaultLocale)]}
        paperCount={(await countByMethod(deps.db, petition.id)).paper}
        sheet={form.sheet}
        rows={form.rows}
        problems={problems}
        notice={notice}
      />
    );
    return sendPage(c, view, status);
  }

  app.get('/:id{[0-9]+}/paper/enter', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'paper');
    if (petition === undefined) return notFound(c);
    // After a sheet went in: say so, and offer the next sheet's number.
    const entered = Number(c.req.query('entered'));
    const sheet = Number(c.req.query('sheet'));
    const done = Number.isInteger(entered) && entered > 0 && Number.isInteger(sheet) && sheet >= 1 && sheet < MAX_SHEET;
    const notice = done ? c.var.t.t('paperEntry.entered', { count: entered, sheet }) : undefined;
    return entryPage(
      c,
      petition,
      { sheet: done ? String(sheet + 1) : '', rows: emptyRows(petition.defaultLocale) },
      new Map(),
      notice,
      200,
    );
  });

  app.post('/:id{[0-9]+}/paper/enter', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'paper');
    if (petition === undefined) return notFound(c);
    const read = await readFormBody(c);
    if (!read.ok) return read.response;
    const text = formText(read.body, 1000);
    const sheet = text('sheet').trim();
    const rows: EntryRow[] = Array.from({ length: LINES_PER_SHEET }, (_, i) => ({
      name: text(`name_${i + 1}`),
      postal_code: text(`postal_code_${i + 1}`),
      email: text(`email_${i + 1}`),
      language: text(`language_${i + 1}`) || petition.defaultLocale,
    }));
    // A line left empty on the sheet is left empty here: only rows with something typed are entered.
    const typed: TypedRow[] = rows.flatMap((row, i) =>
      row.name.trim() === '' && row.postal_code.trim() === '' && row.email.trim() === ''
        ? []
        : [{ row: i + 1, sheet, line: String(i + 1), ...row }],
    );
    const problems = new Map<number | 'sheet', string[]>();
    const add = (at: number | 'sheet', sentence: string) => problems.set(at, [...(problems.get(at) ?? []), sentence]);
    if (typed.length === 0) {
      add(0, c.var.t.t('paperEntry.nothingTyped'));
      return entryPage(c, petition, { sheet, rows }, problems, undefined, 422);
    }
    const outcome = await importPaperSignatures(deps, petition, typedTable(typed), currentUser(c).id);
    if (outcome.kind === 'imported') {
      deps.responses.clear();
      const done = new URLSearchParams({ entered: String(outcome.count), sheet });
      return c.redirect(`/organize/${petition.id}/paper/enter?${done.toString()}`, 303);
    }
    if (outcome.kind === 'closed') add(0, c.var.t.t('paper.closed'));
    else
      for (const problem of outcome.problems) {
        const sentence = c.var.t.t(problem.key, problem.params);
        // The sheet number is one field: its problem is said once, beside it, not on every row.
        if (problem.key === 'paper.problem.sheet') {
          if (!problems.has('sheet')) add('sheet', sentence);
        } else add(problem.line ?? 0, sentence);
      }
    return entryPage(c, petition, { sheet, rows }, problems, undefined, 422);
  });

  return app;
}
