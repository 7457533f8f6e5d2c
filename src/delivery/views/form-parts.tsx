// Small pieces shared by the exports and delivery forms: a field with its label, hint and error, and the error summary.
import type { Child } from 'hono/jsx';
import type { MessageKey } from '../../i18n/en.js';
import type { Params, Translator } from '../../i18n/translator.js';

export type Errors = Record<string, { key: MessageKey; params?: Params } | undefined>;

export function FieldMessage({ t, id, errors }: { t: Translator; id: string; errors: Errors }) {
  const error = errors[id];
  if (error === undefined) return null;
  return (
    <p class="field-error" id={`${id}-error`}>
      {t.t(error.key, error.params)}
    </p>
  );
}

export function describedBy(id: string, errors: Errors, hint: boolean): string | undefined {
  const ids = [hint ? `${id}-hint` : undefined, errors[id] === undefined ? undefined : `${id}-error`].filter((v) => v !== undefined);
  return ids.length === 0 ? undefined : ids.join(' ');
}

export function Field(props: { t: Translator; id: string; label: string; hint?: string; errors: Errors; children: Child }) {
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

export function ErrorList({ t, errors, summaryKey, anchors = {} }: { t: Translator; errors: Errors; summaryKey: MessageKey; anchors?: Record<string, string> }) {
  const ids = Object.keys(errors).filter((id) => errors[id] !== undefined);
  if (ids.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} id="error-summary">
      <p>{t.t(summaryKey, { count: ids.length })}</p>
      <ul>
        {ids.map((id) => {
          const error = errors[id];
          return error === undefined ? null : (
            <li>
              <a href={`#${anchors[id] ?? id}`}>{t.t(error.key, error.params)}</a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
