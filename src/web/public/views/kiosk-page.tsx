// The kiosk: a page of its own for a tablet at an event (no site header to wander off through), in one of the
// petition's languages, the signer choosing theirs at the top. One form — name, email if they want the notice, ZIP
// code — that works without JavaScript (posted, then a thank-you page); with public/kiosk.js it keeps each signature
// encrypted on the tablet until the server has it, resets between signers, and works offline as an installed app.
import type { Child } from 'hono/jsx';
import { translator, type Translator } from '../../../platform/i18n/translator.js';
import type { MessageKey } from '../../../platform/i18n/message-key.js';
import { LIMITS } from '../../../signing/sign-form.js';

export interface KioskPageProps {
  t: Translator;
  /** The kiosk's own path, /kiosk/<token>. */
  path: string;
  title: string;
  statement: string;
  targets: string;
  locales: readonly string[];
  label: string;
  expiresAt: string;
  /** A fresh id for this page's signature (the form without JavaScript: sent twice, counted once). */
  submissionId: string;
  values: { name: string; email: string; postal_code: string };
  errors: Partial<Record<'name' | 'email' | 'postal_code', MessageKey>>;
  country: string;
}

function KioskShell({ t, title, path, children }: { t: Translator; title: string; path: string; children: Child }) {
  return (
    <html lang={t.locale} dir={t.dir === 'rtl' ? 'rtl' : undefined}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <meta name="theme-color" content="#b3261e" />
        <title>{title}</title>
        <link rel="stylesheet" href="/static/firma.css" />
        <link rel="icon" href="/static/icon.svg" type="image/svg+xml" />
        <link rel="manifest" href={`${path}/manifest.webmanifest`} />
        <script src="/static/kiosk.js" defer></script>
      </head>
      <body class="kiosk">
        <main id="main" class="kiosk-page">
          {children}
        </main>
      </body>
    </html>
  );
}

function Input(p: {
  t: Translator;
  id: 'name' | 'email' | 'postal_code';
  label: string;
  hint?: string;
  type: string;
  value: string;
  error?: MessageKey | undefined;
  extra?: Record<string, string>;
}) {
  const described = [p.hint === undefined ? undefined : `${p.id}-hint`, `${p.id}-error`].filter(Boolean).join(' ');
  return (
    <div class={`field${p.error === undefined ? '' : ' has-error'}`}>
      <label for={p.id}>{p.label}</label>
      {p.hint === undefined ? null : (
        <p class="hint" id={`${p.id}-hint`}>
          {p.hint}
        </p>
      )}
      <p class="field-error" id={`${p.id}-error`} hidden={p.error === undefined}>
        {p.error === undefined ? '' : p.t.t(p.error, { max: p.id === 'email' ? LIMITS.email : LIMITS.name })}
      </p>
      <input
        type={p.type}
        id={p.id}
        name={p.id}
        value={p.value}
        autocomplete="off"
        aria-invalid={p.error === undefined ? undefined : 'true'}
        aria-describedby={described}
        {...(p.extra ?? {})}
      />
    </div>
  );
}

export function KioskPage(p: KioskPageProps) {
  const { t } = p;
  // What kiosk.js says on the tablet, in this page's language (no script text in the page: the policy forbids it).
  const messages = {
    nameRequired: t.t('error.name.required'),
    emailInvalid: t.t('error.email.invalid'),
    postalRequired: t.t('error.postalCode.required'),
    postalInvalid: t.t('error.postalCode.invalid'),
    waiting: t.t('kiosk.waiting', { count: '#N#' }),
    sent: t.t('kiosk.allSent'),
    offline: t.t('kiosk.offline'),
    refused: t.t('kiosk.refused', { count: '#N#' }),
  };
  return (
    <KioskShell t={t} title={p.title} path={p.path}>
      <nav class="kiosk-languages" aria-label={t.t('lang.label')}>
        <ul>
          {p.locales.map((locale) => (
            <li>
              <a
                href={`${p.path}?lang=${locale}`}
                lang={locale}
                hreflang={locale}
                aria-current={locale === t.locale ? 'true' : undefined}
              >
                {/* Each language in its own words: the signer looks for theirs. */}
                {translator(locale).languageName(locale)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h1>{p.title}</h1>
      <p class="kiosk-to">{t.t('kiosk.to', { targets: p.targets })}</p>
      <p class="kiosk-statement">{p.statement}</p>
      <section id="kiosk-thanks" class="kiosk-thanks" hidden tabindex={-1} aria-labelledby="kiosk-thanks-heading">
        <h2 id="kiosk-thanks-heading">{t.t('kiosk.thanks')}</h2>
        <p>{t.t('kiosk.thanksBody')}</p>
        <button type="button" id="kiosk-next" class="button">
          {t.t('kiosk.next')}
        </button>
      </section>
      <form
        id="kiosk-form"
        method="post"
        action={`${p.path}/sign`}
        accept-charset="utf-8"
        novalidate
        autocomplete="off"
        class="kiosk-form"
        data-kiosk={p.path}
        data-locale={t.locale}
        data-country={p.country}
        data-messages={JSON.stringify(messages)}
      >
        <input type="hidden" name="submission_id" value={p.submissionId} />
        <input type="hidden" name="locale" value={t.locale} />
        <Input t={t} id="name" label={t.t('sign.name')} type="text" value={p.values.name} error={p.errors.name} />
        <Input
          t={t}
          id="email"
          label={t.t('kiosk.email')}
          hint={t.t('kiosk.emailHint')}
          type="email"
          value={p.values.email}
          error={p.errors.email}
          extra={{ dir: 'ltr', inputmode: 'email' }}
        />
        <Input
          t={t}
          id="postal_code"
          label={t.t('sign.postalCode')}
          type="text"
          value={p.values.postal_code}
          error={p.errors.postal_code}
          extra={{ inputmode: 'numeric' }}
        />
        <p class="hint">{t.t('kiosk.privacy')}</p>
        <button type="submit" class="button">
          {t.t('kiosk.sign')}
        </button>
      </form>
      <p id="kiosk-status" class="kiosk-status" role="status" aria-live="polite"></p>
      <button type="button" id="kiosk-review" class="secondary kiosk-review" hidden>
        {t.t('kiosk.review')}
      </button>
      <p class="kiosk-staff hint">{t.t('kiosk.staff', { label: p.label, date: t.moment(p.expiresAt) })}</p>
    </KioskShell>
  );
}

/** After a signature sent without JavaScript: thanks, and a fresh form for the next person. */
export function KioskThanksPage({ t, path, title }: { t: Translator; path: string; title: string }) {
  return (
    <KioskShell t={t} title={title} path={path}>
      <section class="kiosk-thanks">
        <h1>{t.t('kiosk.thanks')}</h1>
        <p>{t.t('kiosk.thanksBody')}</p>
        <p>
          <a class="button" href={`${path}?lang=${t.locale}`}>
            {t.t('kiosk.next')}
          </a>
        </p>
      </section>
    </KioskShell>
  );
}

/** A link that opens no kiosk: expired, turned off or unknown. */
export function KioskClosedPage({ t, path, body }: { t: Translator; path: string; body: MessageKey }) {
  return (
    <KioskShell t={t} title={t.t('kiosk.closed.title')} path={path}>
      <h1>{t.t('kiosk.closed.title')}</h1>
      <p>{t.t(body)}</p>
    </KioskShell>
  );
}
