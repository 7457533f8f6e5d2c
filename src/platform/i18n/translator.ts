// Turns a locale into a translator: messages from the catalogs (ICU MessageFormat, compiled once at start),
// numbers and dates via Intl.
import { compileMessage, readCatalog, type CompiledMessage } from './catalogs.js';
import type { MessageKey } from './message-key.js';

export type { MessageKey } from './message-key.js';

export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export type Params = Record<string, string | number>;

export interface Translator {
  locale: Locale;
  t(key: MessageKey, params?: Params): string;
  number(value: number): string;
  date(iso: string): string;
  /** Day and month only ("Nov 20", "20 nov"): chart axes. */
  shortDate(iso: string): string;
  /** "3 minutes ago", "yesterday": how long before `now` the moment `iso` was. */
  ago(iso: string, now: Date): string;
}

const AGO_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

const problems: string[] = [];

/**
 * What was wrong with the catalogs when they were compiled (the server logs it at start). A message that
 * does not compile is left out, so the reader gets the default language's message instead of an error;
 * the catalog test keeps such a catalog from being committed.
 */
export function catalogProblems(): readonly string[] {
  return problems;
}

function compileCatalog(locale: Locale): Map<string, CompiledMessage> {
  const compiled = new Map<string, CompiledMessage>();
  const source = readCatalog(locale);
  if (locale !== DEFAULT_LOCALE) {
    const missing = Object.keys(readCatalog(DEFAULT_LOCALE)).filter((key) => !(key in source));
    if (missing.length > 0) problems.push(`locales/${locale}.json lacks ${missing.length} messages (${missing[0]}…)`);
  }
  for (const [key, text] of Object.entries(source)) {
    try {
      compiled.set(key, compileMessage(text, locale));
    } catch (err) {
      // English defines every message: without it there is nothing to fall back to.
      if (locale === DEFAULT_LOCALE) throw err;
      problems.push(`locales/${locale}.json: "${key}" is not valid ICU MessageFormat (${(err as Error).message})`);
    }
  }
  return compiled;
}

/** Every catalog, compiled when this module is first loaded: a request only formats. */
const CATALOGS = new Map<Locale, Map<string, CompiledMessage>>(LOCALES.map((l) => [l, compileCatalog(l)]));
const FALLBACK = CATALOGS.get(DEFAULT_LOCALE) ?? new Map<string, CompiledMessage>();

const translators = new Map<Locale, Translator>();

export function translator(locale: Locale): Translator {
  const cached = translators.get(locale);
  if (cached !== undefined) return cached;
  const catalog = CATALOGS.get(locale) ?? FALLBACK;
  const numbers = new Intl.NumberFormat(locale);
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const shortDates = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const created: Translator = {
    locale,
    t(key, params) {
      const message = catalog.get(key) ?? FALLBACK.get(key);
      if (message === undefined) return key; // unreachable: the catalog test checks every key is in every catalog
      if (message.text !== undefined) return message.text;
      const values: Record<string, string | number> = {};
      for (const name of message.values) {
        const value = params?.[name];
        // A value the caller did not give stays visible as its placeholder, as the old catalogs did.
        if (value === undefined) values[name] = `{${name}}`;
        // A number in plain text is written in the reader's way (1,234 / 1.234); a plural reads the number.
        else values[name] = typeof value === 'number' && !message.typed.has(name) ? numbers.format(value) : value;
      }
      return String(message.format?.format(values));
    },
    number: (value) => numbers.format(value),
    date: (iso) => dates.format(new Date(iso)),
    shortDate: (iso) => shortDates.format(new Date(iso)),
    ago(iso, now) {
      const seconds = Math.max(0, Math.round((now.getTime() - new Date(iso).getTime()) / 1000));
      const [unit, size] = AGO_UNITS.find(([, size]) => seconds >= size) ?? ['second', 1];
      return relative.format(-Math.floor(seconds / size), unit);
    },
  };
  translators.set(locale, created);
  return created;
}
