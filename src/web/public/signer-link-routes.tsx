// Routes behind the links in signer emails. Opening a link (GET) only asks, with a button; the POST behind
// the button confirms, withdraws or unsubscribes. Mail scanners and link previewers open links, people press buttons.
import { Hono, type Context } from 'hono';
import type { Deps } from '../../deps.js';
import type { MessageKey } from '../../platform/i18n/message-key.js';
import { textFor } from '../../petitions/petition.js';
import type { AppEnv } from '../env.js';
import { renderStatusPage } from '../views/status-page.js';
import {
  checkConfirmLink,
  confirmSignature,
  findSigner,
  unsubscribeSigner,
  withdrawSignature,
  type ConfirmResult,
} from '../../signing/signer-links.js';
import type { SignerRow } from '../../signing/signer.js';
import { SignerLinkPage } from './views/signer-link-pages.js';
import { localeRoutePattern, TAG_IN_PATH } from '../../platform/i18n/languages.js';

/**
 * Paths whose POSTs are authorised by the token in the URL, not by coming from this site (RFC 8058 one-click),
 * in any language tag: a language the instance does not speak has no such route (404).
 */
export const TOKEN_POST_PATH = new RegExp(`^/${TAG_IN_PATH}/s/[A-Za-z0-9_-]{43}/unsubscribe$`);

export function signerLinkRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const LANG = localeRoutePattern();
  const linkDeps = {
    db: deps.db,
    events: deps.events,
    now: deps.now,
    random: deps.random,
    confirmationExpiryDays: deps.config.confirmationExpiryDays,
    signingMetrics: deps.signingMetrics,
  };

  async function page(
    c: Context<AppEnv>,
    signer: SignerRow | undefined,
    titleKey: MessageKey,
    bodyKey: MessageKey,
    options: {
      status?: 200 | 404 | 410;
      form?: { action: string; submitKey: MessageKey };
      count?: number;
      petitionLink?: boolean;
    } = {},
  ) {
    const { t, locale } = c.var;
    const petition = signer === undefined ? undefined : await deps.petitions.byId(signer.petitionId);
    const title = petition === undefined ? '' : textFor(petition, locale).title;
    const view = (
      <SignerLinkPage
        t={t}
        titleKey={titleKey}
        bodyKey={bodyKey}
        params={{ title, ...(options.count === undefined ? {} : { count: options.count }) }}
        path={c.req.path.replace(/^\/[^/]+/, '')}
        petitionHref={
          petition === undefined || options.petitionLink === false ? undefined : `/${locale}/p/${petition.slug}`
        }
        form={options.form}
      />
    );
    c.header('Cache-Control', 'no-store');
    // Links carry secrets: never leak them to other sites through the Referer header.
    c.header('Referrer-Policy', 'no-referrer');
    return c.html(`<!doctype html>${await view.toString()}`, options.status ?? 200);
  }

  const invalid = (c: Context<AppEnv>) => renderStatusPage(c, 404, 'link.invalid.title', 'link.invalid.body');

  app.get(`/:locale{${LANG}}/s/:token/confirm`, async (c) => {
    const check = await checkConfirmLink(linkDeps, c.req.param('token'));
    if (check.kind === 'pending')
      return page(c, check.signer, 'confirm.ask.title', 'confirm.ask.body', {
        form: { action: c.req.path, submitKey: 'confirm.submit' },
      });
    return confirmOutcome(c, check);
  });

  app.post(`/:locale{${LANG}}/s/:token/confirm`, async (c) =>
    confirmOutcome(c, await confirmSignature(linkDeps, c.req.param('token'))),
  );

  function confirmOutcome(c: Context<AppEnv>, result: ConfirmResult) {
    switch (result.kind) {
      case 'invalid':
        return invalid(c);
      case 'confirmed':
        return page(c, result.signer, 'confirm.title', 'confirm.body');
      case 'already_confirmed':
        return page(c, result.signer, 'confirm.already.title', 'confirm.already.body');
      case 'expired':
        return page(c, result.signer, 'confirm.expired.title', 'confirm.expired.body', {
          status: 410,
          count: deps.config.confirmationExpiryDays,
        });
    }
  }

  app.get(`/:locale{${LANG}}/s/:token/withdraw`, async (c) => {
    const signer = await findSigner(deps.db, c.req.param('token'));
    if (signer === undefined) return invalid(c);
    return page(c, signer, 'withdraw.title', 'withdraw.body', {
      form: { action: c.req.path, submitKey: 'withdraw.submit' },
    });
  });

  app.post(`/:locale{${LANG}}/s/:token/withdraw`, async (c) => {
    const token = c.req.param('token');
    const result = await withdrawSignature(linkDeps, token);
    if (result.kind === 'invalid') return invalid(c);
    return page(c, result.signer, 'withdraw.done.title', 'withdraw.done.body');
  });

  app.get(`/:locale{${LANG}}/s/:token/unsubscribe`, async (c) => {
    const signer = await findSigner(deps.db, c.req.param('token'));
    if (signer === undefined) return invalid(c);
    if (signer.unsubscribed) return page(c, signer, 'unsubscribe.done.title', 'unsubscribe.done.body');
    return page(c, signer, 'unsubscribe.title', 'unsubscribe.body', {
      form: { action: c.req.path, submitKey: 'unsubscribe.submit' },
    });
  });

  // Both the button on the page above and a mail client's one-click POST (List-Unsubscribe=One-Click) land here.
  app.post(`/:locale{${LANG}}/s/:token/unsubscribe`, async (c) => {
    const result = await unsubscribeSigner(linkDeps, c.req.param('token'));
    if (result.kind === 'invalid') return invalid(c);
    return page(c, result.signer, 'unsubscribe.done.title', 'unsubscribe.done.body');
  });

  return app;
}
