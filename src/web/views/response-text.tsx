// One legislator's response as the petition page and the organizer show it: who, when, whether the organizer
// entered it on their behalf, and the text in the language it was written in (each line break kept).
import { languageOf } from '../../platform/i18n/languages.js';
import type { Translator } from '../../platform/i18n/translator.js';
import { isChamber } from '../../targets/directory.js';
import { recipientName } from '../../targets/recipients.js';
import type { StoredResponse } from '../../targets/response.js';
import type { Locale } from '../../platform/i18n/translator.js';
import { RESPONSE_MAX } from '../../targets/respond.js';
import { Field, type Errors } from './form-parts.js';

export function ResponseText({ t, response }: { t: Translator; response: StoredResponse }) {
  const who = isChamber(response.chamber)
    ? recipientName(t, response.chamber, response.district, [response.name])
    : response.name;
  return (
    <>
      <p class="response-meta">
        <strong>{who}</strong> · <time datetime={response.createdAt}>{t.date(response.createdAt)}</time>
        {response.onBehalf ? <> · {t.t('responses.onBehalf')}</> : null}
      </p>
      <div class="response-body" lang={response.locale} dir={languageOf(response.locale).dir}>
        {response.body.split(/\n{2,}/).map((paragraph) => (
          <p>
            {paragraph.split('\n').map((line, i) => (
              <>
                {i > 0 ? <br /> : null}
                {line}
              </>
            ))}
          </p>
        ))}
      </div>
    </>
  );
}

/** The language and text fields of a response, on the organizer's page and on the legislator's form. */
export function ResponseFields(p: {
  t: Translator;
  locales: readonly Locale[];
  values: Record<string, string>;
  errors: Errors;
  hint: string;
  rows: number;
}) {
  const { t } = p;
  return (
    <>
      <Field t={t} id="locale" label={t.t('responses.language')} errors={p.errors}>
        <select id="locale" name="locale">
          {p.locales.map((locale) => (
            <option value={locale} selected={(p.values['locale'] ?? t.locale) === locale}>
              {t.languageName(locale)}
            </option>
          ))}
        </select>
      </Field>
      <Field t={t} id="body" label={t.t('responses.text')} hint={p.hint} errors={p.errors}>
        <textarea
          id="body"
          name="body"
          rows={p.rows}
          maxlength={RESPONSE_MAX}
          aria-describedby="body-hint"
          aria-invalid={p.errors['body'] === undefined ? undefined : 'true'}
        >
          {p.values['body'] ?? ''}
        </textarea>
      </Field>
    </>
  );
}
