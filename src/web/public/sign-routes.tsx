// The signing routes: the form post and the thank-you page.
import { Hono, type Context } from 'hono';
import type { Deps } from '../../deps.js';
import { isVisible, textFor, type Petition } from '../../petitions/petition.js';
import { renderPetitionPage, type PetitionPageForm } from './render-petition-page.js';
import { petitionUrl } from '../../petitions/petition.js';
import { clientAddress } from '../../platform/http/client-address.js';
import type { AppEnv } from '../env.js';
import { renderStatusPage } from '../views/status-page.js';
import { readFormBody } from '../read-form-body.js';
import { signFromForm } from '../../signing/sign-from-form.js';
import { sourceCodeIn } from '../../signing/source-code.js';
import { ThanksPage } from './views/thanks-page.js';
import { localeRoutePattern } from '../../platform/i18n/languages.js';

export function signingRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const LANG = localeRoutePattern();

  async function renderWithForm(
    c: Context<AppEnv>,
    petition: Petition,
    status: 409 | 422 | 429,
    form: PetitionPageForm,
    source: string | undefined,
  ) {
    c.header('Cache-Control', 'no-store');
    return c.html(await renderPetitionPage(deps, petition, c.var.locale, { form, source }), status);
  }

  async function sign(c: Context<AppEnv>) {
    const petition = await deps.petitions.bySlug(c.req.param('slug') ?? '');
    if (petition === undefined || !isVisible(petition))
      return renderStatusPage(c, 404, 'page.notFound.title', 'page.notFound.body');
    const read = await readFormBody(c);
    if (!read.ok) return read.response;
    const source = sourceCodeIn(read.body['source']);
    const outcome = await signFromForm(deps, {
      petition,
      body: read.body,
      locale: c.var.locale,
      clientAddress: clientAddress(c, deps.config.trustProxy),
      log: c.var.log,
    });
    switch (outcome.kind) {
      case 'form':
        return renderWithForm(c, petition, outcome.status, outcome.form, source);
      case 'refused':
        return renderStatusPage(c, outcome.status, outcome.title, outcome.body);
      case 'signed':
        return c.redirect(`/${c.var.locale}/p/${petition.slug}/thanks${outcome.thanksQuery}`, 303);
    }
  }

  app.post(`/:locale{${LANG}}/p/:slug/sign`, sign);
  app.post('/p/:slug/sign', sign);

  app.get(`/:locale{${LANG}}/p/:slug/thanks`, async (c) => {
    const petition = await deps.petitions.bySlug(c.req.param('slug'));
    if (petition === undefined || !isVisible(petition))
      return renderStatusPage(c, 404, 'page.notFound.title', 'page.notFound.body');
    const { t, locale } = c.var;
    const page = (
      <ThanksPage
        t={t}
        slug={petition.slug}
        title={textFor(petition, locale).title}
        petitionUrl={petitionUrl(deps.config.baseUrl, locale, petition.slug)}
        alreadySigned={c.req.query('already') === '1'}
        checkEmail={c.req.query('confirm') === '1'}
        slowerPath={c.req.query('check') === '1'}
      />
    );
    c.header('Cache-Control', 'no-store');
    return c.html(`<!doctype html>${await page.toString()}`);
  });

  return app;
}
