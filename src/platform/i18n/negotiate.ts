// Chooses the reader's language: an explicit choice (cookie) first, then Accept-Language.
import { defaultLocale, isLocale, LOCALES, type Locale } from './languages.js';

/** The instance's language a requested tag means: itself (any case), else one with the same language (pt → pt-BR, es-MX → es). */
function matchTag(tag: string): Locale | undefined {
  const lower = tag.toLowerCase();
  const exact = LOCALES.find((l) => l.toLowerCase() === lower);
  if (exact !== undefined) return exact;
  const language = lower.split('-')[0] ?? '';
  return (
    LOCALES.find((l) => l.toLowerCase() === language) ?? LOCALES.find((l) => l.toLowerCase().split('-')[0] === language)
  );
}

/** Picks the best supported locale from an Accept-Language header, by quality then order. */
export function localeFromAcceptLanguage(header: string | undefined): Locale | undefined {
  if (header === undefined || header === '') return undefined;
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q === undefined ? 1 : Number.parseFloat(q.slice(2));
      return {
        tag: tag.trim(),
        quality: Number.isNaN(quality) ? 0 : quality,
        index,
      };
    })
    .filter((r) => r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const range of ranges) {
    const locale = matchTag(range.tag);
    if (locale !== undefined) return locale;
  }
  return undefined;
}

export function negotiateLocale(cookie: string | undefined, acceptLanguage: string | undefined): Locale {
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage(acceptLanguage) ?? defaultLocale();
}
