// The embeddable sign form and what follows it (errors, thanks, check your email): a minimal page
// other sites may frame. Links out open in a new tab, so the partner's page stays where it is.
import { PictureFigure, type PictureView } from '../../views/petition-picture.js';
import type { Child } from 'hono/jsx';
import type { MessageKey } from '../../../platform/i18n/message-key.js';
import type { Locale, Translator } from '../../../platform/i18n/translator.js';
import type { FieldErrors, SignFormValues } from '../../../signing/sign-form.js';
import { ErrorSummary, SignFormView } from './sign-form.js';

function EmbedFrame({
  t,
  title,
  petitionUrl,
  children,
}: {
  t: Translator;
  title: string;
  petitionUrl: string;
  children: Child;
}) {
  return (
    <html lang={t.locale} dir={t.dir === 'rtl' ? 'rtl' : undefined}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${title} · ${t.t('site.name')}`}</title>
        <link rel="canonical" href={petitionUrl} />
        <link rel="stylesheet" href="/static/firma.css" />
        <script src="/static/firma.js" defer></script>
      </head>
      <body class="embed">
        <main id="main">{children}</main>
        <footer class="embed-footer">
          <a href={petitionUrl} target="_blank" rel="noopener">
            {t.t('embed.poweredBy')}
          </a>
        </footer>
      </body>
    </html>
  );
}

export interface EmbedSignProps {
  t: Translator;
  title: string;
  /** The title's language, when the petition has no text in the page's language. */
  titleLocale?: Locale;
  petitionUrl: string;
  count: number;
  signable: boolean;
  requiresVerification: boolean;
  /** Ask for a street address (district targets and a geocoder). */
  askStreet: boolean;
  action: string;
  source: string | undefined;
  form: { values: SignFormValues; errors: FieldErrors; formError?: MessageKey };
  picture?: PictureView | undefined;
}

export function EmbedSignPage(p: EmbedSignProps) {
  const { t } = p;
  return (
    <EmbedFrame t={t} title={p.title} petitionUrl={p.petitionUrl}>
      <ErrorSummary t={t} errors={p.form.errors} formError={p.form.formError} />
      <h1 class="embed-title" lang={p.titleLocale === t.locale ? undefined : p.titleLocale}>
        {p.title}
      </h1>
      {p.picture === undefined ? null : (
        <PictureFigure
          class="petition-picture"
          picture={p.picture}
          sizes="(min-width: 32rem) 30rem, 100vw"
          lang={p.titleLocale === t.locale ? undefined : p.titleLocale}
        />
      )}
      <p class="count">
        <strong data-count={p.count}>{t.t('petition.count', { count: p.count })}</strong>
      </p>
      <p>
        <a href={p.petitionUrl} target="_blank" rel="noopener">
          {t.t('embed.openFull')}
        </a>
      </p>
      {p.signable ? (
        <SignFormView
          t={t}
          action={p.action}
          values={p.form.values}
          errors={p.form.errors}
          source={p.source}
          withErrorSummary={false}
          requiresVerification={p.requiresVerification}
          askStreet={p.askStreet}
        />
      ) : (
        <p class="closed-notice">{t.t('petition.closed')}</p>
      )}
    </EmbedFrame>
  );
}

export interface EmbedThanksProps {
  t: Translator;
  title: string;
  petitionUrl: string;
  alreadySigned: boolean;
  checkEmail: boolean;
  /** Pending because proof of work was on and the browser did not pass it: say why. */
  slowerPath?: boolean;
  /** Who receives the signature (a petition to each signer's legislators), as sentences. */
  recipients?: string[];
  /** The full thank-you page, where a signer whose ZIP is split chooses their district or gives an address. */
  settleHref?: string | undefined;
  /** The legislature is Firma's generated sample data. */
  sample?: boolean;
}

export function EmbedThanksPage({
  t,
  title,
  petitionUrl,
  alreadySigned,
  checkEmail,
  slowerPath = false,
  recipients = [],
  settleHref,
  sample = false,
}: EmbedThanksProps) {
  const heading = checkEmail ? t.t('thanks.checkEmail.title') : t.t('thanks.title');
  const message = checkEmail
    ? t.t('thanks.checkEmail.body', { title })
    : alreadySigned
      ? t.t('thanks.already', { title })
      : t.t('thanks.body', { title });
  return (
    <EmbedFrame t={t} title={heading} petitionUrl={petitionUrl}>
      <section class="thanks">
        <h1>{heading}</h1>
        <p class="thanks-message">{message}</p>
        {checkEmail && slowerPath ? <p class="slower-path">{t.t('abuse.pow.slowerPath')}</p> : null}
        {recipients.length === 0 ? null : (
          <div class="recipients">
            {sample ? <p class="sample-note">{t.t('targets.sample')}</p> : null}
            {recipients.map((sentence) => (
              <p>{sentence}</p>
            ))}
          </div>
        )}
        {settleHref === undefined ? null : (
          <p>
            <a href={settleHref} target="_blank" rel="noopener">
              {t.t('embed.settleDistrict')}
            </a>
          </p>
        )}
        <p>
          <a href={petitionUrl} target="_blank" rel="noopener">
            {t.t('embed.openFull')}
          </a>
        </p>
      </section>
    </EmbedFrame>
  );
}
