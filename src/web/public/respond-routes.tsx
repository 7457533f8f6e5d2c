// A legislator answers a petition through the single-use link they were emailed: the form (their text, in the
// language they choose among the petition's), then a page saying it is on the petition page. A used, expired or
// unknown link gets a page saying so (410 or 404), never the form.
import { Hono, type Context } from 'hono';
import type { Deps } from '../../deps.js';
import { isVisible, petitionUrl, textFor, type Petition } from '../../petitions/petition.js';
import { forgetPublicPages } from '../../petitions/petition-directory.js';
import { localeRoutePattern } from '../../platform/i18n/languages.js';
import { answerWithLink, parseResponseText, responseLinkState } from '../../targets/respond.js';
import type { AppEnv } from '../env.js';
import { readFormBody } from '../read-form-body.js';
import { renderStatusPage } from '../views/status-page.js';
import type { Errors } from '../views/form-parts.js';
import { RespondPage } from './views/respond-page.js';

export function respondRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const LANG = localeRoutePattern();
  const path = `/:locale{${LANG}}/p/:slug/respond/:token`;

  async function refused(c: Context<AppEnv>, kind: 'used' | 'expired' | 'not_found') {
    if (kind === 'not_found') return renderStatusPage(c, 404, 'page.notFound.title', 'page.notFound.body');
    return renderStatusPage(c, 410, `responses.link.${kind}.title`, `responses.link.${kind}.body`);
  }

  async function form(
    c: Context<AppEnv>,
    petition: Petition,
    person: { name: string; chamber: 'upper' | 'lower'; district: string },
    values: Record<string, string>,
    errors: Errors,
    status: 200 | 422,
  ) {
    const { t, locale } = c.var;
    const page = (
      <RespondPage
        t={t}
        path={c.req.path}
        title={textFor(petition, locale).title}
        petitionUrl={petitionUrl(deps.config.baseUrl, locale, petition.slug)}
        person={person}
        locales={petition.locales}
        values={values}
        errors={errors}
      />
    );
    c.header('Cache-Control', 'no-store');
    // The link is a credential: never sent on to another site.
    c.header('Referrer-Policy', 'no-referrer');
    return c.html(`<!doctype html>${await page.toString()}`, status);
  }

  const visible = async (slug: string) => {
    const petition = await deps.petitions.bySlug(slug);
    return petition === undefined || !isVisible(petition) ? undefined : petition;
  };

  app.get(path, async (c) => {
    const petition = await visible(c.req.param('slug') ?? '');
    if (petition === undefined) return refused(c, 'not_found');
    const state = await responseLinkState(deps, petition.id, c.req.param('token') ?? '');
    if (state.kind !== 'open') return refused(c, state.kind);
    return form(c, petition, state.person, { locale: c.var.locale }, {}, 200);
  });

  app.post(path, async (c) => {
    const petition = await visible(c.req.param('slug') ?? '');
    if (petition === undefined) return refused(c, 'not_found');
    const token = c.req.param('token') ?? '';
    const state = await responseLinkState(deps, petition.id, token);
    if (state.kind !== 'open') return refused(c, state.kind);
    const read = await readFormBody(c);
    if (!read.ok) return read.response;
    const body = typeof read.body['body'] === 'string' ? read.body['body'].slice(0, 20_000) : '';
    const locale = typeof read.body['locale'] === 'string' ? read.body['locale'] : '';
    const errors: Errors = {};
    const text = parseResponseText(body);
    if (!text.ok) errors['body'] = text.error;
    if (!petition.locales.includes(locale)) errors['locale'] = 'responses.error.language';
    if (!text.ok || errors['locale'] !== undefined)
      return form(c, petition, state.person, { body, locale }, errors, 422);
    const saved = await answerWithLink(deps, { petitionId: petition.id, token, locale, body: text.body });
    if (saved !== 'saved') return refused(c, saved === 'open' ? 'used' : saved);
    forgetPublicPages(deps);
    return c.redirect(`/${c.var.locale}/p/${petition.slug}#responses-heading`, 303);
  });

  return app;
}
