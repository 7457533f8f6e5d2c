// The signing routes: the form post and the thank-you page.
import { Hono, type Context } from 'hono';
import type { Deps } from '../deps.js';
import { isVisible, textFor, type Petition } from '../petitions/petition.js';
import { petitionUrl, renderPetitionPage, type PetitionPageForm } from '../petitions/render-petition-page.js';
import { clientAddress } from '../platform/http/client-address.js';
import type { AppEnv } from '../web/env.js';
import { renderStatusPage } from '../web/views/status-page.js';
import { POW_FIELD } from '../moderation/abuse/proof-of-work.js';
import { screenSigner } from '../moderation/abuse/screen-signer.js';
import { signRefusal, SLOWER_PATH_QUERY } from '../moderation/abuse/sign-refusal.js';
import { parseSignForm, type SignFormValues } from './sign-form.js';
import { signPetition } from './sign-petition.js';
import { sourceCodeIn } from './source-code.js';
import { ThanksPage } from './views/thanks-page.js';

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * Where verification is on, a new signer and someone re-using an address both see "check your email":
 * the page never tells a stranger whether an address has signed. Without verification the signer
 * is told plainly that they had already signed.
 */
function thanksQuery(petition: Petition, kind: 'signed' | 'already_signed', confirmByEmail: boolean): string {
  // The slower path of proof of work: every signer is told to check their email, and why (where the
  // petition would not have asked for it anyway).
  if (confirmByEmail && !petition.requiresVerification) return `?confirm=1&${SLOWER_PATH_QUERY}`;
  if (petition.requiresVerification) return '?confirm=1';
  return kind === 'already_signed' ? '?already=1' : '';
}

export function signingRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

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
    const contentType = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
    if (!FORM_TYPES.includes(contentType))
      return renderStatusPage(c, 415, 'page.unsupportedType.title', 'page.unsupportedType.body');
    let body: Record<string, unknown>;
    try {
      // URL-encoded (every browser's default) parsed directly; multipart through Hono.
      body =
        contentType === 'application/x-www-form-urlencoded'
          ? Object.fromEntries(new URLSearchParams(await c.req.text()))
          : await c.req.parseBody();
    } catch (err) {
      c.var.log.info({ err: String(err) }, 'unreadable sign form');
      return renderStatusPage(c, 400, 'page.badRequest.title', 'page.badRequest.body');
    }
    const parsed = parseSignForm(body, petition.country);
    const source = sourceCodeIn(body['source']);
    if (!parsed.ok) return renderWithForm(c, petition, 422, { values: parsed.values, errors: parsed.errors }, source);
    const values: SignFormValues = { ...parsed.form, opt_in: parsed.form.opt_in ? 'yes' : '' };
    const address = clientAddress(c, deps.config.trustProxy);
    const screening = await screenSigner(deps, {
      petition,
      email: parsed.form.email,
      clientAddress: address,
      solution: body[POW_FIELD],
    });
    if (screening.kind !== 'pass') {
      const refusal = signRefusal(screening);
      c.var.log.info(
        {
          refused: screening.kind === 'limited' ? `limit:${screening.scope}` : `block:${screening.by}`,
          petitionId: petition.id,
        },
        'signature refused',
      );
      if (refusal.kind === 'page') return renderStatusPage(c, refusal.status, refusal.title, refusal.body);
      return renderWithForm(
        c,
        petition,
        refusal.status,
        {
          values,
          errors: refusal.errors,
          ...(refusal.formError === undefined ? {} : { formError: refusal.formError }),
        },
        source,
      );
    }
    const { confirmByEmail } = screening;
    const result = await signPetition(deps, {
      petition,
      form: parsed.form,
      locale: c.var.locale,
      clientAddress: address,
      confirmByEmail,
    });
    switch (result.kind) {
      case 'closed':
        return renderWithForm(c, petition, 409, { values, errors: {}, formError: 'error.petitionClosed' }, source);
      case 'signed':
      case 'already_signed':
        return c.redirect(
          `/${c.var.locale}/p/${petition.slug}/thanks${thanksQuery(petition, result.kind, confirmByEmail)}`,
          303,
        );
    }
  }

  app.post('/:locale{(?:en|es)}/p/:slug/sign', sign);
  app.post('/p/:slug/sign', sign);

  app.get('/:locale{(?:en|es)}/p/:slug/thanks', async (c) => {
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
