// Form pieces of the organizer pages (editor, exports, delivery): a field with its label, hint and error, the
// aria-describedby that ties them to the input, and the error summary that links to each field.
import type { Child } from 'hono/jsx';
import type { MessageKey } from '../../platform/i18n/message-key.js';
import type { Translator } from '../../platform/i18n/translator.js';
import type { Errors, FieldErrorMessage } from '../../platform/form-errors.js';

export type { Errors, FieldErrorMessage };

function message(t: Translator, error: FieldErrorMessage): string {
  return typeof error === 'string' ? t.t(error) : t.t(error.key, error.params);
}

export function FieldMessage({ t, id, errors }: { t: Translator; id: string; errors: Errors }) {
  const error = errors[id];
  if (error === undefined) return null;
  return (
    <p class="field-error" id={`${id}-error`}>
      {message(t, error)}
    </p>
  );
}

export function describedBy(id: string, errors: Errors, hint: boolean): string | undefined {
  const ids = [hint ? `${id}-hint` : undefined, errors[id] === undefined ? undefined : `${id}-error`].filter(
    (v) => v !== undefined,
  );
  return ids.length === 0 ? undefined : ids.join(' ');
}

export function Field(props: {
  t: Translator;
  id: string;
  label: string;
  hint?: string;
  errors: Errors;
  children: Child;
}) {
  return (
    <div class={`field${props.errors[props.id] === undefined ? '' : ' has-error'}`}>
      <label for={props.id}>{props.label}</label>
      {props.hint === undefined ? null : (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      <FieldMessage t={props.t} id={props.id} errors={props.errors} />
      {props.children}
    </div>
  );
}

/** The problems of the last submission, first in <main>, each linking to its field (or to `anchors[field]`). */
export function ErrorList({
  t,
  errors,
  summaryKey,
  anchors = {},
  intro,
}: {
  t: Translator;
  errors: Errors;
  summaryKey: MessageKey;
  anchors?: Record<string, string>;
  intro?: string | undefined;
}) {
  const ids = Object.keys(errors).filter((id) => errors[id] !== undefined);
  if (ids.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} id="error-summary">
      {intro === undefined ? null : <p class="form-error">{intro}</p>}
      <p>{t.t(summaryKey, { count: ids.length })}</p>
      <ul>
        {ids.map((id) => {
          const error = errors[id];
          return error === undefined ? null : (
            <li>
              <a href={`#${anchors[id] ?? id}`}>{message(t, error)}</a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
