// The petition editor's form: field names, what a stored petition looks like as form values, and the rules
// a draft (and, stricter, a published petition) must meet — each failure a catalog key beside its field.
import { z } from 'zod';
import type { MessageKey } from '../platform/i18n/message-key.js';
import { LOCALES, type Locale } from '../platform/i18n/translator.js';
import { DELIVERY_METHODS, type DeliveryMethod, type Petition, type PetitionText, type Target } from './petition.js';
import { SLUG_MAX, SLUG_PATTERN } from './slug.js';
import { UNSAFE_CHARACTERS as CONTROL } from '../platform/text-rules.js';

export const TEXT_LIMITS = { title: 150, statement: 2000, why: 10_000, deliveryDetails: 3000, target: 200 } as const;
export const MAX_TARGETS = 20;
/** Postal-code rules the sign form knows (src/signing/sign-form.ts). */
export const COUNTRIES = ['US'] as const;
/** "en+es": written in English, with a Spanish translation. */
export const LANGUAGE_CHOICES = ['en', 'es', 'en+es', 'es+en'] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];
export const TEXT_FIELDS = ['title', 'statement', 'why', 'deliveryDetails'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export type FormValues = Record<string, string>;
export type FormErrors = Record<string, MessageKey>;

export interface PetitionDraft {
  defaultLocale: Locale;
  texts: Partial<Record<Locale, PetitionText>>;
  targets: Target[];
  deliveryMethod: DeliveryMethod;
  requiresVerification: boolean;
  country: string;
  /** The closing day, YYYY-MM-DD, or null. */
  closesOn: string | null;
  /** '' when the organizer left it empty: one is proposed from the title. */
  slug: string;
}

export const textName = (field: TextField, locale: Locale) =>
  `${field === 'deliveryDetails' ? 'delivery_details' : field}_${locale}`;
export const targetName = (index: number, locale: Locale) => `target_${index}_${locale}`;

export function localesOf(choice: string): Locale[] {
  return (LANGUAGE_CHOICES as readonly string[]).includes(choice) ? (choice.split('+') as Locale[]) : ['en']; // checked just above
}

/** How many target rows the form shows: as many as were posted (at least one, at most MAX_TARGETS). */
export function targetCount(values: FormValues): number {
  const n = Number(values['target_count'] ?? '1');
  return Number.isInteger(n) ? Math.min(Math.max(n, 1), MAX_TARGETS) : 1;
}

/** The closing day a stored closes_at stands for (the petition closes at the end of that day, UTC). */
export function closesAtFor(day: string): string {
  return `${day}T23:59:59.000Z`;
}

export function petitionFormValues(p: Petition): FormValues {
  const values: FormValues = {
    languages: p.locales.join('+'),
    delivery_method: p.deliveryMethod,
    requires_verification: p.requiresVerification ? 'yes' : '',
    country: p.country,
    closes_on: p.closesAt === null ? '' : p.closesAt.slice(0, 10),
    slug: p.slug,
    target_count: String(Math.max(p.targets.length, 1)),
  };
  for (const locale of LOCALES) {
    const text = p.texts[locale];
    for (const field of TEXT_FIELDS) values[textName(field, locale)] = text?.[field] ?? '';
  }
  p.targets.forEach((target, i) => {
    for (const locale of LOCALES) values[targetName(i, locale)] = target.names[locale] ?? '';
  });
  return values;
}

export const NEW_PETITION_VALUES: FormValues = {
  languages: 'en',
  delivery_method: 'by_hand',
  requires_verification: 'yes',
  country: 'US',
  target_count: '1',
};

/** Keeps only string fields, cut short, as typed (for re-rendering the form). */
export function formValues(body: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string' && /^[a-z_0-9]{1,40}$/.test(key)) values[key] = value.slice(0, 20_000);
  }
  return values;
}

const LINE_BREAK = /[\r\n]/;

function clean(value: string | undefined, multiline: boolean): string {
  const v = (value ?? '').normalize('NFC').replace(/\r\n?/g, '\n').trim();
  return multiline ? v : v.replace(/\t/g, ' ');
}

const daySchema = z.iso.date();

/**
 * Reads the posted form. `complete` (a published petition, or publishing) also requires every text of every
 * language and at least one target named in each language; a draft needs only its title.
 */
export function parsePetitionForm(
  values: FormValues,
  options: { complete: boolean; today: string; slugFixed: boolean; currentClosesOn?: string | null },
): { ok: true; draft: PetitionDraft } | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {};
  const choice = values['languages'] ?? '';
  if (!(LANGUAGE_CHOICES as readonly string[]).includes(choice)) errors['languages'] = 'organize.error.languages';
  const locales = localesOf(choice);
  const defaultLocale = locales[0] ?? 'en';

  const texts: Partial<Record<Locale, PetitionText>> = {};
  for (const locale of locales) {
    const text: PetitionText = { title: '', statement: '', why: '', deliveryDetails: '' };
    for (const field of TEXT_FIELDS) {
      const name = textName(field, locale);
      const value = clean(values[name], field !== 'title');
      text[field] = value;
      const required =
        field === 'title'
          ? options.complete || locale === defaultLocale
          : options.complete && field !== 'deliveryDetails';
      if (value === '' && required) errors[name] = `organize.error.${field}Required` as const;
      else if (value.length > TEXT_LIMITS[field]) errors[name] = 'organize.error.tooLong';
      else if (CONTROL.test(value) || (field === 'title' && LINE_BREAK.test(value)))
        errors[name] = 'organize.error.invalidCharacters';
    }
    texts[locale] = text;
  }

  const targets: Target[] = [];
  for (let i = 0; i < targetCount(values); i++) {
    const names: Partial<Record<Locale, string>> = {};
    for (const locale of locales) {
      const name = clean(values[targetName(i, locale)], false);
      if (name !== '') names[locale] = name;
      if (name.length > TEXT_LIMITS.target) errors[targetName(i, locale)] = 'organize.error.tooLong';
      else if (CONTROL.test(name) || LINE_BREAK.test(name))
        errors[targetName(i, locale)] = 'organize.error.invalidCharacters';
    }
    if (Object.keys(names).length === 0) continue;
    if (options.complete) {
      for (const locale of locales)
        if (names[locale] === undefined) errors[targetName(i, locale)] = 'organize.error.targetNameRequired';
    }
    targets.push({ names });
  }
  if (options.complete && targets.length === 0) errors[targetName(0, defaultLocale)] = 'organize.error.targetRequired';

  const deliveryMethod = values['delivery_method'] ?? '';
  if (!(DELIVERY_METHODS as readonly string[]).includes(deliveryMethod))
    errors['delivery_method'] = 'organize.error.deliveryMethod';
  const country = values['country'] ?? '';
  if (!(COUNTRIES as readonly string[]).includes(country)) errors['country'] = 'organize.error.country';

  const closesOn = clean(values['closes_on'], false);
  if (closesOn !== '') {
    if (!daySchema.safeParse(closesOn).success) errors['closes_on'] = 'organize.error.closesOnInvalid';
    else if (closesOn < options.today && closesOn !== options.currentClosesOn)
      errors['closes_on'] = 'organize.error.closesOnPast';
  }

  const slug = options.slugFixed ? '' : clean(values['slug'], false).toLowerCase();
  if (slug !== '' && (slug.length > SLUG_MAX || !SLUG_PATTERN.test(slug))) errors['slug'] = 'organize.error.slug';

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    draft: {
      defaultLocale,
      texts,
      targets,
      // Checked above: an unknown value is an error.
      deliveryMethod: deliveryMethod as DeliveryMethod,
      requiresVerification: values['requires_verification'] === 'yes',
      country,
      closesOn: closesOn === '' ? null : closesOn,
      slug,
    },
  };
}

/** What publishing needs that a draft may lack, as the editor's field errors (empty when ready). */
export function publishErrors(p: Petition, today: string): FormErrors {
  const result = parsePetitionForm(petitionFormValues(p), { complete: true, today, slugFixed: true });
  return result.ok ? {} : result.errors;
}
