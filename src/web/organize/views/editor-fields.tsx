// The editor's labelled text fields and its error summary, on the shared form pieces (src/web/views/form-parts.tsx).
import type { Child } from 'hono/jsx';
import type { Translator } from '../../../platform/i18n/translator.js';
import { describedBy, ErrorList, FieldMessage } from '../../views/form-parts.js';
import type { FormErrors, FormValues } from '../../../petitions/petition-form.js';

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
  /** The language of what is typed, when it is the petition's and not the page's (with its direction). */
  lang?: string;
  dir?: 'ltr' | 'rtl';
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
    lang: p.lang,
    dir: p.dir,
  };
  return (
    <div class={`field${invalid ? ' has-error' : ''}${p.class === undefined ? '' : ` ${p.class}`}`}>
      <label for={p.name}>{p.label}</label>
      {p.hint === undefined ? null : (
        <p class="hint" id={`${p.name}-hint`}>
          {p.hint}
        </p>
      )}
      <FieldMessage t={p.t} id={p.name} errors={p.errors} />
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
export function EditorErrorSummary({
  t,
  errors,
  intro,
}: {
  t: Translator;
  errors: FormErrors;
  intro?: string | undefined;
}) {
  return <ErrorList t={t} errors={errors} summaryKey="organize.form.errorSummary" intro={intro} />;
}

export function Notice({ text }: { text: string | undefined }): Child {
  if (text === undefined) return null;
  return (
    <p class="notice" role="status">
      {text}
    </p>
  );
}
