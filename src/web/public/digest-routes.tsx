// The link in a legislator's digest that stops this petition's digests for them: a page with a button (mail scanners
// open links; people press buttons), and the one-click POST a mail client sends (RFC 8058), which is why this path
// is let through the same-origin check: its token, made from the server secret, is its authority.
import { Hono, type Context } from 'hono';
import type { Deps } from '../../deps.js';
import { isVisible, textFor, type Petition } from '../../petitions/petition.js';
import { localeRoutePattern, TAG_IN_PATH } from '../../platform/i18n/languages.js';
import type { MessageKey } from '../../platform/i18n/message-key.js';
import { isDigestStopToken } from '../../targets/legislator-digests.js';
import { stopLegislatorDigests } from '../../targets/response-options.js';
import type { AppEnv } from '../env.js';
import { renderStatusPage } from '../views/status-page.js';
import { SignerLinkPage } from './views/signer-link-pages.js';

export const DIGEST_STOP_PATH = new RegExp(`^/${TAG_IN_PATH}/p/[^/]+/digests/[0-9]{1,9}/[A-Za-z0-9_-]{43}/stop$`);

export function digestRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const path = `/:locale{${localeRoutePattern()}}/p/:slug/digests/:personId{[0-9]{1,9}}/:token{[A-Za-z0-9_-]{43}}/stop`;

  /** The petition and person the link names, when its token is right. */
  async function linked(c: Context<AppEnv>): Promise<{ petition: Petition; personId: number } | undefined> {
    const petition = await deps.petitions.bySlug(c.req.param('slug') ?? '');
    const personId = Number(c.req.param('personId'));
    if (petition === undefined || !isVisible(petition)) return undefined;
    return isDigestStopToken(deps.secret, petition.id, personId, c.req.param('token') ?? '')
      ? { petition, personId }
      : undefined;
  }

  async function page(
    c: Context<AppEnv>,
    petition: Petition,
    titleKey: MessageKey,
    bodyKey: MessageKey,
    form: boolean,
  ) {
    const { t, locale } = c.var;
    const view = (
      <SignerLinkPage
        t={t}
        titleKey={titleKey}
        bodyKey={bodyKey}
        params={{ title: textFor(petition, locale).title }}
        path={c.req.path.replace(/^\/[^/]+/, '')}
        petitionHref={`/${locale}/p/${petition.slug}`}
        petitionLinkKey="responses.respond.read"
        form={form ? { action: c.req.path, submitKey: 'digestStop.submit' } : undefined}
      />
    );
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    return c.html(`<!doctype html>${await view.toString()}`);
  }

  app.get(path, async (c) => {
    const found = await linked(c);
    if (found === undefined) return renderStatusPage(c, 404, 'link.invalid.title', 'link.invalid.body');
    return page(c, found.petition, 'digestStop.title', 'digestStop.body', true);
  });

  app.post(path, async (c) => {
    const found = await linked(c);
    if (found === undefined) return renderStatusPage(c, 404, 'link.invalid.title', 'link.invalid.body');
    await stopLegislatorDigests(deps, found.petition.id, found.personId);
    return page(c, found.petition, 'digestStop.done.title', 'digestStop.done.body', false);
  });

  return app;
}
