// Reads the admins' reason forms (add one, or relabel, reorder and (de)activate one).
import { z } from 'zod';
import type { Errors } from '../platform/form-errors.js';
import type { ReasonValues } from './reasons-store.js';

const label = z.string().trim().min(1).max(200);
const schema = z.object({
  label_en: label,
  label_es: label,
  position: z.coerce.number().int().min(1).max(999),
});
const CODE = /^[a-z0-9_]{1,40}$/;

export type ReasonForm =
  | { ok: true; code: string; values: ReasonValues & { needsText: boolean } }
  | { ok: false; errors: Errors; values: Record<string, string> };

/** `which` is 'new' (the add form, with a code) or the reason's id: the page's field ids end with it. */
export function parseReasonForm(body: Record<string, unknown>, which: string): ReasonForm {
  const raw = (name: string) => (typeof body[name] === 'string' ? body[name] : '');
  const values = {
    code: raw('code').trim(),
    label_en: raw('label_en'),
    label_es: raw('label_es'),
    position: raw('position').trim(),
    active: raw('active'),
    needs_text: raw('needs_text'),
  };
  const errors: Errors = {};
  if (which === 'new' && !CODE.test(values.code)) errors[`code-${which}`] = 'reasons.error.code';
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      errors[`${field}-${which}`] = field === 'position' ? 'reasons.error.position' : 'reasons.error.label';
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors, values };
  return {
    ok: true,
    code: values.code,
    // A new reason is active; an edited one is active when its box is ticked.
    values: {
      labels: { en: parsed.data.label_en, es: parsed.data.label_es },
      position: parsed.data.position,
      active: which === 'new' || values.active === '1',
      needsText: values.needs_text === '1',
    },
  };
}
