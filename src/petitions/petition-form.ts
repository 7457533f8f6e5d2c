// The petition editor's form: field names, what a stored petition looks like as form values, and the rules
// a draft (and, stricter, a published petition) must meet — each failure a catalog key beside its field.
import { z } from 'zod';
import type { MessageKey } from '../platform/i18n/message-key.js';
import { defaultLocale as defaultSiteLocale, LOCALES, type Locale } from '../platform/i18n/translator.js';
import { DELIVERY_METHODS, type DeliveryMethod, type Petition, type PetitionText, type Target } from './petition.js';
import { SLUG_MAX, SLUG_PATTERN } from './slug.js';
import { UNSAFE_CHARACTERS as CONTROL } from '../platform/text-rules.js';
import { CHAMBERS, type Chamber } from '../targets/directory.js';

export const TEXT_LIMITS = { title: 150, statement: 2000, why: 10_000, deliveryDetails: 3000, target: 200 } as const;
export const MAX_TARGETS = 20;
/** Postal-code rules the sign form knows (src/signing/sign-form.ts). */
export const COUNTRIES = ['US'] as const;
/**
 * The form's `languages` field lists the petition's languages, its main language first, joined by "+":
 * "en+es" is written in English, with a Spanish translation; "es+ht+pt-BR" in Spanish with two translations.
 */
export const LANGUAGES_FIELD = 'languages';
export const TEXT_FIELDS = ['title', 'statement', 'why', 'deliveryDetails'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export type FormValues = Record<string, string>;
export type FormErrors = Record<string, MessageKey>;

export interface PetitionDraft {
  defaultLocale: Locale;
  texts: Partial<Record<Locale, PetitionText>>;
  targets: Target[];
  /** The directory chambers whose members each get their own constituents' signatures. */
  seatTargets: { bodyId: number; chamber: Chamber }[];
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
/** The checkbox "each signer's own member of this chamber of this body". */
export const seatTargetName = (bodyId: number, chamber: Chamber) => `seat_${bodyId}_${chamber}`;
const SEAT_FIELD = /^seat_(\d{1,9})_(upper|lower)$/;

/**
 * The languages a `languages` value names, main language first, or undefined unless each is one of `allowed`
 * (the site's languages and those the petition already has) and none is named twice.
 */
export function parseLanguages(value: string, allowed: readonly Locale[]): Locale[] | undefined {
  const locales = value.split('+');
  const known = locales.every((l) => allowed.includes(l));
  return known && new Set(locales).size === locales.length ? locales : undefined;
}

/** The languages the form shows: as posted, or when that cannot be read, the first allowed one. */
export function formLocales(values: FormValues, allowed: readonly Locale[]): Locale[] {
  return parseLanguages(values[LANGUAGES_FIELD] ?? '', allowed) ?? allowed.slice(0, 1);
}

/** The languages an editor may choose: the site's, and any the petition is already written in. */
export function allowedLanguages(petition?: { locales: readonly Locale[] }): Locale[] {
  return [...new Set([...LOCALES, ...(petition?.locales ?? [])])];
}

/**
 * The editor's buttons that change the form rather than save it: add or remove a target row, add a
 * translation, remove one, or make one the main language. Returns the form to show again, or undefined
 * when the button pressed saves.
 */
export function applyEditorIntent(values: FormValues, allowed: readonly Locale[]): FormValues | undefined {
  const intent = values['intent'] ?? 'save';
  const locales = formLocales(values, allowed);
  const count = targetCount(values);
  const withLanguages = (next: Locale[]) => ({ ...values, [LANGUAGES_FIELD]: next.join('+') });
  if (intent === 'add_target') return { ...values, target_count: String(count + 1) };
  const remove = /^remove_target_(\d{1,2})$/.exec(intent);
  if (remove !== null) {
    const index = Number(remove[1]);
    const next: FormValues = { ...values, target_count: String(Math.max(count - 1, 1)) };
    for (let i = index; i < count; i++)
      for (const locale of locales) next[targetName(i, locale)] = values[targetName(i + 1, locale)] ?? '';
    return next;
  }
  if (intent === 'add_language') {
    const added = values['language_to_add'] ?? '';
    return allowed.includes(added) && !locales.includes(added) ? withLanguages([...locales, added]) : values;
  }
  const language = /^(remove|main)_language:(.+)$/.exec(intent);
  if (language === null) return undefined;
  const [, action, locale = ''] = language;
  const index = locales.indexOf(locale);
  if (index <= 0) return values; // not one of them, or already the main language (which cannot be removed)
  const others = locales.filter((l) => l !== locale);
  return withLanguages(action === 'main' ? [locale, ...others] : others);
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
    [LANGUAGES_FIELD]: p.locales.join('+'),
    delivery_method: p.deliveryMethod,
    requires_verification: p.requiresVerification ? 'yes' : '',
    country: p.country,
    closes_on: p.closesAt === null ? '' : p.closesAt.slice(0, 10),
    slug: p.slug,
    target_count: String(Math.max(p.targets.length, 1)),
  };
  for (const seat of p.seatTargets) values[seatTargetName(seat.bodyId, seat.chamber)] = 'yes';
  for (const locale of p.locales) {
    const text = p.texts[locale];
    for (const field of TEXT_FIELDS) values[textName(field, locale)] = text?.[field] ?? '';
  }
  p.targets.forEach((target, i) => {
    for (const locale of p.locales) values[targetName(i, locale)] = target.names[locale] ?? '';
  });
  return values;
}

/** A new petition's form, written in `locale` (the organizer's language) until they choose otherwise. */
export const newPetitionValues = (locale: Locale): FormValues => ({
  [LANGUAGES_FIELD]: locale,
  delivery_method: 'by_hand',
  requires_verification: 'yes',
  country: 'US',
  target_count: '1',
});

/** Keeps only string fields, cut short, as typed (for re-rendering the form). */
export function formValues(body: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const [key, value] of Object.entries(body)) {
    // Field names carry language tags: title_es, target_0_pt-BR.
    if (typeof value === 'string' && /^[A-Za-z_0-9-]{1,40}$/.test(key)) values[key] = value.slice(0, 20_000);
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
  options: {
    complete: boolean;
    today: string;
    slugFixed: boolean;
    currentClosesOn?: string | null;
    /** The languages it may be written in (allowedLanguages). */
    languages: readonly Locale[];
    /** The ids of the directory's bodies (a chamber of another body is not a target). */
    bodyIds?: readonly number[];
  },
): { ok: true; draft: PetitionDraft } | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {};
  if (parseLanguages(values[LANGUAGES_FIELD] ?? '', options.languages) === undefined)
    errors[LANGUAGES_FIELD] = 'organize.error.languages';
  const locales = formLocales(values, options.languages);
  const defaultLocale = locales[0] ?? defaultSiteLocale();

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
  const seatTargets = readSeatTargets(values, options.bodyIds ?? []);
  if (options.complete && targets.length === 0 && seatTargets.length === 0)
    errors[targetName(0, defaultLocale)] = 'organize.error.targetRequired';

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
      seatTargets,
      // Checked above: an unknown value is an error.
      deliveryMethod: deliveryMethod as DeliveryMethod,
      requiresVerification: values['requires_verification'] === 'yes',
      country,
      closesOn: closesOn === '' ? null : closesOn,
      slug,
    },
  };
}

/** The chambers ticked on the form, of bodies in the directory, by body and chamber. */
function readSeatTargets(values: FormValues, bodyIds: readonly number[]): PetitionDraft['seatTargets'] {
  const seats: PetitionDraft['seatTargets'] = [];
  for (const [name, value] of Object.entries(values)) {
    const match = SEAT_FIELD.exec(name);
    if (match === null || value !== 'yes') continue;
    const bodyId = Number(match[1]);
    const chamber = CHAMBERS.find((c) => c === match[2]);
    if (chamber !== undefined && bodyIds.includes(bodyId)) seats.push({ bodyId, chamber });
  }
  return seats.sort((a, b) => a.bodyId - b.bodyId || CHAMBERS.indexOf(a.chamber) - CHAMBERS.indexOf(b.chamber));
}

/** What publishing needs that a draft may lack, as the editor's field errors (empty when ready). */
export function publishErrors(p: Petition, today: string): FormErrors {
  const result = parsePetitionForm(petitionFormValues(p), {
    complete: true,
    today,
    slugFixed: true,
    languages: allowedLanguages(p),
    bodyIds: p.seatTargets.map((s) => s.bodyId),
  });
  return result.ok ? {} : result.errors;
}
