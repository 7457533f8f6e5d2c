// The embeddable sign form (/p/:slug/embed), its own sign route and thank-you page, all frameable.
import { pictureView } from '../views/petition-picture.js';
import { Hono, type Context } from 'hono';
import type { Deps } from '../../deps.js';
import { translator, type Locale } from '../../platform/i18n/translator.js';
import {
  isSignable,
  isVisible,
  publicPicture,
  textFor,
  textLocaleFor,
  type Petition,
} from '../../petitions/petition.js';
import { petitionUrl } from '../../petitions/petition.js';
import { countSignatures } from '../../signing/signature-counts.js';
import { signFromForm } from '../../signing/sign-from-form.js';
import { readFormBody } from '../read-form-body.js';
import { cachedBody, sendCached, SOURCE_SLOT } from '../../platform/http/cached-response.js';
import { clientAddress } from '../../platform/http/client-address.js';
import type { AppEnv } from '../env.js';
import { readThanksFlags, thanksFlagsQuery } from './thanks-flags.js';
import { renderStatusPage } from '../views/status-page.js';
import { EMBED_CSP } from '../embed-framing.js';
import { sourceCodeIn } from '../../signing/source-code.js';
import { EmbedSignPage, EmbedThanksPage, type EmbedSignProps } from './views/embed-page.js';
import { localeRoutePattern } from '../../platform/i18n/languages.js';
import { asksForStreet } from '../views/seat-targets.js';
import { DISTRICT_TICKET_QUERY, openDistrictTicket } from '../../signing/district-ticket.js';
import { recipientsFor, recipientSentences } from '../../targets/recipients.js';

export function embedRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const LANG = localeRoutePattern();

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
    const picture = publicPicture(petition);
    const page = (
      <EmbedSignPage
        t={translator(locale)}
        title={textFor(petition, locale).title}
        titleLocale={textLocaleFor(petition, locale)}
        petitionUrl={petitionUrl(deps.config.baseUrl, locale, petition.slug)}
        count={counts.get(petition.id) ?? 0}
        signable={isSignable(petition, deps.now())}
        requiresVerification={petition.requiresVerification}
        askStreet={asksForStreet(petition.seatTargets, deps.signerMatcher.geocodes)}
        action={`/${locale}/p/${petition.slug}/embed/sign`}
        source={source}
        form={form}
        picture={picture === undefined ? undefined : pictureView(petition, picture, locale)}
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
  app.get(`/:locale{${LANG}}/p/:slug/embed`, serveEmbed);

  // The petition page's signing pipeline (signFromForm), answered with embed pages.
  app.post(`/:locale{${LANG}}/p/:slug/embed/sign`, async (c) => {
    const petition = await visiblePetition(c.req.param('slug'));
    if (petition === undefined) return renderStatusPage(c, 404, 'page.notFound.title', 'page.notFound.body');
    const read = await readFormBody(c);
    if (!read.ok) return read.response;
    const { locale } = c.var;
    const source = sourceCodeIn(read.body['source']);
    const outcome = await signFromForm(deps, {
      petition,
      body: read.body,
      locale,
      clientAddress: clientAddress(c, deps.config.trustProxy),
      log: c.var.log,
    });
    switch (outcome.kind) {
      case 'form':
        frameable(c);
        c.header('Cache-Control', 'no-store');
        return c.html(await renderSign(petition, locale, source, outcome.form), outcome.status);
      case 'refused':
        return renderStatusPage(c, outcome.status, outcome.title, outcome.body);
      case 'signed':
        return c.redirect(`/${locale}/p/${petition.slug}/embed/thanks${outcome.thanksQuery}`, 303);
    }
  });

  app.get(`/:locale{${LANG}}/p/:slug/embed/thanks`, async (c) => {
    const petition = await visiblePetition(c.req.param('slug'));
    if (petition === undefined) return renderStatusPage(c, 404, 'page.notFound.title', 'page.notFound.body');
    const { t, locale } = c.var;
    const sealed = c.req.query(DISTRICT_TICKET_QUERY) ?? '';
    const ticket = openDistrictTicket(deps.secret, sealed, petition.id, deps.now());
    const recipients =
      ticket === undefined
        ? []
        : await recipientsFor(deps.seatBook, ticket.matches, deps.now().toISOString().slice(0, 10));
    const open = recipients.some((r) => r.method === 'split' || r.method === 'unknown');
    const flags = readThanksFlags((name) => c.req.query(name));
    const query = thanksFlagsQuery(flags);
    query.set(DISTRICT_TICKET_QUERY, sealed);
    const page = (
      <EmbedThanksPage
        t={t}
        title={textFor(petition, locale).title}
        petitionUrl={petitionUrl(deps.config.baseUrl, locale, petition.slug)}
        {...flags}
        recipients={recipientSentences(t, recipients)}
        sample={petition.seatTargets.some((seat) => seat.sample)}
        settleHref={open ? `${deps.config.baseUrl}/${locale}/p/${petition.slug}/thanks?${query.toString()}` : undefined}
      />
    );
    frameable(c);
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cache-Control', 'no-store');
    return c.html(`<!doctype html>${await page.toString()}`);
  });

  return app;
}
