// What an email address must look like on every form (signing, signing in): one rule, each failure a
// catalog key. Deliberately plain: the email Firma sends is the real test.
import { z } from 'zod';
import type { MessageKey } from './i18n/message-key.js';
import { UNSAFE_CHARACTERS } from './text-rules.js';

/** RFC 5321: at most 254 characters in all, and at most 64 before the @. */
export const MAX_EMAIL = 254;
const MAX_LOCAL_PART = 64;
// One @, no spaces, a domain of non-empty dot-separated labels (so the common typos "gmail..com" and
// "@.gmail.com" fail).
const EMAIL = /^[^\s@"(),:;<>[\\\]]+@(?:[^\s@"(),:;<>[\\\]_.]+\.)+[^\s@"(),:;<>[\\\]_.]{2,}$/u;

/** A typed address: trimmed and NFC-normalized, then checked. */
export const emailAddressSchema = z
  .preprocess((v) => (typeof v === 'string' ? v.normalize('NFC').trim() : ''), z.string())
  .pipe(
    z
      .string()
      .min(1, { error: 'error.email.required' satisfies MessageKey })
      .max(MAX_EMAIL, { error: 'error.email.tooLong' satisfies MessageKey })
      .regex(EMAIL, { error: 'error.email.invalid' satisfies MessageKey })
      // A NUL would also fail the insert on PostgreSQL (a 500 instead of a message).
      .refine((v) => !UNSAFE_CHARACTERS.test(v), { error: 'error.email.invalid' satisfies MessageKey })
      .refine((v) => v.lastIndexOf('@') <= MAX_LOCAL_PART, { error: 'error.email.invalid' satisfies MessageKey }),
  );
