// The sign form's schema: every rule a signature must meet, each failure a catalog key.
import { sourceCodeIn } from './source-code.js';
import { z } from 'zod';
import type { MessageKey } from '../platform/i18n/message-key.js';
import { hasLetterOrDigit, LINE_CONTROLS, MAX_NAME, UNSAFE_CHARACTERS as CONTROL } from '../platform/text-rules.js';
import { emailAddressSchema, MAX_EMAIL } from '../platform/email-address.js';

export const NAME_DISPLAYS = ['full', 'first_initial', 'hidden'] as const;
export type NameDisplay = (typeof NAME_DISPLAYS)[number];

export const LIMITS = { name: MAX_NAME, email: MAX_EMAIL, comment: 1000, source: 64, street: 200 } as const;

const US_ZIP = /^(\d{5})(?:-?\d{4})?$/;

function text(input: unknown): string {
  return typeof input === 'string' ? input.normalize('NFC').trim() : '';
}

type Key = MessageKey;

export const signFormSchema = z.object({
  name: z.preprocess(text, z.string()).pipe(
    z
      .string()
      .min(1, { error: 'error.name.required' satisfies Key })
      .max(LIMITS.name, { error: 'error.name.tooLong' satisfies Key })
      .refine((v) => !CONTROL.test(v) && !LINE_CONTROLS.test(v), {
        error: 'error.name.invalidCharacters' satisfies Key,
        abort: true,
      })
      // Only spaces, punctuation or zero-width characters: nothing to show or to print in a packet.
      .refine(hasLetterOrDigit, { error: 'error.name.required' satisfies Key }),
  ),
  email: emailAddressSchema,
  postal_code: z.preprocess(text, z.string().min(1, { error: 'error.postalCode.required' satisfies Key })),
  comment: z
    .preprocess((v) => text(v).replace(/\r\n?/g, '\n'), z.string())
    .pipe(
      z
        .string()
        .max(LIMITS.comment, { error: 'error.comment.tooLong' satisfies Key })
        .refine((v) => !CONTROL.test(v), { error: 'error.comment.invalidCharacters' satisfies Key }),
    ),
  // Asked only where a petition goes to each signer's own legislators and a geocoder is configured; used to find
  // the district when the ZIP alone cannot, then forgotten.
  street: z.preprocess(text, z.string()).pipe(
    z
      .string()
      .max(LIMITS.street, { error: 'error.street.tooLong' satisfies Key })
      .refine((v) => !CONTROL.test(v) && !LINE_CONTROLS.test(v), {
        error: 'error.street.invalidCharacters' satisfies Key,
      }),
  ),
  name_display: z.enum(NAME_DISPLAYS, { error: 'error.nameDisplay.invalid' satisfies Key }),
  opt_in: z.preprocess((v) => v === 'yes' || v === 'on' || v === 'true', z.boolean()),
  // The honeypot: hidden from people, filled in by naive bots.
  website: z.preprocess(text, z.string().max(0, { error: 'error.honeypot.filled' satisfies Key })),
  source: z.preprocess((v) => sourceCodeIn(text(v)), z.string().optional()),
});

/** A street address typed on the thank-you page, checked by the sign form's rule; undefined when it breaks it. */
export function parseStreet(input: string): string | undefined {
  const parsed = signFormSchema.shape.street.safeParse(input);
  return parsed.success ? parsed.data : undefined;
}

export type SignForm = z.infer<typeof signFormSchema>;
export type SignFormField = 'name' | 'email' | 'postal_code' | 'street' | 'comment' | 'name_display' | 'website';
export type FieldErrors = Partial<Record<SignFormField, MessageKey>>;
export type SignFormValues = Partial<Record<SignFormField | 'opt_in', string>>;

/** Postal-code rules per petition country; a code that passes is returned in its stored form. */
export function normalizePostalCode(country: string, input: string): string | undefined {
  if (country === 'US') {
    const match = US_ZIP.exec(input);
    return match?.[1];
  }
  const cleaned = input.toUpperCase().replace(/\s+/g, ' ');
  return /^[A-Z0-9][A-Z0-9 -]{1,9}$/.test(cleaned) ? cleaned : undefined;
}

export interface ParsedSignForm {
  ok: true;
  form: SignForm & { postal_code: string };
}

export interface InvalidSignForm {
  ok: false;
  errors: FieldErrors;
  values: SignFormValues;
}

const FIELDS: readonly SignFormField[] = [
  'name',
  'email',
  'postal_code',
  'street',
  'comment',
  'name_display',
  'website',
];

function isField(value: PropertyKey | undefined): value is SignFormField {
  return typeof value === 'string' && (FIELDS as readonly string[]).includes(value);
}

/** Validates a submitted form for a petition in `country`; on failure keeps what was typed. */
export function parseSignForm(body: Record<string, unknown>, country: string): ParsedSignForm | InvalidSignForm {
  const values: SignFormValues = {};
  for (const field of [...FIELDS, 'opt_in'] as const) {
    const v = body[field];
    if (typeof v === 'string') values[field] = v.slice(0, 5000);
  }
  const errors: FieldErrors = {};
  const parsed = signFormSchema.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (isField(field) && errors[field] === undefined) errors[field] = issue.message as MessageKey; // every message in the schema is a catalog key
    }
  }
  const zip =
    typeof body['postal_code'] === 'string' ? normalizePostalCode(country, text(body['postal_code'])) : undefined;
  if (errors.postal_code === undefined && zip === undefined) errors.postal_code = 'error.postalCode.invalid';
  if (!parsed.success || zip === undefined) return { ok: false, errors, values };
  return { ok: true, form: { ...parsed.data, postal_code: zip } };
}
