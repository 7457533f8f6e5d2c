// Writing an update: a title and a body in each of the petition's languages, and the email checkbox.
import type { Locale, Translator } from '../../../platform/i18n/translator.js';
import { PetitionNav } from './petition-nav.js';
import { Layout, languageSwitchHref } from '../../views/layout.js';
import { UPDATE_LIMITS, type UpdateErrors, type UpdateField, type UpdateValues } from '../../../updates/update-form.js';
import type { PetitionPageBase } from './petition-page-frame.js';

export interface UpdateFormPageProps extends PetitionPageBase {
  locales: Locale[];
  values: UpdateValues;
  errors: UpdateErrors;
}

function errorText(t: Translator, errors: UpdateErrors, field: UpdateField, locale: Locale): string | undefined {
  const key = errors[field];
  if (key === undefined) return undefined;
  return t.t(key, {
    language: t.languageName(locale),
    max: field.startsWith('title') ? UPDATE_LIMITS.title : UPDATE_LIMITS.body,
  });
}

export function UpdateFormPage(p: UpdateFormPageProps) {
  const { t } = p;
  const fields = Object.keys(p.errors) as UpdateField[]; // keys of UpdateErrors
  const localeOf = (field: UpdateField) => field.slice(-2) as Locale; // every UpdateField ends in _<locale>
  const described = (field: UpdateField, hint?: string) =>
    [hint, p.errors[field] === undefined ? undefined : `${field}-error`].filter((x) => x !== undefined).join(' ') ||
    undefined;
  return (
    <Layout
      t={t}
      title={t.t('updates.newTitle', { title: p.title })}
      switchHref={(locale) => languageSwitchHref(locale, `/organize/${p.petitionId}/updates/new`)}
    >
      <PetitionNav
        t={t}
        petitionId={p.petitionId}
        role={p.role}
        slug={p.slug}
        current="updates"
        previewHref={p.previewHref}
      />
      <h1>{t.t('updates.newHeading')}</h1>
      {fields.length === 0 ? null : (
        <div class="error-summary" role="alert" tabindex={-1} id="error-summary">
          <p>{t.t('updates.errorSummary', { count: fields.length })}</p>
          <ul>
            {fields.map((field) => (
              <li>
                <a href={`#${field}`}>{errorText(t, p.errors, field, localeOf(field))}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <form
        class="update-form"
        method="post"
        action={`/organize/${p.petitionId}/updates/new`}
        accept-charset="utf-8"
        novalidate
      >
        {p.locales.map((locale) => (
          <fieldset class="update-language">
            <legend>{t.t('updates.inLanguage', { language: t.languageName(locale) })}</legend>
            {(['title', 'body'] as const).map((part) => {
              const field: UpdateField = `${part}_${locale}`;
              const error = errorText(t, p.errors, field, locale);
              return (
                <div class={`field${error === undefined ? '' : ' has-error'}`}>
                  <label for={field}>{t.t(part === 'title' ? 'updates.field.title' : 'updates.field.body')}</label>
                  {part === 'body' ? (
                    <p class="hint" id={`${field}-hint`}>
                      {t.t('updates.field.bodyHint')}
                    </p>
                  ) : null}
                  {error === undefined ? null : (
                    <p class="field-error" id={`${field}-error`}>
                      {error}
                    </p>
                  )}
                  {part === 'title' ? (
                    <input
                      id={field}
                      name={field}
                      lang={locale}
                      type="text"
                      maxlength={UPDATE_LIMITS.title}
                      required
                      value={p.values[field] ?? ''}
                      aria-invalid={error === undefined ? undefined : 'true'}
                      aria-describedby={described(field)}
                    />
                  ) : (
                    <textarea
                      id={field}
                      name={field}
                      lang={locale}
                      rows={8}
                      maxlength={UPDATE_LIMITS.body}
                      required
                      aria-invalid={error === undefined ? undefined : 'true'}
                      aria-describedby={described(field, `${field}-hint`)}
                    >
                      {p.values[field] ?? ''}
                    </textarea>
                  )}
                </div>
              );
            })}
          </fieldset>
        ))}
        <div class="choice">
          <input
            type="checkbox"
            id="email_signers"
            name="email_signers"
            value="yes"
            checked={p.values.email_signers === 'yes'}
            aria-describedby="email_signers-hint"
          />
          <label for="email_signers">{t.t('updates.field.email')}</label>
        </div>
        <p class="hint" id="email_signers-hint">
          {t.t('updates.field.emailHint')}
        </p>
        <button type="submit" class="button">
          {t.t('updates.submit')}
        </button>
      </form>
    </Layout>
  );
}
