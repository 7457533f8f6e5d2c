// The embeddable sign form (/p/:slug/embed), its own sign route and thank-you page, all frameable.
import { Hono, type Context } from 'hono';
import type { Deps } from '../deps.js';
import { translator, type Locale } from '../platform/i18n/translator.js';
import { isSignable, isVisible, textFor, textLocaleFor, type Petition } from '../petitions/petition.js';
import { petitionUrl } from '../petitions/render-petition-page.js';
import { countSignatures } from '../signing/count-store.js';
import { parseSignForm, type SignFormValues } from '../signing/sign-form.js';
import { signPetition } from '../signing/sign-petition.js';
import { POW_FIELD } from '../moderation/abuse/proof-of-work.js';
import { screenSigner } from '../moderation/abuse/screen-signer.js';
import { signRefusal, SLOWER_PATH_QUERY } from '../moderation/abuse/sign-refusal.js';
import { cachedBody, sendCached, SOURCE_SLOT } from '../platform/http/cached-response.js';
import { clientAddress } from '../platform/http/client-address.js';
import type { AppEnv } from '../web/env.js';
import { renderStatusPage } from '../web/views/status-page.js';
import { EMBED_CSP } from './embed-framing.js';
import { sourceCodeIn } from '../signing/source-code.js';
import { EmbedSignPage, EmbedThanksPage, type EmbedSignProps } from './views/embed-page.js';

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

export function embedRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  async function visiblePetition(slug: string | undefined): Promise<Petition | undefined> {
    const petition = await deps.petitions.bySlug(slug ?? '');
    return petition !== undefined && isVisible(petition) ? petition : undefined;
  }

  async function renderSign(
    petition: Petition,
    locale: Locale,
    source: string | undefined,
    form: EmbedSignProps['form'],
  ): Promise<string> {
    const counts = await countSignatures(deps.db, [petition.id]);
    const page = (
      <EmbedSignPage
        t={translator(locale)}
        title={textFor(petition, locale).title}
        titleLocale={textLocaleFor(petition, locale)}
        petitionUrl={petitionUrl(deps.config.baseUrl, locale, petition.slug)}
        count={counts.get(petition.id) ?? 0}
        signable={isSignable(petition, deps.now())}
        requiresVerification={petition.requiresVerification}
        action={`/${locale}/p/${petition.slug}/embed/sign`}
        source={source}
        form={form}
      />
    );
    return `<!doctype html>${await page.toString()}`;
  }

  const frameable = (c: Context<AppEnv>) => c.header('Content-Security-Policy', EMBED_CSP);

  async function serveEmbed(c: Context<AppEnv>) {
    const petition = await visiblePetition(c.req.param('slug'));
    if (petition === undefined) return renderStatusPage(c, 404, 'page.notFound.title', 'page.notFound.body');
    const { locale } = c.var;
    // One form per petition and language; the referral source goes into its slot as it is sent.
    const cached = await deps.responses.get(`embed|${petition.slug}|${locale}`, async () =>
      cachedBody(
        await renderSign(petition, locale, SOURCE_SLOT, { values: {}, errors: {} }),
        'text/html; charset=UTF-8',
      ),
    );
    return sendCached(
      c,
      cached,
      { 'Content-Security-Policy': EMBED_CSP, 'Content-Language': locale },
      sourceCodeIn(c.req.query('source')),
    );
  }

  app.get('/p/:slug/embed', serveEmbed);
  app.get('/:locale{(?:en|es)}/p/:slug/embed', serveEmbed);

  // The same steps as the petition page's sign route (signPetition decides), answered with embed pages.
  app.post('/:locale{(?:en|es)}/p/:slug/embed/sign', async (c) => {
    const petition = await visiblePetition(c.req.param('slug'));
    if (petition === undefined) return renderStatusPage(c, 404, 'page.notFound.title', 'page.notFound.body');
    const contentType = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
    if (!FORM_TYPES.includes(contentType))
      return renderStatusPage(c, 415, 'page.unsupportedType.title', 'page.unsupportedType.body');
    let body: Record<string, unknown>;
    try {
      body =
        contentType === 'application/x-www-form-urlencoded'
          ? Object.fromEntries(new URLSearchParams(await c.req.text()))
          : await c.req.parseBody();
    } catch {
      return renderStatusPage(c, 400, 'page.badRequest.title', 'page.badRequest.body');
    }
    const { locale } = c.var;
    const parsed = parseSignForm(body, petition.country);
    const source = sourceCodeIn(body['source']);
    const answer = async (status: 409 | 422 | 429, form: EmbedSignProps['form']) => {
      frameable(c);
      c.header('Cache-Control', 'no-store');
      return c.html(await renderSign(petition, locale, source, form), status);
    };
    if (!parsed.ok) return answer(422, { values: parsed.values, errors: parsed.errors });
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
      if (refusal.kind === 'page') return renderStatusPage(c, refusal.status, refusal.title, refusal.body);
      return answer(refusal.status, {
        values,
        errors: refusal.errors,
        ...(refusal.formError === undefined ? {} : { formError: refusal.formError }),
      });
    }
    const { confirmByEmail } = screening;
    const result = await signPetition(deps, {
      petition,
      form: parsed.form,
      locale,
      clientAddress: address,
      confirmByEmail,
    });
    if (result.kind === 'closed') return answer(409, { values, errors: {}, formError: 'error.petitionClosed' });
    const query =
      confirmByEmail && !petition.requiresVerification
        ? `?confirm=1&${SLOWER_PATH_QUERY}`
        : petition.requiresVerification
          ? '?confirm=1'
          : result.kind === 'already_signed'
            ? '?already=1'
            : '';
    return c.redirect(`/${locale}/p/${petition.slug}/embed/thanks${query}`, 303);
  });

  app.get('/:locale{(?:en|es)}/p/:slug/embed/thanks', async (c) => {
    const petition = await visiblePetition(c.req.param('slug'));
    if (petition === undefined) return renderStatusPage(c, 404, 'page.notFound.title', 'page.notFound.body');
    const { t, locale } = c.var;
    const page = (
      <EmbedThanksPage
        t={t}
        title={textFor(petition, locale).title}
        petitionUrl={petitionUrl(deps.config.baseUrl, locale, petition.slug)}
        alreadySigned={c.req.query('already') === '1'}
        checkEmail={c.req.query('confirm') === '1'}
        slowerPath={c.req.query('check') === '1'}
      />
    );
    frameable(c);
    c.header('Cache-Control', 'no-store');
    return c.html(`<!doctype html>${await page.toString()}`);
  });

  return app;
}
