// After signing: thanks (or "you had already signed"), and the share links.
import type { Locale, Translator } from '../../i18n/translator.js';
import { Layout, languageSwitchHref } from '../../web/views/layout.js';
import { ShareLinks } from '../../web/views/share-links.js';

export interface ThanksPageProps {
  t: Translator;
  slug: string;
  title: string;
  petitionUrl: string;
  alreadySigned: boolean;
}

export function ThanksPage({ t, slug, title, petitionUrl, alreadySigned }: ThanksPageProps) {
  return (
    <Layout t={t} title={t.t('thanks.title')} switchHref={(locale: Locale) => languageSwitchHref(locale, `/${locale}/p/${slug}/thanks${alreadySigned ? '?already=1' : ''}`)}>
      <section class="thanks">
        <h1>{t.t('thanks.title')}</h1>
        <p class="thanks-message">{alreadySigned ? t.t('thanks.already', { title }) : t.t('thanks.body', { title })}</p>
        <p>{t.t('thanks.share')}</p>
        <ShareLinks t={t} url={petitionUrl} title={title} />
        <p>
          <a href={`/${t.locale}/p/${slug}`}>{t.t('thanks.back')}</a>
        </p>
      </section>
    </Layout>
  );
}
