// The file input of an import form, with its label and error.
import type { Translator } from '../../../../platform/i18n/translator.js';
import { describedBy, Field, type Errors } from '../../../views/form-parts.js';

export function FileField({ t, id, accept, errors }: { t: Translator; id: string; accept: string; errors: Errors }) {
  return (
    <Field t={t} id={id} label={t.t('targets.field.file')} errors={errors}>
      <input
        id={id}
        name="file"
        type="file"
        accept={accept}
        aria-describedby={describedBy(id, errors, false)}
        aria-invalid={errors[id] === undefined ? undefined : 'true'}
      />
    </Field>
  );
}
