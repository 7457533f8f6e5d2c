// The signing routes: the form post and the thank-you page.
import { listShareMessages } from '../../sharing/share-message-store.js';
import { offeredMessage } from './offered-message.js';
import { Hono, type Context } from 'hono';
import type { Deps } from '../../deps.js';
import { isVisible, textFor, type Petition } from '../../petitions/petition.js';
import { renderPetitionPage, type PetitionPageForm } from './render-petition-page.js';
import { petitionUrl } from '../../petitions/petition.js';
import { clientAddress } from '../../platform/http/client-address.js';
import type { AppEnv } from '../env.js';
import { readThanksFlags, thanksFlagsQuery } from './thanks-flags.js';
import { renderStatusPage } from '../views/status-page.js';
import { readFormBody } from '../read-form-body.js';
import { signFromForm } from '../../signing/sign-from-form.js';
import { sourceCodeIn } from '../../signing/source-code.js';
import { choiceField, ThanksPage, type ThanksDistricts } from './views/thanks-page.js';
import {
  DISTRICT_TICKET_QUERY,
  openDistrictTicket,
  sealDistrictTicket,
  type DistrictTicket,
} from '../../signing/district-ticket.js';
import { recipientsFor } from '../../targets/recipients.js';
import { asksForStreet } from '../views/seat-targets.js';
import { choiceKey, settleDistrict } from '../../signing/settle-district.js';
import { parseStreet } from '../../signing/sign-form.js';
import { createRateLimiter } from '../../platform/http/rate-limiter.js';
import { localeRoutePattern } from '../../platform/i18n/languages.js';

/** Street addresses one client may have geocoded from thank-you pages in an hour (each goes to someone else's service). */
export const ADDRESS_LOOKUPS_PER_HOUR = 10;

export function signingRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const LANG = localeRoutePattern();
  // Per process: a ticket can be replayed for an hour, and each replay with an address would be one more request
  // to the geocoder, whose operator may block this site for the volume.
  const addressLookups = createRateLimiter({
    limit: ADDRESS_LOOKUPS_PER_HOUR,
    windowMs: 3600_000,
    now: () => deps.now().getTime(),
  });

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

  /** The thank-you page's part about districts, from its sealed ticket (undefined without one, or a bad one). */
  async function thanksDistricts(
    petition: Petition,
    ticket: DistrictTicket | undefined,
    sealed: string,
    unsettled = false,
  ): Promise<ThanksDistricts | undefined> {
    if (ticket === undefined) return undefined;
    const day = deps.now().toISOString().slice(0, 10);
    return {
      recipients: await recipientsFor(deps.seatBook, ticket.matches, day),
      ticket: sealed,
      askStreet: asksForStreet(petition.seatTargets, deps.signerMatcher.geocodes),
      unsettled,
      sample: petition.seatTargets.some((s) => s.sample),
    };
  }

  app.get(`/:locale{${LANG}}/p/:slug/thanks`, async (c) => {
    const petition = await deps.petitions.bySlug(c.req.param('slug'));
    if (petition === undefined || !isVisible(petition))
      return renderStatusPage(c, 404, 'page.notFound.title', 'page.notFound.body');
    const { t, locale } = c.var;
    const sealed = c.req.query(DISTRICT_TICKET_QUERY) ?? '';
    const ticket = openDistrictTicket(deps.secret, sealed, petition.id, deps.now());
    const page = (
      <ThanksPage
        t={t}
        slug={petition.slug}
        title={textFor(petition, locale).title}
        petitionUrl={petitionUrl(deps.config.baseUrl, locale, petition.slug)}
        {...readThanksFlags((name) => c.req.query(name))}
        districts={await thanksDistricts(petition, ticket, sealed, c.req.query('unsettled') === '1')}
        shareMessage={offeredMessage(petition.id, await listShareMessages(deps.db, petition.id), locale, petition.slug)}
      />
    );
    c.header('Cache-Control', 'no-store');
    // The ticket in the address names districts: not for other sites.
    c.header('Referrer-Policy', 'no-referrer');
    return c.html(`<!doctype html>${await page.toString()}`);
  });

  app.post(`/:locale{${LANG}}/p/:slug/thanks/district`, async (c) => {
    const petition = await deps.petitions.bySlug(c.req.param('slug'));
    if (petition === undefined || !isVisible(petition))
      return renderStatusPage(c, 404, 'page.notFound.title', 'page.notFound.body');
    const read = await readFormBody(c);
    if (!read.ok) return read.response;
    const field = (name: string) => {
      const value = read.body[name];
      return typeof value === 'string' ? value : '';
    };
    const ticket = openDistrictTicket(deps.secret, field(DISTRICT_TICKET_QUERY), petition.id, deps.now());
    // An expired or altered ticket: the page it came from is stale, the signature stands as it was.
    if (ticket === undefined)
      return renderStatusPage(c, 400, 'thanks.recipients.expired.title', 'thanks.recipients.expired.body');
    const typed = parseStreet(field('street')) ?? '';
    // Over the limit, the address is not sent: the page says it could not be placed, the signature stands.
    const street = typed === '' || addressLookups.hit(clientAddress(c, deps.config.trustProxy)) ? typed : '';
    const refused = typed !== '' && street === '';
    const choices = new Map(
      ticket.matches.flatMap((m) =>
        field(choiceField(m)) === '' ? [] : [[choiceKey(m), field(choiceField(m))] as const],
      ),
    );
    const matches = await settleDistrict(deps, { petition, ticket, street, choices });
    const sealed = sealDistrictTicket(deps.secret, { ...ticket, matches }, deps.now());
    const query = thanksFlagsQuery(readThanksFlags((name) => field(`flag_${name}`)));
    query.set(DISTRICT_TICKET_QUERY, sealed);
    const stillOpen = matches.some((m) => m.method === 'split' || m.method === 'unknown');
    if (stillOpen && (street !== '' || refused)) query.set('unsettled', '1');
    return c.redirect(`/${c.var.locale}/p/${petition.slug}/thanks?${query.toString()}#recipients-heading`, 303);
  });

  return app;
}
