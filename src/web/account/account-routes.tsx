// Organizer accounts: sign in with an emailed link, sign out (here or everywhere), the account page.
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Deps } from '../../deps.js';
import { clientAddress } from '../../platform/http/client-address.js';
import type { AppEnv } from '../env.js';
import { renderStatusPage } from '../views/status-page.js';
import { fieldText, MAX_EMAIL, MAX_NAME, parseAccountName, parseSignInForm } from '../../accounts/account-forms.js';
import { currentUser, requireSignIn } from '../middleware/require-user.js';
import { safeNextPath } from '../../accounts/sign-in-links.js';
import { inspectSignInLink, sendSignInLink, signInWithLink } from '../../accounts/sign-in-links.js';
import { deleteSession, deleteSessionsOfUser } from '../../accounts/session-store.js';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from '../middleware/session.js';
import { normalizeAccountEmail } from '../../accounts/user.js';
import { setUserName } from '../../accounts/user-store.js';
import { AccountPage } from './views/account-page.js';
import { apiKeyRoutes, apiKeysOf } from './api-key-routes.js';
import {
  SignInConfirmPage,
  SignInLinkFailedPage,
  SignInPage,
  SignInRateLimitedPage,
  SignInSentPage,
  type LinkFailureKind,
} from './views/sign-in-pages.js';

/** Links sent to one address per hour; more requests are answered the same but send nothing (no mail-bombing). */
export const SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR = 5;
/** Sign-in requests from one client address per hour; more are refused with 429. */
export const SIGN_IN_REQUESTS_PER_CLIENT_PER_HOUR = 20;

type View = { toString(): string | Promise<string> };

async function render(c: Context<AppEnv>, view: View, status: ContentfulStatusCode = 200) {
  c.header('Cache-Control', 'no-store');
  return c.html(`<!doctype html>${await view.toString()}`, status);
}

/** The form fields, or undefined when the body cannot be read. */
async function readForm(c: Context<AppEnv>): Promise<Record<string, unknown> | undefined> {
  try {
    return await c.req.parseBody();
  } catch (err) {
    c.var.log.info({ err: String(err) }, 'unreadable form');
    return undefined;
  }
}

function here(c: Context<AppEnv>): string {
  const url = new URL(c.req.url);
  return url.pathname + url.search;
}

export function accountRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const linkDeps = { db: deps.db, now: deps.now, secret: deps.secret, linkMinutes: deps.config.signInLinkMinutes };

  const badRequest = (c: Context<AppEnv>) => renderStatusPage(c, 400, 'page.badRequest.title', 'page.badRequest.body');

  function linkFailed(c: Context<AppEnv>, reason: LinkFailureKind) {
    c.header('Referrer-Policy', 'no-referrer');
    return render(
      c,
      <SignInLinkFailedPage t={c.var.t} path="/signin" user={c.var.user} reason={reason} />,
      reason === 'invalid' ? 404 : 410,
    );
  }

  app.get('/signin', async (c) => {
    const next = safeNextPath(c.req.query('next'));
    if (c.var.user !== null) return c.redirect(next, 303);
    const out = c.req.query('out');
    const notice = out === 'everywhere' ? 'signin.signedOutEverywhere' : out === '1' ? 'signin.signedOut' : undefined;
    return render(
      c,
      <SignInPage t={c.var.t} path={here(c)} user={null} email="" next={next} notice={notice} maxEmail={MAX_EMAIL} />,
    );
  });

  // Known address or not, over its limit or not: the same redirect to the same page.
  app.post('/signin', async (c) => {
    const body = await readForm(c);
    if (body === undefined) return badRequest(c);
    const next = safeNextPath(fieldText(body, 'next'));
    const parsed = parseSignInForm(body);
    if (!parsed.ok) {
      return render(
        c,
        <SignInPage
          t={c.var.t}
          path="/signin"
          user={c.var.user}
          email={fieldText(body, 'email')}
          next={next}
          error={parsed.error}
          maxEmail={MAX_EMAIL}
        />,
        422,
      );
    }
    if (!deps.signInClientLimiter.hit(clientAddress(c, deps.config.trustProxy))) {
      return render(c, <SignInRateLimitedPage t={c.var.t} path="/signin" user={c.var.user} />, 429);
    }
    if (deps.signInAddressLimiter.hit(normalizeAccountEmail(parsed.value.email))) {
      await sendSignInLink(linkDeps, { email: parsed.value.email, locale: c.var.locale, nextPath: next });
    }
    return c.redirect('/signin/sent', 303);
  });

  app.get('/signin/sent', (c) =>
    render(
      c,
      <SignInSentPage t={c.var.t} path="/signin/sent" user={c.var.user} minutes={deps.config.signInLinkMinutes} />,
    ),
  );

  app.get('/signin/:token', async (c) => {
    const token = c.req.param('token');
    const state = await inspectSignInLink(deps.db, token, deps.now());
    if (state.kind !== 'usable') return linkFailed(c, state.kind);
    // The link is a secret: never pass it on to another site in a Referer header.
    c.header('Referrer-Policy', 'no-referrer');
    return render(
      c,
      <SignInConfirmPage
        t={c.var.t}
        path={c.req.path}
        user={c.var.user}
        email={state.token.email}
        action={`/signin/${token}`}
      />,
    );
  });

  app.post('/signin/:token', async (c) => {
    const result = await signInWithLink(linkDeps, c.req.param('token'));
    if (result.kind !== 'signed_in') return linkFailed(c, result.kind);
    // Whatever session this browser had before ends: a new sign-in gets a new session id.
    const previous = readSessionCookie(c, deps);
    if (previous !== undefined && previous.length <= 100) await deleteSession(deps.db, previous);
    setSessionCookie(c, deps, result.sessionId);
    return c.redirect(result.nextPath, 303);
  });

  app.post('/signout', async (c) => {
    const sessionId = readSessionCookie(c, deps);
    if (sessionId !== undefined && sessionId.length <= 100) await deleteSession(deps.db, sessionId);
    clearSessionCookie(c, deps);
    return c.redirect('/signin?out=1', 303);
  });

  app.get('/account', requireSignIn(), async (c) => {
    const user = currentUser(c);
    return render(
      c,
      <AccountPage
        t={c.var.t}
        user={user}
        name={user.name ?? ''}
        saved={c.req.query('saved') === '1'}
        maxName={MAX_NAME}
        apiKeys={await apiKeysOf(deps, user, { revoked: c.req.query('revoked') === '1' })}
      />,
    );
  });

  app.route(
    '/',
    apiKeyRoutes(deps, async (c, apiKeys, status = 200) => {
      const user = currentUser(c);
      const page = (
        <AccountPage
          t={c.var.t}
          user={user}
          name={user.name ?? ''}
          saved={false}
          maxName={MAX_NAME}
          apiKeys={apiKeys}
        />
      );
      return render(c, page, status);
    }),
  );

  app.post('/account', requireSignIn(), async (c) => {
    const user = currentUser(c);
    const body = await readForm(c);
    if (body === undefined) return badRequest(c);
    const parsed = parseAccountName(body);
    if (!parsed.ok) {
      return render(
        c,
        <AccountPage
          t={c.var.t}
          user={user}
          name={fieldText(body, 'name')}
          error={parsed.error}
          saved={false}
          maxName={MAX_NAME}
          apiKeys={await apiKeysOf(deps, user)}
        />,
        422,
      );
    }
    await setUserName(deps.db, user.id, parsed.value);
    return c.redirect('/account?saved=1', 303);
  });

  app.post('/account/signout-everywhere', requireSignIn(), async (c) => {
    await deleteSessionsOfUser(deps.db, currentUser(c).id);
    clearSessionCookie(c, deps);
    return c.redirect('/signin?out=everywhere', 303);
  });

  return app;
}
