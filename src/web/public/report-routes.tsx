// Reports from anyone: about a public petition, one public comment on it, or one legislator's response shown on it;
// limited per client address.
import { Hono, type Context } from 'hono';
import type { Deps } from '../../deps.js';
import { isVisible, textFor, type Petition } from '../../petitions/petition.js';
import { clientAddress } from '../../platform/http/client-address.js';
import type { AppEnv } from '../env.js';
import type { Errors } from '../views/form-parts.js';
import { renderStatusPage } from '../views/status-page.js';
import { parseReportForm } from '../../moderation/report-form.js';
import { findPublicComment } from '../../signing/signature-store.js';
import { countReportsFrom, insertReport } from '../../moderation/reports-store.js';
import { ReportPage, ReportThanksPage, type ReportedText } from './views/report-pages.js';
import { findResponses } from '../../targets/responses-store.js';
import { localeRoutePattern } from '../../platform/i18n/languages.js';

/** A row id as a URL gives it: at most 9 digits, within every engine's integer range. */
const ROW_ID = /^\d{1,9}$/;

interface Reported {
  petition: Petition;
  signatureId: number | null;
  responseId: number | null;
  /** The reported comment or response, quoted on the form (none for the petition itself). */
  quoted?: ReportedText;
  path: string;
}

export function reportRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const LANG = localeRoutePattern();

  /** The petition and what is reported in it; undefined when either is not public. */
  async function target(c: Context<AppEnv>): Promise<Reported | undefined> {
    const slug = c.req.param('slug') ?? '';
    const petition = await deps.petitions.bySlug(slug);
    if (petition === undefined || !isVisible(petition)) return undefined;
    const signatureParam = c.req.param('signatureId');
    const responseParam = c.req.param('responseId');
    const none = { signatureId: null, responseId: null };
    if (responseParam !== undefined) {
      if (!ROW_ID.test(responseParam)) return undefined;
      const response = (await findResponses(deps.db, [Number(responseParam)])).get(Number(responseParam));
      if (response === undefined || response.petitionId !== petition.id || response.hiddenAt !== null) return undefined;
      return {
        petition,
        ...none,
        responseId: response.id,
        quoted: { kind: 'response', text: response.body, lang: response.locale },
        path: `/p/${petition.slug}/responses/${response.id}/report`,
      };
    }
    if (signatureParam === undefined) return { petition, ...none, path: `/p/${petition.slug}/report` };
    if (!ROW_ID.test(signatureParam)) return undefined;
    const signatureId = Number(signatureParam);
    const comment = await findPublicComment(deps.db, petition.id, signatureId);
    if (comment === undefined) return undefined;
    return {
      petition,
      ...none,
      signatureId,
      quoted: { kind: 'comment', text: comment },
      path: `/p/${petition.slug}/comments/${signatureId}/report`,
    };
  }

  async function page(
    c: Context<AppEnv>,
    found: Reported,
    form: { values: Record<string, string>; errors: Errors },
    status: 200 | 422,
  ) {
    const { t, locale } = c.var;
    const view = (
      <ReportPage
        t={t}
        petitionTitle={textFor(found.petition, locale).title}
        petitionPath={`/${locale}/p/${found.petition.slug}`}
        path={found.path}
        quoted={found.quoted}
        values={form.values}
        errors={form.errors}
      />
    );
    c.header('Cache-Control', 'no-store');
    c.header('X-Robots-Tag', 'noindex');
    return c.html(`<!doctype html>${await view.toString()}`, status);
  }

  const show = async (c: Context<AppEnv>) => {
    const found = await target(c);
    if (found === undefined) return renderStatusPage(c, 404, 'page.notFound.title', 'page.notFound.body');
    return page(c, found, { values: {}, errors: {} }, 200);
  };

  const receive = async (c: Context<AppEnv>) => {
    const found = await target(c);
    if (found === undefined) return renderStatusPage(c, 404, 'page.notFound.title', 'page.notFound.body');
    const reporterHash = deps.hashAddress(clientAddress(c, deps.config.trustProxy));
    const { reportsPerAddressPerHour: limit } = await deps.settings.current();
    const now = deps.now();
    if (limit > 0 && (await countReportsFrom(deps.db, reporterHash, new Date(now.getTime() - 3600_000))) >= limit) {
      return renderStatusPage(c, 429, 'report.rateLimited.title', 'report.rateLimited.body');
    }
    const form = parseReportForm(await c.req.parseBody());
    if (!form.ok) return page(c, found, form, 422);
    await insertReport(deps.db, {
      petitionId: found.petition.id,
      signatureId: found.signatureId,
      responseId: found.responseId,
      reason: form.reason,
      details: form.details,
      locale: c.var.locale,
      reporterHash,
      now,
    });
    return c.redirect(`/${c.var.locale}/p/${found.petition.slug}/report/thanks`, 303);
  };

  for (const prefix of ['', `/:locale{${LANG}}`]) {
    app.get(`${prefix}/p/:slug/report`, show);
    app.post(`${prefix}/p/:slug/report`, receive);
    app.get(`${prefix}/p/:slug/comments/:signatureId/report`, show);
    app.post(`${prefix}/p/:slug/comments/:signatureId/report`, receive);
    app.get(`${prefix}/p/:slug/responses/:responseId/report`, show);
    app.post(`${prefix}/p/:slug/responses/:responseId/report`, receive);
  }

  app.get(`/:locale{${LANG}}/p/:slug/report/thanks`, async (c) => {
    const petition = await deps.petitions.bySlug(c.req.param('slug'));
    if (petition === undefined || !isVisible(petition))
      return renderStatusPage(c, 404, 'page.notFound.title', 'page.notFound.body');
    const { t, locale } = c.var;
    c.header('Cache-Control', 'no-store');
    const view = (
      <ReportThanksPage
        t={t}
        petitionPath={`/${locale}/p/${petition.slug}`}
        path={`/p/${petition.slug}/report/thanks`}
      />
    );
    return c.html(`<!doctype html>${await view.toString()}`);
  });

  return app;
}
