// Form pieces of the organizer pages: a labelled field with its hint and error, and the error summary.
import type { Child } from 'hono/jsx';
import type { Translator } from '../../i18n/translator.js';
import type { FormErrors, FormValues } from '../petition-form.js';

export interface FieldProps {
  t: Translator;
  name: string;
  label: string;
  hint?: string | undefined;
  values: FormValues;
  errors: FormErrors;
  multiline?: boolean;
  rows?: number;
  maxlength?: number;
  required?: boolean;
  type?: string;
  class?: string;
}

export function describedBy(name: string, errors: FormErrors, hint: boolean): string | undefined {
  const ids = [hint ? `${name}-hint` : undefined, errors[name] === undefined ? undefined : `${name}-error`].filter((id) => id !== undefined);
  return ids.length === 0 ? undefined : ids.join(' ');
}

export function FieldError({ t, name, errors }: { t: Translator; name: string; errors: FormErrors }) {
  const key = errors[name];
  if (key === undefined) return null;
  return (
    <p class="field-error" id={`${name}-error`}>
      {t.t(key)}
    </p>
  );
}

export function Field(p: FieldProps) {
  const invalid = p.errors[p.name] === undefined ? undefined : 'true';
  const common = {
    id: p.name,
    name: p.name,
    maxlength: p.maxlength,
    'aria-invalid': invalid,
    'aria-describedby': describedBy(p.name, p.errors, p.hint !== undefined),
    'aria-required': p.required ? 'true' : undefined,
  };
  return (
    <div class={`field${invalid ? ' has-error' : ''}${p.class === undefined ? '' : ` ${p.class}`}`}>
      <label for={p.name}>{p.label}</label>
      {p.hint === undefined ? null : (
        <p class="hint" id={`${p.name}-hint`}>
          {p.hint}
        </p>
      )}
      <FieldError t={p.t} name={p.name} errors={p.errors} />
      {p.multiline ? (
        <textarea {...common} rows={p.rows ?? 6}>
          {p.values[p.name] ?? ''}
        </textarea>
      ) : (
        <input {...common} type={p.type ?? 'text'} value={p.values[p.name] ?? ''} />
      )}
    </div>
  );
}

/** The problems of the last submission, first in <main>, each linking to its field. */
export function EditorErrorSummary({ t, errors, intro }: { t: Translator; errors: FormErrors; intro?: string | undefined }) {
  const names = Object.keys(errors);
  if (names.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} id="error-summary">
      {intro === undefined ? null : <p class="form-error">{intro}</p>}
      <p>{t.t('organize.form.errorSummary', { count: names.length })}</p>
      <ul>
        {names.map((name) => (
          <li>
            <a href={`#${name}`}>{t.t(errors[name] ?? 'organize.error.tooLong')}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Notice({ text }: { text: string | undefined }): Child {
  if (text === undefined) return null;
  return (
    <p class="notice" role="status">
      {text}
    </p>
  );
}
