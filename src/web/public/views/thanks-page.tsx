// After signing: "check your email to confirm", or thanks (or "you had already signed"), and the share links.
import type { Locale, Translator } from '../../../platform/i18n/translator.js';
import { Layout, languageSwitchHref } from '../../views/layout.js';
import { ShareLinks } from '../../views/share-links.js';

export interface ThanksPageProps {
  t: Translator;
  slug: string;
  title: string;
  petitionUrl: string;
  alreadySigned: boolean;
  /** The signature waits for its emailed confirmation link. */
  checkEmail: boolean;
  /** It waits because proof of work was on and the browser did not pass it (no JavaScript): say so. */
  slowerPath?: boolean;
}

export function ThanksPage({
  t,
  slug,
  title,
  petitionUrl,
  alreadySigned,
  checkEmail,
  slowerPath = false,
}: ThanksPageProps) {
  const query = checkEmail ? (slowerPath ? '?confirm=1&check=1' : '?confirm=1') : alreadySigned ? '?already=1' : '';
  const heading = checkEmail ? t.t('thanks.checkEmail.title') : t.t('thanks.title');
  const message = checkEmail
    ? t.t('thanks.checkEmail.body', { title })
    : alreadySigned
      ? t.t('thanks.already', { title })
      : t.t('thanks.body', { title });
  return (
    <Layout
      t={t}
      title={heading}
      switchHref={(locale: Locale) => languageSwitchHref(locale, `/${locale}/p/${slug}/thanks${query}`)}
    >
      <section class="thanks">
        <h1>{heading}</h1>
        <p class="thanks-message">{message}</p>
        {checkEmail && slowerPath ? <p class="slower-path">{t.t('abuse.pow.slowerPath')}</p> : null}
        <p>{t.t('thanks.share')}</p>
        <ShareLinks t={t} url={petitionUrl} title={title} />
        <p>
          <a href={`/${t.locale}/p/${slug}`}>{t.t('thanks.back')}</a>
        </p>
      </section>
    </Layout>
  );
}
