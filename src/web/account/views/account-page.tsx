// The account page: who you are signed in as, your organizer name, "sign out everywhere", and your API keys.
import type { MessageKey } from '../../../platform/i18n/message-key.js';
import type { Translator } from '../../../platform/i18n/translator.js';
import { languageSwitchHref, Layout } from '../../views/layout.js';
import type { User } from '../../../accounts/user.js';
import { ApiKeysSection, type ApiKeysSectionProps } from './api-keys-section.js';

export interface AccountPageProps {
  t: Translator;
  user: User;
  /** What the name field holds (what was typed, after a mistake). */
  name: string;
  error?: MessageKey | undefined;
  saved: boolean;
  maxName: number;
  apiKeys: Omit<ApiKeysSectionProps, 't'>;
}

export function AccountPage(p: AccountPageProps) {
  const { t, user } = p;
  return (
    <Layout
      t={t}
      title={t.t('account.title')}
      user={user}
      navCurrent="/account"
      switchHref={(locale) => languageSwitchHref(locale, '/account')}
    >
      <section class="account-page">
        <h1>{t.t('account.title')}</h1>
        {p.saved ? (
          <p class="notice" role="status">
            {t.t('account.saved')}
          </p>
        ) : null}
        <dl class="account-facts">
          <dt>{t.t('account.email')}</dt>
          <dd>{user.email}</dd>
          <dt>{t.t('account.role')}</dt>
          <dd>{t.t(`account.role.${user.role}`)}</dd>
          <dt>{t.t('account.name')}</dt>
          <dd>{user.name ?? t.t('account.noName')}</dd>
        </dl>

        <form class="account-form" method="post" action="/account" accept-charset="utf-8" novalidate>
          <h2>{t.t('account.nameHeading')}</h2>
          <div class={`field${p.error === undefined ? '' : ' has-error'}`}>
            <label for="name">{t.t('account.nameLabel')}</label>
            <p class="hint" id="name-hint">
              {t.t('account.nameHint')}
            </p>
            {p.error === undefined ? null : (
              <p class="field-error" id="name-error" role="alert">
                {t.t(p.error, { max: p.maxName })}
              </p>
            )}
            <input
              id="name"
              name="name"
              type="text"
              autocomplete="name"
              maxlength={p.maxName}
              value={p.name}
              aria-invalid={p.error === undefined ? undefined : 'true'}
              aria-describedby={p.error === undefined ? 'name-hint' : 'name-hint name-error'}
            />
          </div>
          <button type="submit" class="sign-button">
            {t.t('account.nameSubmit')}
          </button>
        </form>

        <h2>{t.t('account.sessionsHeading')}</h2>
        <p>{t.t('account.sessionsBody')}</p>
        <form method="post" action="/account/signout-everywhere">
          <button type="submit" class="secondary-button">
            {t.t('account.signOutEverywhere')}
          </button>
        </form>

        <ApiKeysSection t={t} {...p.apiKeys} />
      </section>
    </Layout>
  );
}
