// The sign-in and account forms' schemas; each failure is a catalog key.
import { z } from 'zod';
import type { MessageKey } from '../platform/i18n/message-key.js';
import { emailAddressSchema, MAX_EMAIL as EMAIL_LIMIT } from '../platform/email-address.js';
import { hasLetterOrDigit, LINE_CONTROLS, MAX_NAME as NAME_LIMIT, UNSAFE_CHARACTERS } from '../platform/text-rules.js';

export const MAX_EMAIL = EMAIL_LIMIT;
export const MAX_NAME = NAME_LIMIT;

type Parsed<T> = { ok: true; value: T } | { ok: false; error: MessageKey };

function firstError(error: z.ZodError): MessageKey {
  // Every message in these schemas is a catalog key.
  return (error.issues[0]?.message ?? 'error.email.invalid') as MessageKey;
}

/** The same address rules as the sign form (one place decides what an email address looks like). */
const signInSchema = z.object({ email: emailAddressSchema });

export function parseSignInForm(body: Record<string, unknown>): Parsed<{ email: string }> {
  const parsed = signInSchema.safeParse(body);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: firstError(parsed.error) };
}

const nameSchema = z
  .preprocess((v) => (typeof v === 'string' ? v.normalize('NFC').trim() : ''), z.string())
  .pipe(
    z
      .string()
      .max(MAX_NAME, { error: 'account.name.tooLong' satisfies MessageKey })
      .refine((v) => !UNSAFE_CHARACTERS.test(v) && !LINE_CONTROLS.test(v), {
        error: 'account.name.invalidCharacters' satisfies MessageKey,
        abort: true,
      })
      // A name of only punctuation or zero-width characters would show as nothing.
      .refine((v) => v === '' || hasLetterOrDigit(v), { error: 'account.name.invalidCharacters' satisfies MessageKey }),
  );

/** The display name: empty means none. */
export function parseAccountName(body: Record<string, unknown>): Parsed<string | null> {
  const parsed = nameSchema.safeParse(body['name']);
  if (!parsed.success) return { ok: false, error: firstError(parsed.error) };
  return { ok: true, value: parsed.data === '' ? null : parsed.data };
}

/** The form's raw text, to show it again after a mistake. */
export function fieldText(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  return typeof value === 'string' ? value : '';
}
