// /organize/:id/paper: signatures gathered on paper. A CSV upload is checked and its problems listed (nothing is
// entered); a file whose rows are all good is shown back with a button that enters them, in one transaction.
import { Hono, type Context } from 'hono';
import type { Deps } from '../../deps.js';
import { previewHrefFor } from '../../moderation/not-public.js';
import { textFor, type Petition } from '../../petitions/petition.js';
import type { AppEnv } from '../env.js';
import { currentUser, managedPetition, notFound } from '../middleware/require-user.js';
import { readFormBody } from '../read-form-body.js';
import { describeProblem } from '../../signing/paper-command.js';
import {
  checkPaperSignatures,
  countByMethod,
  importPaperSignatures,
  MAX_PAPER_ROWS,
  type PaperProblem,
} from '../../signing/paper-signatures.js';
import { PaperPage, type PaperPageProps } from './views/paper-page.js';

/** A file of 5,000 rows with long names and comments (sent back raw, as multipart, when accepted), and room around it. */
export const MAX_PAPER_UPLOAD_BYTES = 4 * 1024 * 1024;

export function paperRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  async function page(c: Context<AppEnv>, petition: Petition, extra: Partial<PaperPageProps>, status: 200 | 422 = 200) {
    const view = (
      <PaperPage
        t={c.var.t}
        petitionId={petition.id}
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
    const petition = await managedPetition(c, deps, c.req.param('id'));
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
    const petition = await managedPetition(c, deps, c.req.param('id'));
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
    const petition = await managedPetition(c, deps, c.req.param('id'));
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

  return app;
}
