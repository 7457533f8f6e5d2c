// Moments on the admin pages, to the second and in UTC (the zone the forms take), in the reader's locale.
import type { Locale } from '../../platform/i18n/translator.js';

const formats = new Map<Locale, Intl.DateTimeFormat>();

export function utcMoment(locale: Locale, iso: string): string {
  let format = formats.get(locale);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'long', timeZone: 'UTC' });
    formats.set(locale, format);
  }
  return format.format(new Date(iso));
}
