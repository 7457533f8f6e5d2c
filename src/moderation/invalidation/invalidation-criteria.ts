// The bulk invalidation form, checked at the edge: which signatures of one petition an admin selects, and why.
import { z } from 'zod';
import type { MessageKey } from '../../platform/i18n/message-key.js';
import type { AddressHasher } from '../../signing/address-hash.js';
import type { Errors } from '../../platform/form-errors.js';
import { matchAddressOrRange } from './address-range.js';

/** What selects the signatures; every criterion given must hold (AND). Stored as JSON on the invalidation. */
export interface InvalidationCriteria {
  /** A glob on the normalized email ("*@mailinator.com", "bot*"): * stands for any run of characters. */
  emailPattern: string | null;
  domain: string | null;
  /** A network hash, as the trending report groups by. */
  network: string | null;
  /** A typed address or range, as the hashes it stands for (the address itself is not kept). */
  address: { ipHashes: string[]; prefixHashes: string[]; range: string | null } | null;
  zip: string | null;
  /** Signed at or after (ISO instant). */
  from: string | null;
  /** Signed before (ISO instant): the end of the minute the admin typed. */
  until: string | null;
  /**
   * The criteria retention erased with the petition's signers (they could name or trace one of them); the
   * fields themselves are null then. Such an invalidation selects nothing more. Absent on one never erased.
   */
  erased?: ErasedCriterion[];
}

/** The criteria that may name or trace a signer: an email pattern may be one address, a network or address is theirs. */
export const PERSONAL_CRITERIA = ['emailPattern', 'network', 'address'] as const;
export type ErasedCriterion = (typeof PERSONAL_CRITERIA)[number];

/** `follow`: 'auto' when the admin wants the progress page to refresh itself (not a criterion). */
export const FORM_FIELDS = [
  'slug',
  'email_pattern',
  'domain',
  'network',
  'address',
  'zip',
  'from',
  'to',
  'reason',
  'follow',
] as const;
/** What a link may fill in (the trending report's): never an address, which would then sit in URLs and logs. */
export const LINK_FIELDS = ['slug', 'email_pattern', 'domain', 'network', 'zip', 'from', 'to'] as const;
export type FormField = (typeof FORM_FIELDS)[number];
export type InvalidationFormValues = Partial<Record<FormField, string>>;

export type ParsedForm =
  { ok: true; slug: string; criteria: InvalidationCriteria; reason: string } | { ok: false; errors: Errors };

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v === undefined || v === '' ? null : v));

const localMinute = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** A datetime-local value read as UTC; undefined when it is not a real moment. */
function utcInstant(value: string): Date | undefined {
  if (!localMinute.test(value)) return undefined;
  const date = new Date(`${value.length === 16 ? `${value}:00` : value}.000Z`);
  return Number.isNaN(date.getTime()) || !date.toISOString().startsWith(value) ? undefined : date;
}

const moment = optional(19).refine((v) => v === null || utcInstant(v) !== undefined, {
  error: 'invalidation.error.date',
});

const formSchema = z.object({
  slug: z
    .string({ error: 'invalidation.error.slug' })
    .trim()
    .min(1, { error: 'invalidation.error.slug' })
    .max(200, { error: 'invalidation.error.slug' }),
  email_pattern: optional(254)
    .transform((v) => (v === null ? null : v.toLowerCase()))
    .refine((v) => v === null || (/^[^\s]+$/.test(v) && /[^*]/.test(v)), { error: 'invalidation.error.pattern' }),
  domain: optional(253)
    .transform((v) => (v === null ? null : v.toLowerCase().replace(/^@/, '')))
    .refine((v) => v === null || /^[^\s@*]+\.[^\s@*.]+$/.test(v), { error: 'invalidation.error.domain' }),
  network: optional(40).refine((v) => v === null || /^[A-Za-z0-9_-]{22}$/.test(v), {
    error: 'invalidation.error.network',
  }),
  address: optional(100),
  zip: optional(10).refine((v) => v === null || /^[0-9A-Za-z -]{1,10}$/.test(v), { error: 'invalidation.error.zip' }),
  from: moment,
  to: moment,
  reason: z
    .string({ error: 'invalidation.error.reason' })
    .trim()
    .min(1, { error: 'invalidation.error.reason' })
    .max(500, { error: 'invalidation.error.reasonLong' }),
});

const ADDRESS_ERRORS: Record<'invalid' | 'too_large' | 'v6_between', MessageKey> = {
  invalid: 'invalidation.error.address',
  too_large: 'invalidation.error.rangeTooLarge',
  v6_between: 'invalidation.error.v6Between',
};

/** Checks the form; a typed address or range becomes hashes here, so nothing after this sees it. */
export function parseInvalidationForm(values: InvalidationFormValues, hashAddress: AddressHasher): ParsedForm {
  const errors: Errors = {};
  // No field of this form can hold a NUL, and PostgreSQL refuses one in any text: a message, not a 500.
  for (const field of FORM_FIELDS)
    if (values[field]?.includes('\u0000') === true) errors[field] = 'invalidation.error.invalid';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const parsed = formSchema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'slug');
      // Our schema's messages are catalog keys; zod's own (a wrong type from a forged form) fall back to the field's.
      errors[field] ??= issue.message.startsWith('invalidation.')
        ? (issue.message as MessageKey)
        : 'invalidation.error.invalid';
    }
    return { ok: false, errors };
  }
  const f = parsed.data;
  let address: InvalidationCriteria['address'] = null;
  if (f.address !== null) {
    const match = matchAddressOrRange(hashAddress, f.address);
    if (match.kind !== 'ok') return { ok: false, errors: { address: ADDRESS_ERRORS[match.kind] } };
    address = { ipHashes: match.ipHashes, prefixHashes: match.prefixHashes, range: match.range };
  }
  const from = f.from === null ? null : (utcInstant(f.from) ?? null);
  const to = f.to === null ? null : (utcInstant(f.to) ?? null);
  // The "to" moment includes its whole minute (or second, when seconds were typed).
  const until = to === null || f.to === null ? null : new Date(to.getTime() + (f.to.length === 16 ? 60_000 : 1000));
  if (from !== null && until !== null && from >= until)
    return { ok: false, errors: { to: 'invalidation.error.range' } };
  const criteria: InvalidationCriteria = {
    emailPattern: f.email_pattern,
    domain: f.domain,
    network: f.network,
    address,
    zip: f.zip,
    from: from?.toISOString() ?? null,
    until: until?.toISOString() ?? null,
  };
  const selective =
    criteria.emailPattern ??
    criteria.domain ??
    criteria.network ??
    criteria.address ??
    criteria.zip ??
    criteria.from ??
    criteria.until;
  if (selective === null) return { ok: false, errors: { email_pattern: 'invalidation.error.noCriteria' } };
  return { ok: true, slug: f.slug, criteria, reason: f.reason };
}

/** The glob as a LIKE pattern (escape character \): * is any run, and LIKE's own % and _ are literal. */
export function likePattern(glob: string): string {
  return glob.replace(/[\\%_]/g, (ch) => `\\${ch}`).replaceAll('*', '%');
}

/** A datetime-local value (UTC, to the minute) for a moment: what the trending report's links pre-fill. */
export function localMinuteOf(iso: string): string {
  return iso.slice(0, 16);
}
