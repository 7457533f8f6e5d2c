// The page frame: head (title, description, Open Graph, hreflang), header with the language switch, footer.
import type { Child } from 'hono/jsx';
import type { User } from '../../accounts/user.js';
import { canModerate, isAdmin } from '../../accounts/policy.js';
import { LOCALES, type Locale, type Translator } from '../../platform/i18n/translator.js';
import { languageOf } from '../../platform/i18n/languages.js';

export interface Alternate {
  locale: Locale;
  href: string;
}

export interface LayoutProps {
  t: Translator;
  title: string;
  description?: string;
  /** Absolute canonical URL of this page in this language. */
  canonical?: string;
  /** Absolute URLs of this page in each language it exists in. */
  alternates?: Alternate[];
  /** Where the language switch sends a reader who picks `locale`. */
  switchHref: (locale: Locale) => string;
  openGraph?: {
    type: string;
    siteName: string;
    url: string;
    /** The page's social card: a large preview picture on every network that unfurls the link. */
    image?: { url: string; alt: string; width: number; height: number };
  };
  /**
   * Organizer pages pass the reader (null when signed out) for the account links. Public pages pass
   * nothing, so a cached page is the same for everyone: it only offers "Start a petition".
   */
  user?: User | null;
  /** The header link that leads to this very page, marked aria-current="page" (the section's home pages). */
  navCurrent?: NavTarget;
  /**
   * Load `url` after `seconds` (a job's progress page while it runs, when the reader asked for it): a meta
   * refresh, no script. The page must offer a way to stop it (WCAG 2.2.1).
   */
  refresh?: { seconds: number; url: string } | undefined;
  children: Child;
}

export type NavTarget = '/organize' | '/account' | '/moderate' | '/admin';

/** Open Graph's form of a language: its own (locales/languages.json), else the tag with an underscore. */
const ogLocale = (locale: Locale) => languageOf(locale).ogLocale ?? locale.replace('-', '_');

export function Layout(props: LayoutProps) {
  const { t } = props;
  return (
    <html lang={t.locale} dir={t.dir === 'rtl' ? 'rtl' : undefined}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {props.refresh === undefined ? null : (
          <meta http-equiv="refresh" content={`${props.refresh.seconds}; url=${props.refresh.url}`} />
        )}
        <title>{props.title === t.t('site.name') ? props.title : `${props.title} · ${t.t('site.name')}`}</title>
        {props.description === undefined ? null : <meta name="description" content={props.description} />}
        {props.canonical === undefined ? null : <link rel="canonical" href={props.canonical} />}
        {(props.alternates ?? []).map((a) => (
          <link rel="alternate" hreflang={a.locale} href={a.href} />
        ))}
        {props.alternates?.[0] === undefined ? null : (
          <link rel="alternate" hreflang="x-default" href={props.alternates[0].href} />
        )}
        {props.openGraph === undefined ? null : (
          <>
            <meta property="og:type" content={props.openGraph.type} />
            <meta property="og:site_name" content={props.openGraph.siteName} />
            <meta property="og:title" content={props.title} />
            {props.description === undefined ? null : <meta property="og:description" content={props.description} />}
            <meta property="og:url" content={props.openGraph.url} />
            <meta property="og:locale" content={ogLocale(t.locale)} />
            {(props.alternates ?? [])
              .filter((a) => a.locale !== t.locale)
              .map((a) => (
                <meta property="og:locale:alternate" content={ogLocale(a.locale)} />
              ))}
            {props.openGraph.image === undefined ? (
              <meta name="twitter:card" content="summary" />
            ) : (
              <>
                <meta property="og:image" content={props.openGraph.image.url} />
                <meta property="og:image:type" content="image/png" />
                <meta property="og:image:width" content={String(props.openGraph.image.width)} />
                <meta property="og:image:height" content={String(props.openGraph.image.height)} />
                <meta property="og:image:alt" content={props.openGraph.image.alt} />
                <meta name="twitter:card" content="summary_large_image" />
                <meta name="twitter:image:alt" content={props.openGraph.image.alt} />
              </>
            )}
          </>
        )}
        <link rel="stylesheet" href="/static/firma.css" />
        <link rel="icon" href="/favicon.ico" sizes="48x48" />
        <link rel="icon" href="/static/icon.svg" type="image/svg+xml" />
        <link rel="apple-touch-icon" href="/apple-touch-icon.png" />
        <link rel="manifest" href="/manifest.webmanifest" />
        <script src="/static/firma.js" defer></script>
      </head>
      <body>
        <a class="skip" href="#main">
          {t.t('site.skipToContent')}
        </a>
        <header class="site-header">
          <a class="brand" href={`/${t.locale}`}>
            {t.t('site.name')}
          </a>
          <AccountNav t={t} user={props.user} current={props.navCurrent} />
          <nav aria-label={t.t('lang.label')} class="lang-switch">
            <ul>
              {LOCALES.map((locale) =>
                locale === t.locale ? (
                  <li>
                    <span aria-current="true" lang={locale}>
                      {languageOf(locale).name}
                    </span>
                  </li>
                ) : (
                  <li>
                    <a
                      href={props.switchHref(locale)}
                      hreflang={locale}
                      lang={locale}
                      dir={languageOf(locale).dir === t.dir ? undefined : languageOf(locale).dir}
                    >
                      {languageOf(locale).name}
                    </a>
                  </li>
                ),
              )}
            </ul>
          </nav>
        </header>
        <main id="main">{props.children}</main>
        <footer class="site-footer">
          <p>{t.t('site.footer')}</p>
          <p>
            <a href={`/${t.locale}/privacy`}>{t.t('footer.privacy')}</a>
          </p>
        </footer>
      </body>
    </html>
  );
}

function AccountNav({
  t,
  user,
  current,
}: {
  t: Translator;
  user: User | null | undefined;
  current: NavTarget | undefined;
}) {
  const here = (target: NavTarget) => (target === current ? 'page' : undefined);
  return (
    <nav aria-label={t.t('nav.label')} class="account-nav">
      <ul>
        {user === undefined ? (
          <li>
            <a href="/organize/new">{t.t('nav.startPetition')}</a>
          </li>
        ) : user === null ? (
          <li>
            <a href="/signin">{t.t('nav.signIn')}</a>
          </li>
        ) : (
          <>
            <li>
              <a href="/organize" aria-current={here('/organize')}>
                {t.t('nav.myPetitions')}
              </a>
            </li>
            <li>
              <a href="/account" aria-current={here('/account')}>
                {t.t('nav.account')}
              </a>
            </li>
            {canModerate(user) ? (
              <li>
                <a href="/moderate" aria-current={here('/moderate')}>
                  {t.t('moderation.nav.queue')}
                </a>
              </li>
            ) : null}
            {isAdmin(user) ? (
              <li>
                <a href="/admin" aria-current={here('/admin')}>
                  {t.t('moderation.nav.admin')}
                </a>
              </li>
            ) : null}
            <li>
              <form method="post" action="/signout">
                <button type="submit" class="link-button">
                  {t.t('nav.signOut')}
                </button>
              </form>
            </li>
          </>
        )}
      </ul>
    </nav>
  );
}

/** The language switch goes through /lang/:locale so the choice sticks in a cookie. */
export function languageSwitchHref(locale: Locale, nextPath: string): string {
  return `/lang/${locale}?next=${encodeURIComponent(nextPath)}`;
}
