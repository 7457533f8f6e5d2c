// The public privacy page: what is collected, what is public, the retention schedule, withdrawal and deletion.
import type { Translator } from '../../../platform/i18n/translator.js';
import { type Alternate, languageSwitchHref, Layout } from '../../views/layout.js';

export interface PrivacyPageProps {
  t: Translator;
  /** The configured number of days after closing until signers' data is erased. */
  retentionDays: number;
  /** Where deletion requests go (an email address). */
  contact: string;
  canonical: string;
  alternates: Alternate[];
  /** The host name of the address service street addresses are sent to (GEOCODER_URL), if one is configured. */
  geocoderHost?: string | undefined;
}

/** The sections in reading order: each a heading and a paragraph. */
const SECTIONS = [
  'collect',
  'public',
  'email',
  'address',
  'districts',
  'retention',
  'kept',
  'withdraw',
  'request',
  'thirdParty',
] as const;

export function PrivacyPage(p: PrivacyPageProps) {
  const { t } = p;
  const body = (section: (typeof SECTIONS)[number]) => {
    if (section === 'retention') return t.t('privacy.retention.body', { count: p.retentionDays });
    if (section === 'districts')
      return [
        t.t('privacy.districts.body'),
        ...(p.geocoderHost === undefined ? [] : [t.t('privacy.districts.geocoder', { service: p.geocoderHost })]),
        t.t('privacy.districts.legislators'),
      ].join(' ');
    if (section !== 'request') return t.t(`privacy.${section}.body`);
    // The contact is a link inside the sentence: split the message around its placeholder.
    const [before = '', after = ''] = t.t('privacy.request.body', { contact: '\u0000' }).split('\u0000');
    return (
      <>
        {before}
        <a href={`mailto:${p.contact}`}>{p.contact}</a>
        {after}
      </>
    );
  };
  return (
    <Layout
      t={t}
      title={t.t('privacy.title')}
      description={t.t('privacy.description')}
      canonical={p.canonical}
      alternates={p.alternates}
      switchHref={(locale) => languageSwitchHref(locale, `/${locale}/privacy`)}
    >
      <article class="privacy-page">
        <h1>{t.t('privacy.title')}</h1>
        <p>{t.t('privacy.intro')}</p>
        {SECTIONS.map((section) => (
          <section id={section} aria-labelledby={`${section}-heading`}>
            <h2 id={`${section}-heading`}>{t.t(`privacy.${section}.heading`)}</h2>
            <p>{body(section)}</p>
          </section>
        ))}
      </article>
    </Layout>
  );
}
