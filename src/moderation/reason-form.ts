// Reads the admins' reason forms (add one, or relabel, reorder and (de)activate one): a label in each of the
// site's languages (label_en, label_es, label_pt-BR…), each required.
import { z } from 'zod';
import type { Errors } from '../platform/form-errors.js';
import { LOCALES } from '../platform/i18n/languages.js';
import type { ReasonLabels, ReasonValues } from './reasons-store.js';

const label = z.string().trim().min(1).max(200);
const position = z.coerce.number().int().min(1).max(999);
const CODE = /^[a-z0-9_]{1,40}$/;

export type ReasonForm =
  | { ok: true; code: string; values: ReasonValues & { needsText: boolean } }
  | { ok: false; errors: Errors; values: Record<string, string> };

/** The form field of a label in `locale`. */
export const labelField = (locale: string) => `label_${locale}`;

/** `which` is 'new' (the add form, with a code) or the reason's id: the page's field ids end with it. */
export function parseReasonForm(body: Record<string, unknown>, which: string): ReasonForm {
  const raw = (name: string) => (typeof body[name] === 'string' ? body[name] : '');
  const values: Record<string, string> = {
    code: raw('code').trim(),
    position: raw('position').trim(),
    active: raw('active'),
    needs_text: raw('needs_text'),
  };
  for (const locale of LOCALES) values[labelField(locale)] = raw(labelField(locale));
  const errors: Errors = {};
  if (which === 'new' && !CODE.test(values['code'] ?? '')) errors[`code-${which}`] = 'reasons.error.code';
  const labels: ReasonLabels = {};
  for (const locale of LOCALES) {
    const parsed = label.safeParse(values[labelField(locale)]);
    if (parsed.success) labels[locale] = parsed.data;
    else errors[`${labelField(locale)}-${which}`] = 'reasons.error.label';
  }
  const place = position.safeParse(values['position']);
  if (!place.success) errors[`position-${which}`] = 'reasons.error.position';
  if (!place.success || Object.keys(errors).length > 0) return { ok: false, errors, values };
  return {
    ok: true,
    code: values['code'] ?? '',
    // A new reason is active; an edited one is active when its box is ticked.
    values: {
      labels,
      position: place.data,
      active: which === 'new' || values['active'] === '1',
      needsText: values['needs_text'] === '1',
    },
  };
}
