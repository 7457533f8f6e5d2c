// Moderator pages: the queue (/moderate), one petition's panel, decisions about petitions, and reports.
import { moderatePicture } from '../../petitions/petition-picture.js';
import { pictureView } from '../views/petition-picture.js';
import { Hono, type Context } from 'hono';
import { currentUser, notFound } from '../middleware/require-user.js';
import type { Deps } from '../../deps.js';
import type { MessageKey } from '../../platform/i18n/message-key.js';
import { findPetitionById } from '../../petitions/petition-store.js';
import type { AppEnv } from '../env.js';
import type { Errors } from '../views/form-parts.js';
import { handleReport, type ReportAction } from '../../moderation/handle-report.js';
import { parseDecisionForm } from '../../moderation/decision-form.js';
import { listReasons, reasonLabel } from '../../moderation/reasons-store.js';
import { postedPage, queuePaging } from '../../moderation/queue-paging.js';
import {
  countReportedPetitions,
  findReport,
  listOpenReports,
  listReportedPetitionIds,
  type OpenReport,
} from '../../moderation/reports-store.js';
import { decide, DECISIONS, type Decision } from '../../moderation/review-petition.js';
import {
  countAwaitingReview,
  findQueuedPetitions,
  listAwaitingReview,
  type QueuedPetition,
} from '../../moderation/review-store.js';
import { fieldPrefix, type BackTo } from './views/decision-forms.js';
import { PanelPage } from './views/panel-page.js';
import { QUEUE_VIEWS, QueuePage, queueHref, type QueueView } from './views/queue-page.js';

const NOTICES = {
  approve: 'moderation.done.approve',
  'approve-erased': 'moderation.done.approveErased',
  reject: 'moderation.done.reject',
  hide: 'moderation.done.hide',
  restore: 'moderation.done.restore',
  dismiss: 'moderation.done.dismiss',
  resolve: 'moderation.done.resolve',
  'remove-comment': 'moderation.done.removeComment',
  'hide-response': 'moderation.done.hideResponse',
  'picture-hide': 'moderation.done.pictureHide',
  'picture-show': 'moderation.done.pictureShow',
  unchanged: 'moderation.done.unchanged',
} as const satisfies Record<string, MessageKey>;

const ID = /^\d{1,9}$/;

const REPORT_ACTIONS: readonly string[] = [
  'dismiss',
  'resolve',
  'remove-comment',
  'hide-response',
] satisfies ReportAction[];
const isReportAction = (action: string): action is ReportAction => REPORT_ACTIONS.includes(action);

function noticeOf(c: Context<AppEnv>): string | undefined {
  const key = c.req.query('done');
  return key !== undefined && key in NOTICES ? c.var.t.t(NOTICES[key as keyof typeof NOTICES]) : undefined; // checked with `in` just before
}

function backOf(body: Record<string, unknown>): BackTo {
  const back = body['back'];
  return back === 'panel' || (QUEUE_VIEWS as readonly unknown[]).includes(back) ? (back as BackTo) : 'new'; // one of BackTo's values, checked above
}

function redirectBack(c: Context<AppEnv>, back: BackTo, page: number, petitionId: number, done: keyof typeof NOTICES) {
  const path = back === 'panel' ? `/moderate/petitions/${petitionId}` : queueHref(back, page);
  return c.redirect(`${path}${path.includes('?') ? '&' : '?'}done=${done}`, 303);
}

function groupByPetition(reports: OpenReport[]): Map<number, OpenReport[]> {
  const grouped = new Map<number, OpenReport[]>();
  for (const r of reports) grouped.set(r.petitionId, [...(grouped.get(r.petitionId) ?? []), r]);
  return grouped;
}

export function moderationRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const html = async (c: Context<AppEnv>, page: { toString(): string | Promise<string> }, status: 200 | 422 = 200) => {
    c.header('Cache-Control', 'no-store');
    return c.html(`<!doctype html>${await page.toString()}`, status);
  };

  app.get('/', async (c) => {
    const requested = c.req.query('view');
    const view: QueueView = (QUEUE_VIEWS as readonly (string | undefined)[]).includes(requested)
      ? (requested as QueueView)
      : 'new'; // checked just before
    const settings = await deps.settings.current();
    const overdueBefore = new Date(deps.now().getTime() - settings.reviewDeadlineHours * 3600_000).toISOString();
    const [waiting, overdue, reported, reasons] = await Promise.all([
      countAwaitingReview(deps.db),
      countAwaitingReview(deps.db, overdueBefore),
      countReportedPetitions(deps.db),
      listReasons(deps.db),
    ]);
    const counts = { new: waiting, reported, overdue };
    const paging = queuePaging(c.req.query('page'), counts[view]);
    const page = { limit: paging.size, offset: paging.offset };
    let petitions: QueuedPetition[];
    let reports = new Map<number, OpenReport[]>();
    if (view === 'reported') {
      const ids = await listReportedPetitionIds(deps.db, page);
      reports = groupByPetition(await listOpenReports(deps.db, { petitionIds: ids }));
      const found = new Map((await findQueuedPetitions(deps.db, ids)).map((p) => [p.id, p]));
      petitions = ids.flatMap((id) => found.get(id) ?? []);
    } else {
      petitions = await listAwaitingReview(deps.db, {
        ...page,
        ...(view === 'overdue' ? { submittedBefore: overdueBefore } : {}),
      });
    }
    return html(
      c,
      <QueuePage
        t={c.var.t}
        user={currentUser(c)}
        now={deps.now()}
        view={view}
        counts={counts}
        deadlineHours={settings.reviewDeadlineHours}
        petitions={petitions}
        reports={reports}
        reasons={reasons.filter((r) => r.active)}
        paging={paging}
        notice={noticeOf(c)}
      />,
    );
  });

  async function panel(
    c: Context<AppEnv>,
    petitionId: number,
    form: { values: Record<string, string>; errors: Errors } = { values: {}, errors: {} },
  ) {
    const [queued] = await findQueuedPetitions(deps.db, [petitionId]);
    const petition = await findPetitionById(deps.db, petitionId);
    if (queued === undefined || petition === undefined || petition.status === 'draft') return notFound(c);
    const [reasons, reports] = await Promise.all([listReasons(deps.db), listOpenReports(deps.db, { petitionId })]);
    const { locale } = c.var;
    const page = (
      <PanelPage
        t={c.var.t}
        user={currentUser(c)}
        now={deps.now()}
        petition={queued}
        lastReview={
          petition.reviewReason === null && petition.reviewNote === null
            ? null
            : { reason: reasonLabel(reasons, petition.reviewReason, locale), note: petition.reviewNote }
        }
        hidden={
          petition.hiddenAt === null
            ? null
            : { reason: reasonLabel(reasons, petition.hiddenReason, locale), note: petition.hiddenNote }
        }
        reports={reports}
        reasons={reasons.filter((r) => r.active)}
        values={form.values}
        errors={form.errors}
        notice={noticeOf(c)}
        picture={
          petition.picture === null
            ? undefined
            : { ...pictureView(petition, petition.picture, locale), hidden: petition.picture.hidden }
        }
      />
    );
    return html(c, page, Object.keys(form.errors).length > 0 ? 422 : 200);
  }

  app.post('/petitions/:id/picture/:action{hide|show}', async (c) => {
    const id = c.req.param('id');
    const petition = ID.test(id) ? await findPetitionById(deps.db, Number(id)) : undefined;
    if (petition === undefined || petition.picture === null) return notFound(c);
    const hide = c.req.param('action') === 'hide';
    const changed = await moderatePicture(deps, petition, hide, currentUser(c).id);
    return redirectBack(c, 'panel', 1, petition.id, !changed ? 'unchanged' : hide ? 'picture-hide' : 'picture-show');
  });

  app.get('/petitions/:id', async (c) => {
    const id = c.req.param('id');
    return ID.test(id) ? panel(c, Number(id)) : notFound(c);
  });

  app.post('/petitions/:id/:decision', async (c) => {
    const id = c.req.param('id');
    const decision = c.req.param('decision');
    if (!ID.test(id) || !(DECISIONS as readonly string[]).includes(decision)) return notFound(c);
    const petitionId = Number(id);
    const petition = await findPetitionById(deps.db, petitionId);
    if (petition === undefined || petition.status === 'draft') return notFound(c);
    const body = await c.req.parseBody();
    const reasons = await listReasons(deps.db);
    const chosen = decision as Decision; // one of DECISIONS, checked above
    const form = parseDecisionForm(
      chosen,
      body,
      reasons,
      chosen === 'reject' || chosen === 'hide' ? fieldPrefix(chosen, petitionId) : chosen,
    );
    if (!form.ok) return panel(c, petitionId, form);
    const result = await decide(deps, petitionId, form.input, currentUser(c), reasons);
    return redirectBack(
      c,
      backOf(body),
      postedPage(body['page']),
      petitionId,
      result.kind === 'unchanged' ? 'unchanged' : result.erased ? 'approve-erased' : chosen,
    );
  });

  app.post('/reports/:id/:action{dismiss|resolve|remove-comment|hide-response}', async (c) => {
    const id = c.req.param('id');
    const action = c.req.param('action');
    const report = ID.test(id) ? await findReport(deps.db, Number(id)) : undefined;
    if (report === undefined || !isReportAction(action)) return notFound(c);
    const body = await c.req.parseBody();
    const done = await handleReport(deps, currentUser(c), report, action);
    return redirectBack(c, backOf(body), postedPage(body['page']), report.petitionId, done ? action : 'unchanged');
  });

  return app;
}
