// Pages behind the links in signer emails: a message, and where the link would change something, a button that posts.
import type { MessageKey } from '../../../platform/i18n/message-key.js';
import type { Locale, Params, Translator } from '../../../platform/i18n/translator.js';
import { Layout, languageSwitchHref } from '../../views/layout.js';

export interface SignerLinkPageProps {
  t: Translator;
  titleKey: MessageKey;
  bodyKey: MessageKey;
  params: Params;
  /** The path of this page without its language, e.g. /s/TOKEN/confirm. */
  path: string;
  petitionHref?: string | undefined;
  petitionLinkKey?: MessageKey;
  form?: { action: string; submitKey: MessageKey } | undefined;
}

export function SignerLinkPage(p: SignerLinkPageProps) {
  const { t } = p;
  return (
    <Layout
      t={t}
      title={t.t(p.titleKey)}
      switchHref={(locale: Locale) => languageSwitchHref(locale, `/${locale}${p.path}`)}
    >
      <section class="status-page">
        <h1>{t.t(p.titleKey)}</h1>
        <p>{t.t(p.bodyKey, p.params)}</p>
        {p.form === undefined ? null : (
          <form method="post" action={p.form.action}>
            <button type="submit" class="sign-button">
              {t.t(p.form.submitKey)}
            </button>
          </form>
        )}
        {p.petitionHref === undefined ? null : (
          <p>
            <a href={p.petitionHref}>{t.t(p.petitionLinkKey ?? 'thanks.back')}</a>
          </p>
        )}
      </section>
    </Layout>
  );
}
