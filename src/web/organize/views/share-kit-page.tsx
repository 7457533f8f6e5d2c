// The share kit: the petition's link, a source-code link builder with share links and a QR code,
// and the embeddable sign form's snippet.
import type { PetitionRole } from '../../../teams/team-role.js';
import type { Translator } from '../../../platform/i18n/translator.js';
import { Layout, languageSwitchHref } from '../../views/layout.js';
import { ShareLinks } from '../../views/share-links.js';
import type { NotPublic } from '../../../moderation/not-public.js';
import { NotPublicNotice } from './not-public-notice.js';
import { PetitionNav } from './petition-nav.js';
import { describedBy, ErrorList, Field, type Errors } from '../../views/form-parts.js';

export interface ShareKitProps {
  t: Translator;
  petitionId: number;
  /** The reader's role on the petition: the links shown are the pages it includes. */
  role: PetitionRole;
  slug: string;
  title: string;
  baseLink: string;
  source: string | undefined;
  /** What was typed when it was not a valid code (kept in the field). */
  rejectedSource: string | undefined;
  link: string;
  embedSrc: string;
  snippet: string;
  /** The social card and story picture in each of the petition's languages that the site speaks. */
  cards: { locale: string; language: string; card: string; story: string }[];
  /** The share messages offered now, each with its share buttons' base (none for a language the site lacks). */
  messages: { id: number; locale: string; body: string; shareBase: string | undefined }[];
  languages: { locale: string; name: string }[];
  messageForm: ShareMessageForm;
  maxMessages: number;
  maxLength: number;
  flash: 'added' | 'removed' | undefined;
}

export interface ShareMessageForm {
  values: { locale: string; body: string };
  errors: Errors;
}

export function ShareKitPage(p: ShareKitProps) {
  const { t } = p;
  const query = p.source === undefined ? '' : `?source=${p.source}`;
  const qrBase = `/organize/${p.petitionId}`;
  const invalid = p.rejectedSource !== undefined;
  return (
    <Layout
      t={t}
      title={t.t('sharekit.title', { title: p.title })}
      switchHref={(locale) => languageSwitchHref(locale, `/organize/${p.petitionId}/share${query}`)}
    >
      <PetitionNav t={t} petitionId={p.petitionId} role={p.role} slug={p.slug} current="share" />
      <h1>{t.t('sharekit.heading')}</h1>

      <section aria-labelledby="link-heading">
        <h2 id="link-heading">{t.t('sharekit.link')}</h2>
        <div class="share-copy">
          <label for="base-link">{t.t('sharekit.linkLabel')}</label>
          <input id="base-link" type="url" value={p.baseLink} readonly />
          <button type="button" class="copy-link" data-copy-target="base-link" data-copied={t.t('share.copied')} hidden>
            {t.t('share.copy')}
          </button>
          <span class="copy-status" role="status"></span>
        </div>
      </section>

      <section aria-labelledby="builder-heading">
        <h2 id="builder-heading">{t.t('sharekit.builder')}</h2>
        <p>{t.t('sharekit.builderIntro')}</p>
        <form class="source-builder" method="get" action={`/organize/${p.petitionId}/share`}>
          <div class={`field${invalid ? ' has-error' : ''}`}>
            <label for="source">{t.t('sharekit.code')}</label>
            <p class="hint" id="source-hint">
              {t.t('sharekit.codeHint')}
            </p>
            {invalid ? (
              <p class="field-error" id="source-error">
                {t.t('sharekit.codeInvalid')}
              </p>
            ) : null}
            <input
              id="source"
              name="source"
              type="text"
              maxlength={64}
              autocomplete="off"
              spellcheck={false}
              value={p.rejectedSource ?? p.source ?? ''}
              aria-invalid={invalid ? 'true' : undefined}
              aria-describedby={invalid ? 'source-hint source-error' : 'source-hint'}
            />
          </div>
          <button type="submit" class="button">
            {t.t('sharekit.make')}
          </button>
        </form>
        {p.source === undefined ? null : (
          <div class="source-result">
            <div class="share-copy">
              <label for="source-link">{t.t('sharekit.linkFor', { source: p.source })}</label>
              <input id="source-link" type="url" value={p.link} readonly />
              <button
                type="button"
                class="copy-link"
                data-copy-target="source-link"
                data-copied={t.t('share.copied')}
                hidden
              >
                {t.t('share.copy')}
              </button>
              <span class="copy-status" role="status"></span>
            </div>
          </div>
        )}
      </section>

      <div class="share-kit-columns">
        <section aria-labelledby="qr-heading" class="qr-section">
          <h2 id="qr-heading">{t.t('sharekit.qr')}</h2>
          <img
            class="qr-code"
            src={`${qrBase}/qr.svg${query}`}
            alt={t.t('sharekit.qrAlt', { url: p.link })}
            width="240"
            height="240"
          />
          <ul class="qr-downloads">
            <li>
              <a
                href={`${qrBase}/qr.svg${query}`}
                download={`${p.slug}${p.source === undefined ? '' : `-${p.source}`}-qr.svg`}
              >
                {t.t('sharekit.qrSvg')}
              </a>
            </li>
            <li>
              <a
                href={`${qrBase}/qr.png${query}`}
                download={`${p.slug}${p.source === undefined ? '' : `-${p.source}`}-qr.png`}
              >
                {t.t('sharekit.qrPng')}
              </a>
            </li>
          </ul>
        </section>
        <div class="share-kit-links">
          <ShareLinks t={t} url={p.link} title={p.title} />
        </div>
      </div>

      <ShareMessages {...p} />

      <section aria-labelledby="card-heading">
        <h2 id="card-heading">{t.t('sharekit.card')}</h2>
        <p>{t.t('sharekit.cardIntro')}</p>
        <ul class="card-downloads">
          {p.cards.map((c) => (
            <li>
              <img
                src={c.card}
                alt={t.t('sharekit.cardAlt', { language: c.language })}
                width="300"
                height="158"
                loading="lazy"
              />
              <a href={c.card} download={`${p.slug}-${c.locale}.png`}>
                {t.t('sharekit.cardDownload', { language: c.language })}
              </a>
              <a href={c.story} download={`${p.slug}-${c.locale}-story.png`}>
                {t.t('sharekit.storyDownload', { language: c.language })}
              </a>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="embed-heading">
        <h2 id="embed-heading">{t.t('sharekit.embed')}</h2>
        <p>{t.t('sharekit.embedIntro')}</p>
        <div class="share-copy">
          <label for="embed-snippet">{t.t('sharekit.embedLabel')}</label>
          <textarea id="embed-snippet" class="snippet" rows={3} readonly>
            {p.snippet}
          </textarea>
          <button
            type="button"
            class="copy-link"
            data-copy-target="embed-snippet"
            data-copied={t.t('share.copied')}
            hidden
          >
            {t.t('sharekit.copySnippet')}
          </button>
          <span class="copy-status" role="status"></span>
        </div>
        <p>
          <a href={p.embedSrc}>{t.t('sharekit.embedPreview')}</a>
        </p>
      </section>
    </Layout>
  );
}

/** The share messages: those offered in each language, with their source codes and buttons, and the form. */
function ShareMessages(p: ShareKitProps) {
  const { t } = p;
  const errors = p.messageForm.errors;
  return (
    <section aria-labelledby="messages-heading" class="share-messages">
      <h2 id="messages-heading">{t.t('sharekit.messages')}</h2>
      {p.flash === undefined ? null : (
        <p class="flash" role="status">
          {t.t(p.flash === 'added' ? 'sharekit.messageAdded' : 'sharekit.messageRemoved')}
        </p>
      )}
      <p>{t.t('sharekit.messagesIntro', { max: p.maxMessages })}</p>
      {p.messages.length === 0 ? (
        <p>{t.t('sharekit.messageNone')}</p>
      ) : (
        <ul class="share-message-list">
          {p.messages.map((m) => (
            <li>
              <p class="share-message-language">{t.languageName(m.locale)}</p>
              <blockquote class="share-message" lang={m.locale}>
                {m.body}
              </blockquote>
              <p class="hint">{t.t('sharekit.messageCode', { id: m.id })}</p>
              <form method="post" action={`/organize/${p.petitionId}/share/messages/${m.id}/remove`}>
                <button type="submit" class="secondary">
                  {t.t('sharekit.messageRemove')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <ErrorList t={t} errors={errors} summaryKey="export.errorSummary" />
      <form class="message-form" method="post" action={`/organize/${p.petitionId}/share/messages`} novalidate>
        <Field t={t} id="message_locale" label={t.t('sharekit.messageLanguage')} errors={errors}>
          <select
            id="message_locale"
            name="message_locale"
            aria-invalid={errors['message_locale'] === undefined ? undefined : 'true'}
            aria-describedby={describedBy('message_locale', errors, false)}
          >
            {p.languages.map((l) => (
              <option value={l.locale} selected={l.locale === p.messageForm.values.locale}>
                {l.name}
              </option>
            ))}
          </select>
        </Field>
        <Field
          t={t}
          id="message_body"
          label={t.t('sharekit.messageBody')}
          hint={t.t('sharekit.messageHint', { max: p.maxLength })}
          errors={errors}
        >
          <textarea
            id="message_body"
            name="message_body"
            rows={3}
            maxlength={p.maxLength}
            aria-invalid={errors['message_body'] === undefined ? undefined : 'true'}
            aria-describedby={describedBy('message_body', errors, true)}
          >
            {p.messageForm.values.body}
          </textarea>
        </Field>
        <button type="submit">{t.t('sharekit.messageAdd')}</button>
      </form>
    </section>
  );
}

export interface NotPublicShareKitProps {
  t: Translator;
  petitionId: number;
  /** The reader's role on the petition: the links shown are the pages it includes. */
  role: PetitionRole;
  slug: string;
  title: string;
  why: NotPublic;
  previewHref: string;
}

/** The share kit of a petition that is not public: why, instead of links that would lead nowhere. */
export function NotPublicShareKitPage(p: NotPublicShareKitProps) {
  const { t } = p;
  return (
    <Layout
      t={t}
      title={t.t('sharekit.title', { title: p.title })}
      switchHref={(locale) => languageSwitchHref(locale, `/organize/${p.petitionId}/share`)}
    >
      <PetitionNav
        t={t}
        petitionId={p.petitionId}
        role={p.role}
        slug={p.slug}
        current="share"
        previewHref={p.previewHref}
      />
      <h1>{t.t('sharekit.heading')}</h1>
      <NotPublicNotice t={t} petitionId={p.petitionId} why={p.why} previewHref={p.previewHref} />
    </Layout>
  );
}
