// The sign-in pages: ask for a link, "check your email", the button behind the link, and a link that failed.
import type { MessageKey } from '../../../platform/i18n/message-key.js';
import type { Translator } from '../../../platform/i18n/translator.js';
import { languageSwitchHref, Layout } from '../../views/layout.js';
import type { User } from '../../../accounts/user.js';

interface PageProps {
  t: Translator;
  /** This page's path, for the language switch to come back to. */
  path: string;
  user: User | null;
}

export interface SignInPageProps extends PageProps {
  email: string;
  next: string;
  error?: MessageKey | undefined;
  notice?: MessageKey | undefined;
  maxEmail: number;
}

export function SignInPage(p: SignInPageProps) {
  const { t } = p;
  const describedBy = ['email-hint', p.error === undefined ? undefined : 'email-error']
    .filter((id) => id !== undefined)
    .join(' ');
  return (
    <Layout t={t} title={t.t('signin.title')} user={p.user} switchHref={(locale) => languageSwitchHref(locale, p.path)}>
      <section class="account-page">
        <h1>{t.t('signin.title')}</h1>
        {p.notice === undefined ? null : (
          <p class="notice" role="status">
            {t.t(p.notice)}
          </p>
        )}
        {p.error === undefined ? null : (
          <div class="error-summary" role="alert" tabindex={-1} id="error-summary">
            <p>{t.t('signin.errorSummary')}</p>
            <ul>
              <li>
                <a href="#email">{t.t(p.error, { max: p.maxEmail })}</a>
              </li>
            </ul>
          </div>
        )}
        <p>{t.t('signin.intro')}</p>
        <form class="account-form" method="post" action="/signin" accept-charset="utf-8" novalidate>
          <input type="hidden" name="next" value={p.next} />
          <div class={`field${p.error === undefined ? '' : ' has-error'}`}>
            <label for="email">{t.t('signin.email')}</label>
            <p class="hint" id="email-hint">
              {t.t('signin.emailHint')}
            </p>
            {p.error === undefined ? null : (
              <p class="field-error" id="email-error">
                {t.t(p.error, { max: p.maxEmail })}
              </p>
            )}
            <input
              id="email"
              name="email"
              type="email"
              autocomplete="email"
              inputmode="email"
              maxlength={p.maxEmail}
              required
              value={p.email}
              aria-invalid={p.error === undefined ? undefined : 'true'}
              aria-describedby={describedBy}
            />
          </div>
          <button type="submit" class="sign-button">
            {t.t('signin.submit')}
          </button>
        </form>
      </section>
    </Layout>
  );
}

export function SignInSentPage(p: PageProps & { minutes: number }) {
  const { t } = p;
  return (
    <Layout
      t={t}
      title={t.t('signin.sent.title')}
      user={p.user}
      switchHref={(locale) => languageSwitchHref(locale, p.path)}
    >
      <section class="account-page">
        <h1>{t.t('signin.sent.title')}</h1>
        <p>{t.t('signin.sent.body', { count: p.minutes })}</p>
        <p>{t.t('signin.sent.spam')}</p>
        <p>
          <a href="/signin">{t.t('signin.sent.again')}</a>
        </p>
      </section>
    </Layout>
  );
}

/** What a link shows when opened: a button, so that mail scanners opening links do not use it up. */
export function SignInConfirmPage(p: PageProps & { email: string; action: string }) {
  const { t } = p;
  return (
    <Layout
      t={t}
      title={t.t('signin.confirm.title', { email: p.email })}
      user={p.user}
      switchHref={(locale) => languageSwitchHref(locale, p.path)}
    >
      <section class="account-page">
        <h1>{t.t('signin.confirm.title', { email: p.email })}</h1>
        <p>{t.t('signin.confirm.body')}</p>
        <form method="post" action={p.action}>
          <button type="submit" class="sign-button">
            {t.t('signin.confirm.submit')}
          </button>
        </form>
      </section>
    </Layout>
  );
}

export type LinkFailureKind = 'used' | 'expired' | 'invalid';

export function SignInLinkFailedPage(p: PageProps & { reason: LinkFailureKind }) {
  const { t } = p;
  const title = t.t(`signin.${p.reason}.title`);
  return (
    <Layout t={t} title={title} user={p.user} switchHref={(locale) => languageSwitchHref(locale, p.path)}>
      <section class="account-page">
        <h1>{title}</h1>
        <p>{t.t(`signin.${p.reason}.body`)}</p>
        <p>
          <a class="button-link" href="/signin">
            {t.t('signin.newLink')}
          </a>
        </p>
      </section>
    </Layout>
  );
}

export function SignInRateLimitedPage(p: PageProps) {
  const { t } = p;
  return (
    <Layout
      t={t}
      title={t.t('signin.rateLimited.title')}
      user={p.user}
      switchHref={(locale) => languageSwitchHref(locale, p.path)}
    >
      <section class="account-page">
        <h1>{t.t('signin.rateLimited.title')}</h1>
        <p>{t.t('signin.rateLimited.body')}</p>
      </section>
    </Layout>
  );
}
