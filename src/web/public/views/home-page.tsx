// The home page: open petitions with their counts, in the reader's language.
import type { Locale, Translator } from '../../../platform/i18n/translator.js';
import { Layout, languageSwitchHref } from '../../views/layout.js';

export interface PetitionSummary {
  slug: string;
  title: string;
  locale: Locale;
  count: number;
}

export function HomePage({ t, petitions, baseUrl }: { t: Translator; petitions: PetitionSummary[]; baseUrl: string }) {
  return (
    <Layout
      t={t}
      title={t.t('site.name')}
      description={t.t('site.tagline')}
      canonical={`${baseUrl}/${t.locale}`}
      switchHref={(locale) => languageSwitchHref(locale, `/${locale}`)}
    >
      <section class="home">
        <h1>{t.t('home.title')}</h1>
        <p>{t.t('home.intro')}</p>
        {petitions.length === 0 ? (
          <p>{t.t('home.empty')}</p>
        ) : (
          <ul class="petition-list">
            {petitions.map((p) => (
              <li>
                <a href={`/${t.locale}/p/${p.slug}`} lang={p.locale === t.locale ? undefined : p.locale}>
                  {p.title}
                </a>
                <span class="list-count">{t.t('home.signatures', { count: p.count })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Layout>
  );
}
