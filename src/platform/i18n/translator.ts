// Turns a locale into a translator: messages with placeholders and plurals, numbers and dates via Intl.
import { en, type MessageKey, type Messages } from './en.js';
import { es } from './es.js';
import type { Message } from './message.js';

export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

const CATALOGS: Record<Locale, Messages> = { en, es };

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

function pick(message: Message, count: number | undefined, rules: Intl.PluralRules): string {
  if (typeof message === 'string') return message;
  const category = rules.select(count ?? 0);
  return message[category] ?? message.other;
}

const translators = new Map<Locale, Translator>();

export function translator(locale: Locale): Translator {
  const cached = translators.get(locale);
  if (cached !== undefined) return cached;
  const catalog = CATALOGS[locale];
  const rules = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const shortDates = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const created: Translator = {
    locale,
    t(key, params) {
      const count = typeof params?.['count'] === 'number' ? params['count'] : undefined;
      const text = pick(catalog[key], count, rules);
      if (params === undefined) return text;
      return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
        const value = params[name];
        if (value === undefined) return whole;
        return typeof value === 'number' ? numbers.format(value) : value;
      });
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
