// The petition page: every part of the original page, the sign form, recent signers, share links.
import { PictureFigure, type PictureView } from '../../views/petition-picture.js';
import type { Child } from 'hono/jsx';
import type { Locale, Translator } from '../../../platform/i18n/translator.js';
import type { MessageKey } from '../../../platform/i18n/message-key.js';
import { ErrorSummary, SignFormView } from './sign-form.js';
import type { SeatTargetLine } from '../../views/seat-targets.js';
import type { FieldErrors, SignFormValues } from '../../../signing/sign-form.js';
import { Layout, languageSwitchHref, type Alternate } from '../../views/layout.js';
import { ShareLinks, type ShareLinksProps } from '../../views/share-links.js';
import { writtenIn } from '../../views/written-in.js';
import { MarkdownHtml, markdownToPlainText } from '../../../platform/text/markdown.js';
import type { DeliveryMethod, PetitionText } from '../../../petitions/petition.js';
import type { PublicUpdate } from '../../../updates/public-updates.js';
import type { StoredResponse } from '../../../targets/response.js';
import { ResponseText } from '../../views/response-text.js';
import { languageOf } from '../../../platform/i18n/languages.js';

export interface PublicSigner {
  /** The signature's id: the comment's report link names it. */
  id?: number;
  displayName: string;
  town: string | null;
  comment: string | null;
  createdAt: string;
}

export interface PetitionPageProps {
  t: Translator;
  now: Date;
  slug: string;
  text: PetitionText;
  /** The language `text` is written in, when the petition has no text in the page's language. */
  textLocale?: Locale;
  /** Each named target in the reader's language where the petition has it, with the language of the name. */
  targets: { name: string; locale: Locale }[];
  /** "each signer's own senator and representative in …", per body. */
  seatTargets: SeatTargetLine[];
  /** Ask for a street address (district targets and a geocoder). */
  askStreet: boolean;
  deliveryMethod: DeliveryMethod;
  count: number;
  milestone: number | undefined;
  goal: number;
  signable: boolean;
  requiresVerification: boolean;
  recentSigners: PublicSigner[];
  canonicalUrl: string;
  alternates: Alternate[];
  signAction: string;
  form: { values: SignFormValues; errors: FieldErrors; formError?: MessageKey };
  source: string | undefined;
  /** The organizer's updates, newest first. */
  updates?: PublicUpdate[];
  /** The organizer's victory message, shown in the banner (the update posted when victory was declared). */
  victory?: PublicUpdate | undefined;
  /** Legislators' responses, oldest first (hidden ones left out). */
  responses?: StoredResponse[];
  /** When a published petition with signatures was last edited. */
  editedAt?: string | null;
  victoryAt?: string | null;
  /** The petition's picture, when it has one the public may see. */
  picture?: PictureView | undefined;
  /** The organizer's share message offered this time. */
  shareMessage?: ShareLinksProps['message'];
  /** The social card in the page's language (og:image). */
  card?: { url: string; alt: string; width: number; height: number };
  /** The organizer's preview: a banner above the petition, and a sign form that cannot be submitted. */
  preview?: Child;
  /** Recorded deliveries: "Delivered by hand to … on …", with the photo when there is one. */
  deliveries?: { line: string; photo?: { src: string; alt: string } }[];
}

export function PetitionPage(p: PetitionPageProps) {
  const { t } = p;
  const description = markdownToPlainText(p.text.statement).split(/\n/)[0] ?? '';
  const otherLanguages = p.alternates.filter((a) => a.locale !== t.locale);
  // Screen readers and translators must know when the petition's own words are in another language than the page.
  const textLang = p.textLocale === undefined || p.textLocale === t.locale ? undefined : p.textLocale;
  // …and which way they run, when it is not the page's way (English words on an Arabic page).
  const textDir = textLang === undefined || languageOf(textLang).dir === t.dir ? undefined : languageOf(textLang).dir;
  return (
    <Layout
      t={t}
      title={p.text.title}
      description={description}
      canonical={p.canonicalUrl}
      alternates={p.alternates}
      switchHref={(locale: Locale) => languageSwitchHref(locale, `/${locale}/p/${p.slug}`)}
      openGraph={{
        type: 'website',
        siteName: t.t('site.name'),
        url: p.canonicalUrl,
        ...(p.card === undefined ? {} : { image: p.card }),
      }}
    >
      {p.signable ? <ErrorSummary t={t} errors={p.form.errors} formError={p.form.formError} /> : null}
      {p.preview ?? null}
      {p.victoryAt == null ? null : (
        <section class="victory-banner" aria-labelledby="victory-heading">
          <p class="victory-date" id="victory-heading">
            {t.t('organize.public.victory', { date: t.date(p.victoryAt) })}
          </p>
          {p.victory === undefined ? null : (
            <>
              <h2 class="victory-title" {...writtenIn(t, p.victory.locale)}>
                {p.victory.title}
              </h2>
              <div class="victory-message" {...writtenIn(t, p.victory.locale)}>
                <MarkdownHtml html={p.victory.bodyHtml} text={p.victory.body} />
              </div>
            </>
          )}
        </section>
      )}
      <article class="petition" data-slug={p.slug}>
        <div class="petition-status" aria-live="polite">
          <p class="milestone">
            {p.milestone === undefined
              ? t.t('petition.firstSigners')
              : t.t('petition.milestoneReached', { count: p.milestone })}
          </p>
          <p class="count">
            <strong data-count={p.count}>{t.t('petition.count', { count: p.count })}</strong>
          </p>
          <progress
            max={p.goal}
            value={Math.min(p.count, p.goal)}
            aria-label={t.t('petition.progressLabel', { count: p.count, goal: p.goal })}
          >
            {t.t('petition.progressLabel', { count: p.count, goal: p.goal })}
          </progress>
          <p class="goal">{t.t('petition.nextGoal', { goal: p.goal })}</p>
        </div>

        <header class="petition-header">
          <p class="targets">
            <span class="label">{t.t('petition.to')}</span>{' '}
            {p.targets.map((target, i) => (
              <>
                {i > 0 ? ' · ' : null}
                {target.locale === t.locale ? target.name : <span {...writtenIn(t, target.locale)}>{target.name}</span>}
              </>
            ))}
            {p.seatTargets.map((line, i) => (
              <>
                {p.targets.length > 0 || i > 0 ? ' · ' : ''}
                {line.text}
                {line.sample ? (
                  <>
                    {' '}
                    <span class="badge">{t.t('targets.sampleBadge')}</span>
                  </>
                ) : null}
              </>
            ))}
          </p>
          <h1 lang={textLang} dir={textDir}>
            {p.text.title}
          </h1>
          {p.editedAt == null ? null : (
            <p class="edited-notice">
              <time datetime={p.editedAt}>{t.t('organize.public.editedOn', { date: t.date(p.editedAt) })}</time>
            </p>
          )}
          {otherLanguages.length === 0 ? null : (
            <p class="read-in">
              {t.t('petition.readIn')}{' '}
              {otherLanguages.map((a) => (
                <a href={languageSwitchHref(a.locale, `/${a.locale}/p/${p.slug}`)} hreflang={a.locale} lang={a.locale}>
                  {languageOf(a.locale).name}
                </a>
              ))}
            </p>
          )}
        </header>
        {p.picture === undefined ? null : (
          <PictureFigure
            class="petition-picture"
            picture={p.picture}
            sizes="(min-width: 62rem) 36rem, calc(100vw - 2rem)"
            lang={textLang}
          />
        )}
        <div class="statement" lang={textLang} dir={textDir}>
          <MarkdownHtml html={p.text.html?.statement} text={p.text.statement} />
        </div>

        <div class="sign-column">
          {p.signable && p.preview !== undefined ? (
            <fieldset class="preview-sign-form" disabled>
              <legend>{t.t('organize.preview.formDisabled')}</legend>
              <SignFormView
                t={t}
                action="#"
                values={{}}
                errors={{}}
                source={undefined}
                withErrorSummary={false}
                requiresVerification={p.requiresVerification}
                askStreet={p.askStreet}
              />
            </fieldset>
          ) : p.signable ? (
            <SignFormView
              t={t}
              action={p.signAction}
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
        </div>

        <section class="why" aria-labelledby="why-heading">
          <h2 id="why-heading">{t.t('petition.why')}</h2>
          <div lang={textLang} dir={textDir}>
            <MarkdownHtml html={p.text.html?.why} text={p.text.why} />
          </div>
        </section>

        <section class="delivery" aria-labelledby="delivery-heading">
          <h2 id="delivery-heading">{t.t('petition.delivery')}</h2>
          <p>{t.t(`petition.delivery.${p.deliveryMethod}`)}</p>
          {p.text.deliveryDetails === '' ? null : (
            <div lang={textLang} dir={textDir}>
              <MarkdownHtml html={p.text.html?.deliveryDetails} text={p.text.deliveryDetails} />
            </div>
          )}
          {(p.deliveries ?? []).map((d) => (
            <div class="delivered">
              <p class="delivered-line">
                <strong>{d.line}</strong>
              </p>
              {d.photo === undefined ? null : (
                <img class="delivered-photo" src={d.photo.src} alt={d.photo.alt} loading="lazy" />
              )}
            </div>
          ))}
        </section>

        {p.responses === undefined || p.responses.length === 0 ? null : (
          <section class="petition-responses" aria-labelledby="responses-heading">
            <h2 id="responses-heading">{t.t('responses.publicHeading')}</h2>
            {p.responses.map((r) => (
              <article class="response">
                <ResponseText t={t} response={r} />
                <p>
                  <a
                    class="report-link"
                    href={`/${t.locale}/p/${p.slug}/responses/${r.id}/report`}
                    rel="nofollow"
                    aria-label={t.t('report.link.responseLabel', { name: r.name })}
                  >
                    {t.t('report.link.comment')}
                  </a>
                </p>
              </article>
            ))}
          </section>
        )}
        {p.updates === undefined || p.updates.length === 0 ? null : (
          <section class="petition-updates" aria-labelledby="updates-heading">
            <h2 id="updates-heading">{t.t('updates.publicHeading')}</h2>
            {p.updates.map((u) => (
              <article class="update" aria-labelledby={`update-${u.id}`}>
                <h3 id={`update-${u.id}`} {...writtenIn(t, u.locale)}>
                  {u.title}
                </h3>
                <p class="update-date">
                  <time datetime={u.createdAt}>{t.t('updates.publicPosted', { date: t.date(u.createdAt) })}</time>
                </p>
                <div {...writtenIn(t, u.locale)}>
                  <MarkdownHtml html={u.bodyHtml} text={u.body} />
                </div>
              </article>
            ))}
          </section>
        )}

        <section class="recent-signers" aria-labelledby="signers-heading">
          <h2 id="signers-heading">{t.t('petition.recentSigners')}</h2>
          {p.recentSigners.length === 0 ? (
            <p>{t.t('petition.noPublicSigners')}</p>
          ) : (
            <ul>
              {p.recentSigners.map((s) => (
                <li>
                  {/* dir="auto": a name or comment in Arabic or Hebrew is set right to left, apart from the text around it. */}
                  <span class="signer-name" dir="auto">
                    {s.displayName}
                  </span>
                  {s.town === null ? null : <span class="signer-town">, {s.town}</span>}{' '}
                  <time datetime={s.createdAt}>{t.ago(s.createdAt, p.now)}</time>
                  {s.comment === null ? null : (
                    <p class="signer-comment" dir="auto">
                      {s.comment}
                    </p>
                  )}
                  {s.comment === null || s.id === undefined ? null : (
                    <a
                      class="report-link"
                      href={`/${t.locale}/p/${p.slug}/comments/${s.id}/report`}
                      rel="nofollow"
                      aria-label={t.t('report.link.commentLabel', { name: s.displayName })}
                    >
                      {t.t('report.link.comment')}
                    </a>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>

        <ShareLinks t={t} url={p.canonicalUrl} title={p.text.title} message={p.shareMessage} />
        <p class="report-petition">
          <a class="report-link" href={`/${t.locale}/p/${p.slug}/report`} rel="nofollow">
            {t.t('report.link.petition')}
          </a>
        </p>
      </article>
    </Layout>
  );
}
