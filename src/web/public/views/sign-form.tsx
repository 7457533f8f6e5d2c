// The sign form: works without JavaScript, errors next to each field, what was typed kept.
import type { Translator } from '../../../platform/i18n/translator.js';
import type { MessageKey } from '../../../platform/i18n/message-key.js';
import {
  LIMITS,
  NAME_DISPLAYS,
  type FieldErrors,
  type SignFormField,
  type SignFormValues,
} from '../../../signing/sign-form.js';

export interface SignFormProps {
  t: Translator;
  action: string;
  values: SignFormValues;
  errors: FieldErrors;
  source: string | undefined;
  /** The petition asks signers to confirm by email: say so before they sign. */
  requiresVerification?: boolean;
  /** A petition-level failure (e.g. closed), shown above the fields. */
  formError?: MessageKey;
  /** False when the page shows the <ErrorSummary> itself, nearer the top. */
  withErrorSummary?: boolean;
  /** The petition goes to each signer's own legislators and a geocoder can match a street address: ask for one. */
  askStreet?: boolean;
}

function describedBy(field: SignFormField, errors: FieldErrors, hint?: string): string | undefined {
  const ids = [hint, errors[field] === undefined ? undefined : `${field}-error`].filter((id) => id !== undefined);
  return ids.length === 0 ? undefined : ids.join(' ');
}

/** The length limit a field's error message names. */
function limitOf(field: SignFormField): number {
  return field === 'comment' || field === 'email' || field === 'street' ? LIMITS[field] : LIMITS.name;
}

function FieldError({ t, field, errors }: { t: Translator; field: SignFormField; errors: FieldErrors }) {
  const key = errors[field];
  if (key === undefined) return null;
  return (
    <p class="field-error" id={`${field}-error`}>
      {t.t(key, { max: limitOf(field) })}
    </p>
  );
}

/**
 * What went wrong with the last submission, linking to each field. A page can show it first in
 * <main>: after a post without JavaScript the browser opens at the top, and on a phone a summary
 * inside the form would be out of sight, so the page would seem unchanged. Focused by firma.js.
 */
export function ErrorSummary({
  t,
  errors,
  formError,
}: {
  t: Translator;
  errors: FieldErrors;
  formError?: MessageKey | undefined;
}) {
  const fields = Object.keys(errors) as SignFormField[]; // keys of FieldErrors are SignFormField
  if (fields.length === 0 && formError === undefined) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} id="error-summary">
      {formError === undefined ? null : <p class="form-error">{t.t(formError)}</p>}
      {fields.length === 0 ? null : (
        <>
          <p>{t.t('sign.errorSummary', { count: fields.length })}</p>
          <ul>
            {fields.map((field) => (
              <li>
                <a href={`#${field === 'name_display' ? 'name_display-full' : field}`}>
                  {t.t(errors[field] ?? 'error.name.required', {
                    max: limitOf(field),
                  })}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/**
 * The optional street address that finds a signer's district when their ZIP code lies in several: on the sign form
 * and on the thank-you page.
 */
export function StreetField({ t, value, errors }: { t: Translator; value: string; errors: FieldErrors }) {
  return (
    <div class={`field${errors.street ? ' has-error' : ''}`}>
      <label for="street">{t.t('sign.street')}</label>
      <p class="hint" id="street-hint">
        {t.t('sign.streetHint')}
      </p>
      <FieldError t={t} field="street" errors={errors} />
      <input
        id="street"
        name="street"
        type="text"
        autocomplete="address-line1"
        maxlength={LIMITS.street}
        value={value}
        aria-invalid={errors.street === undefined ? undefined : 'true'}
        aria-describedby={describedBy('street', errors, 'street-hint')}
      />
    </div>
  );
}

export function SignFormView({
  t,
  action,
  values,
  errors,
  source,
  formError,
  withErrorSummary = true,
  requiresVerification = false,
  askStreet = false,
}: SignFormProps) {
  const display = values.name_display ?? 'first_initial';
  const invalid = (field: SignFormField) => (errors[field] === undefined ? undefined : 'true');
  return (
    <form class="sign-form" method="post" action={action} accept-charset="utf-8" novalidate>
      <h2 id="sign-heading">{t.t('sign.heading')}</h2>
      {withErrorSummary ? <ErrorSummary t={t} errors={errors} formError={formError} /> : null}
      <div class={`field${errors.name ? ' has-error' : ''}`}>
        <label for="name">{t.t('sign.name')}</label>
        <FieldError t={t} field="name" errors={errors} />
        <input
          id="name"
          name="name"
          type="text"
          autocomplete="name"
          maxlength={LIMITS.name}
          required
          value={values.name ?? ''}
          aria-invalid={invalid('name')}
          aria-describedby={describedBy('name', errors)}
        />
      </div>
      <div class={`field${errors.email ? ' has-error' : ''}`}>
        <label for="email">{t.t('sign.email')}</label>
        <p class="hint" id="email-hint">
          {t.t('sign.emailHint')}
        </p>
        <FieldError t={t} field="email" errors={errors} />
        <input
          id="email"
          name="email"
          type="email"
          autocomplete="email"
          inputmode="email"
          maxlength={LIMITS.email}
          required
          value={values.email ?? ''}
          aria-invalid={invalid('email')}
          aria-describedby={describedBy('email', errors, 'email-hint')}
        />
      </div>
      <div class={`field${errors.postal_code ? ' has-error' : ''}`}>
        <label for="postal_code">{t.t('sign.postalCode')}</label>
        <p class="hint" id="postal_code-hint">
          {t.t('sign.postalCodeHint')}
        </p>
        <FieldError t={t} field="postal_code" errors={errors} />
        <input
          id="postal_code"
          name="postal_code"
          type="text"
          autocomplete="postal-code"
          inputmode="numeric"
          maxlength={10}
          required
          value={values.postal_code ?? ''}
          aria-invalid={invalid('postal_code')}
          aria-describedby={describedBy('postal_code', errors, 'postal_code-hint')}
        />
      </div>
      {askStreet ? <StreetField t={t} value={values.street ?? ''} errors={errors} /> : null}
      <div class={`field${errors.comment ? ' has-error' : ''}`}>
        <label for="comment">{t.t('sign.comment')}</label>
        <p class="hint" id="comment-hint">
          {t.t('sign.commentHint', { max: LIMITS.comment })}
        </p>
        <FieldError t={t} field="comment" errors={errors} />
        <textarea
          id="comment"
          name="comment"
          rows={3}
          maxlength={LIMITS.comment}
          aria-invalid={invalid('comment')}
          aria-describedby={describedBy('comment', errors, 'comment-hint')}
        >
          {values.comment ?? ''}
        </textarea>
      </div>
      <fieldset
        class={`field${errors.name_display ? ' has-error' : ''}`}
        aria-describedby={describedBy('name_display', errors)}
      >
        <legend>{t.t('sign.display')}</legend>
        <FieldError t={t} field="name_display" errors={errors} />
        {NAME_DISPLAYS.map((option) => (
          <div class="choice">
            <input
              type="radio"
              id={`name_display-${option}`}
              name="name_display"
              value={option}
              checked={display === option}
            />
            <label for={`name_display-${option}`}>{t.t(`sign.display.${option}`)}</label>
          </div>
        ))}
      </fieldset>
      <div class="choice">
        <input type="checkbox" id="opt_in" name="opt_in" value="yes" checked={values.opt_in === 'yes'} />
        <label for="opt_in">{t.t('sign.optIn')}</label>
      </div>
      <div
        class={`field honeypot${errors.website ? ' has-error' : ''}`}
        aria-hidden={errors.website ? undefined : 'true'}
      >
        <label for="website">{t.t('sign.honeypot')}</label>
        <FieldError t={t} field="website" errors={errors} />
        <input id="website" name="website" type="text" tabindex={-1} autocomplete="off" value={values.website ?? ''} />
      </div>
      {source === undefined ? null : <input type="hidden" name="source" value={source} />}
      <p class="privacy-note">{t.t('sign.privacy')}</p>
      {requiresVerification ? <p class="privacy-note">{t.t('sign.confirmNote')}</p> : null}
      <button type="submit" class="sign-button">
        {t.t('sign.submit')}
      </button>
      {/* Proof of work, only where the site asks for it (the script fetches a challenge): the page stays the same for everyone. */}
      <script src="/static/pow.js" defer></script>
    </form>
  );
}
