// A share button of one of the organizer's messages: counts the share, then sends the reader on to the network's
// own share address with the message and the petition's link carrying the message's source code. Only ever to
// one of the networks' addresses (src/sharing/share-networks.ts): never an open redirect.
import { Hono } from 'hono';
import type { Deps } from '../../deps.js';
import { isVisible, petitionUrl, textFor } from '../../petitions/petition.js';
import { localeRoutePattern } from '../../platform/i18n/languages.js';
import { clientAddress } from '../../platform/http/client-address.js';
import { createRateLimiter } from '../../platform/http/rate-limiter.js';
import { messageSource, recordShare } from '../../sharing/share-messages.js';
import { isShareNetwork, networkShareUrl, withSource } from '../../sharing/share-networks.js';
import type { AppEnv } from '../env.js';
import { renderStatusPage } from '../views/status-page.js';

/**
 * Shares counted per client address and hour, per process: someone sharing to a dozen groups is counted for each,
 * and someone pressing a button over and over cannot make a message look better than it does.
 */
export const SHARES_COUNTED_PER_HOUR = 20;

export function shareRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const LANG = localeRoutePattern();
  const counted = createRateLimiter({
    limit: SHARES_COUNTED_PER_HOUR,
    windowMs: 3600_000,
    now: () => deps.now().getTime(),
  });

  app.get(`/:locale{${LANG}}/p/:slug/share/:network{[a-z]{1,16}}`, async (c) => {
    const network = c.req.param('network');
    const id = /^\d{1,9}$/.test(c.req.query('m') ?? '') ? Number(c.req.query('m')) : undefined;
    const petition = await deps.petitions.bySlug(c.req.param('slug'));
    if (!isShareNetwork(network) || id === undefined || petition === undefined || !isVisible(petition))
      return renderStatusPage(c, 404, 'page.notFound.title', 'page.notFound.body');
    const count = counted.hit(clientAddress(c, deps.config.trustProxy));
    const message = await recordShare(deps.db, petition, id, network, count);
    if (message === undefined) return renderStatusPage(c, 404, 'page.notFound.title', 'page.notFound.body');
    const url = withSource(petitionUrl(deps.config.baseUrl, message.locale, petition.slug), messageSource(id, network));
    const title = textFor(petition, message.locale).title;
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    return c.redirect(networkShareUrl(network, { text: message.body, title, url }), 303);
  });

  return app;
}
