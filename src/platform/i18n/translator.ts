// Turns a locale into a translator: messages from the catalogs (ICU MessageFormat, compiled once per
// process), numbers, dates and language names via Intl in the language's formatting locale.
import { compileMessage, readCatalog, type CompiledMessage } from './catalogs.js';
import { defaultLocale, knownLanguages, languageOf, LOCALES, useLocales, type Locale } from './languages.js';
import type { MessageKey } from './message-key.js';

export type { MessageKey } from './message-key.js';
export { defaultLocale, isLocale, LOCALES, type Locale } from './languages.js';

/** The language every message exists in: the last fallback. */
export const DEFAULT_LOCALE: Locale = 'en';

export type Params = Record<string, string | number>;

export interface Translator {
  locale: Locale;
  /** `ltr` or `rtl`, for the page's `dir`. */
  dir: 'ltr' | 'rtl';
  t(key: MessageKey, params?: Params): string;
  number(value: number): string;
  date(iso: string): string;
  /** Day and month only ("Nov 20", "20 nov"): chart axes. */
  shortDate(iso: string): string;
  /** A date with a short month ("Dec 4, 2026", "4 des 2026"): table columns. */
  mediumDate(iso: string): string;
  /** A moment to the second, in UTC ("Dec 4, 2026, 10:00:00 PM UTC"): the admin pages. */
  moment(iso: string): string;
  /** "3 minutes ago", "yesterday": how long before `now` the moment `iso` was. */
  ago(iso: string, now: Date): string;
  /** A language's name in the reader's language ("Spanish", "inglés"). */
  languageName(locale: Locale): string;
  /** A share, 0 to 1, as a percentage ("16%", "16 %"). */
  percent(share: number): string;
  /** Items joined the reader's way ("Spanish, Arabic and Haitian Creole"). */
  list(items: readonly string[]): string;
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

/** Each noted once, however often a catalog is compiled (tests switch languages many times). */
const problems = new Set<string>();

/**
 * What was wrong with the catalogs when they were compiled (the server logs it at start): messages a
 * language lacks (its readers get them from its parent, the instance's default language or English), and
 * messages that do not compile (left out the same way; the catalog test keeps them from being committed).
 */
export function catalogProblems(): readonly string[] {
  return [...problems];
}

/** The locale Intl formats a language's numbers, dates and plurals with. */
function formatLocaleOf(locale: Locale): string {
  return languageOf(locale).formatLocale ?? locale;
}

const compiledCatalogs = new Map<Locale, Map<string, CompiledMessage>>();

function compiledCatalog(locale: Locale): Map<string, CompiledMessage> {
  const cached = compiledCatalogs.get(locale);
  if (cached !== undefined) return cached;
  const compiled = new Map<string, CompiledMessage>();
  const formatLocale = formatLocaleOf(locale);
  for (const [key, text] of Object.entries(readCatalog(locale))) {
    try {
      compiled.set(key, compileMessage(text, formatLocale));
    } catch (err) {
      // English defines every message: without it there is nothing to fall back to.
      if (locale === DEFAULT_LOCALE) throw err;
      problems.add(`locales/${locale}.json: "${key}" is not valid ICU MessageFormat (${(err as Error).message})`);
    }
  }
  compiledCatalogs.set(locale, compiled);
  return compiled;
}

/** The languages a message is looked for in, in order: the language, its parent, the default, English. */
function fallbackChain(locale: Locale): Locale[] {
  const chain = [locale, languageOf(locale).parent, defaultLocale(), DEFAULT_LOCALE];
  return [...new Set(chain.filter((l): l is Locale => l !== undefined && knownLanguages().has(l)))];
}

/** Every message of a language, with what it lacks filled from its fallbacks; its lacks noted once. */
function messagesFor(locale: Locale): Map<string, CompiledMessage> {
  const chain = fallbackChain(locale);
  const merged = new Map<string, CompiledMessage>();
  for (const l of [...chain].reverse()) for (const [key, message] of compiledCatalog(l)) merged.set(key, message);
  const own = compiledCatalog(locale);
  const lacking = [...compiledCatalog(DEFAULT_LOCALE).keys()].filter((key) => !own.has(key));
  if (lacking.length > 0)
    problems.add(
      `locales/${locale}.json lacks ${lacking.length} of ${compiledCatalog(DEFAULT_LOCALE).size} messages (e.g. "${lacking[0]}"): shown from ${chain.slice(1).join(', then ')}`,
    );
  return merged;
}

/** How many of English's messages a language's own catalog has (the admin page shows it). */
export function catalogSize(locale: Locale): number {
  const own = compiledCatalog(locale);
  return [...compiledCatalog(DEFAULT_LOCALE).keys()].filter((key) => own.has(key)).length;
}

const translators = new Map<Locale, Translator>();

/** Compiles the instance's languages now (at start), so no request waits for it. */
export function prepareTranslators(): void {
  for (const locale of LOCALES) translator(locale);
}

/** Sets the instance's languages (FIRMA_LOCALES, checked by the config) and compiles them: at start. */
export function useLanguages(locales: readonly Locale[]): void {
  if (locales.join() === LOCALES.join()) return;
  useLocales(locales);
  translators.clear();
  prepareTranslators();
}

export function translator(locale: Locale): Translator {
  const cached = translators.get(locale);
  if (cached !== undefined) return cached;
  const catalog = messagesFor(knownLanguages().has(locale) ? locale : DEFAULT_LOCALE);
  const formatLocale = formatLocaleOf(locale);
  const numbers = new Intl.NumberFormat(formatLocale);
  const dates = new Intl.DateTimeFormat(formatLocale, { dateStyle: 'long', timeZone: 'UTC' });
  const relative = new Intl.RelativeTimeFormat(formatLocale, { numeric: 'auto' });
  const shortDates = new Intl.DateTimeFormat(formatLocale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const mediumDates = new Intl.DateTimeFormat(formatLocale, { dateStyle: 'medium', timeZone: 'UTC' });
  const moments = new Intl.DateTimeFormat(formatLocale, { dateStyle: 'medium', timeStyle: 'long', timeZone: 'UTC' });
  const names = new Intl.DisplayNames(formatLocale, { type: 'language', fallback: 'none' });
  const percents = new Intl.NumberFormat(formatLocale, { style: 'percent', maximumFractionDigits: 0 });
  const lists = new Intl.ListFormat(formatLocale, { type: 'conjunction' });
  const language = languageOf(locale);
  // A language Node's ICU lacks borrows another's formats; its own words replace the borrowed ones.
  const borrowed = language.formatLocale !== undefined && language.formatLocale !== locale;
  const withMonths = (format: Intl.DateTimeFormat, months: readonly string[] | undefined) => (iso: string) => {
    const date = new Date(iso);
    if (months === undefined) return format.format(date);
    const month = months[date.getUTCMonth()] ?? '';
    return format
      .formatToParts(date)
      .map((part) => (part.type === 'month' ? month : part.value))
      .join('');
  };
  const created: Translator = {
    locale,
    dir: languageOf(locale).dir,
    t(key, params) {
      const message = catalog.get(key);
      if (message === undefined) return key; // unreachable: English has every key (the catalog test)
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
    date: withMonths(dates, language.months),
    shortDate: withMonths(shortDates, language.monthsShort),
    mediumDate: withMonths(mediumDates, language.monthsShort),
    moment: withMonths(moments, language.monthsShort),
    ago(iso, now) {
      const seconds = Math.max(0, Math.round((now.getTime() - new Date(iso).getTime()) / 1000));
      const [unit, size] = AGO_UNITS.find(([, size]) => seconds >= size) ?? ['second', 1];
      const count = Math.floor(seconds / size);
      return borrowed ? created.t('time.ago', { unit, count }) : relative.format(-count, unit);
    },
    languageName: (code) =>
      borrowed ? (language.languageNames?.[code] ?? languageOf(code).name) : (names.of(code) ?? languageOf(code).name),
    percent: (share) => percents.format(share),
    list: (items) => (borrowed ? items.join(', ') : lists.format(items)),
  };
  translators.set(locale, created);
  return created;
}

// The default languages are compiled when this module is first loaded.
prepareTranslators();
