// The languages Firma can speak (locales/languages.json, beside their catalogs) and the ones this instance
// speaks (FIRMA_LOCALES, default "en,es"): the routes, the language switch, hreflang, Accept-Language and
// the lang cookie all follow the instance's list. Set once at start, before the app is built.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { catalogDir } from './catalogs.js';

/** A language tag as Firma uses it in URLs and catalogs: `es`, `ht`, `pt-BR`. */
export type Locale = string;

const languageSchema = z.object({
  /** Its own name for itself, as the language switch shows it ("Español", "العربية"). */
  name: z.string().min(1),
  dir: z.enum(['ltr', 'rtl']).default('ltr'),
  /** The locale Intl formats its numbers, dates and plurals with, when Node's ICU lacks the language (ht → fr). */
  formatLocale: z.string().min(2).optional(),
  /** Where a missing message is looked for first (pt-BR → pt), before the instance's default language. */
  parent: z.string().min(2).optional(),
  /** Every message translated: the catalog test then fails on any missing key. */
  complete: z.boolean().default(false),
  /** Whether a fluent speaker has read the whole catalog; machine-assisted catalogs say false. */
  reviewed: z.boolean().default(false),
  /** Who translated and reviewed it, in a sentence. */
  review: z.string().default(''),
  /** Open Graph's locale (og:locale), e.g. en_US. */
  ogLocale: z.string().min(2).optional(),
  /**
   * For a language Node's ICU lacks (one with a formatLocale): the words the borrowed locale would otherwise
   * print in its own language. Month names, January first, in full and short ("janvye", "jan"), and other
   * languages' names ({"en": "angle"}); a language not named here is called by its own name.
   */
  months: z.array(z.string().min(1)).length(12).optional(),
  monthsShort: z.array(z.string().min(1)).length(12).optional(),
  languageNames: z.record(z.string(), z.string().min(1)).optional(),
});

export type Language = z.infer<typeof languageSchema> & { code: Locale };

export const TAG = /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|[0-9]{3}))?$/;

/**
 * A language tag where it is the first segment of a path (`/pt-BR/…`), whatever languages the site speaks:
 * for the patterns that find one in a path (the locale middleware, the language switch, the one-click
 * unsubscribe path, the token masking in logs, the 503 page's sign path).
 */
export const TAG_IN_PATH = '[a-z]{2,3}(?:-[A-Za-z0-9]{2,4}){0,2}';

let known: Map<Locale, Language> | undefined;

/** Every language with a catalog and an entry in locales/languages.json. */
export function knownLanguages(): ReadonlyMap<Locale, Language> {
  if (known !== undefined) return known;
  const dir = catalogDir();
  const raw: unknown = JSON.parse(fs.readFileSync(path.join(dir, 'languages.json'), 'utf8'));
  const parsed = z.record(z.string().regex(TAG), languageSchema).parse(raw);
  known = new Map();
  for (const [code, language] of Object.entries(parsed)) {
    if (!fs.existsSync(path.join(dir, `${code}.json`))) continue; // listed, but no catalog yet
    known.set(code, { ...language, code });
  }
  return known;
}

/** The instance's languages, its default first. Every array that reads it sees a change (it is mutated). */
export const LOCALES: Locale[] = ['en', 'es'];

/** The instance's default language: the first of FIRMA_LOCALES. */
export function defaultLocale(): Locale {
  return LOCALES[0] ?? 'en';
}

/**
 * Sets the instance's languages (from FIRMA_LOCALES, already checked by the config). Called at start, and by
 * tests that run an instance in other languages.
 */
export function useLocales(locales: readonly Locale[]): void {
  const languages = knownLanguages();
  for (const locale of locales)
    if (!languages.has(locale)) throw new Error(`no catalog for the language "${locale}" in locales/`);
  LOCALES.splice(0, LOCALES.length, ...locales);
}

/** Is this one of the instance's languages? */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && LOCALES.includes(value);
}

export function languageOf(locale: Locale): Language {
  return knownLanguages().get(locale) ?? { ...languageSchema.parse({ name: locale }), code: locale };
}

/** The route pattern of a language in the path, for Hono: `(?:en|es|pt-BR)`. */
export function localeRoutePattern(): string {
  return `(?:${LOCALES.join('|')})`;
}
