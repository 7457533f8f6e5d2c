// Words written in another language than the page's say so: `lang` for screen readers and translators, and `dir`
// when they run the other way (an English title on an Arabic page keeps its "!" at its end).
import { languageOf } from '../../platform/i18n/languages.js';
import type { Locale, Translator } from '../../platform/i18n/translator.js';

export function writtenIn(t: Translator, locale: Locale): { lang?: string; dir?: 'ltr' | 'rtl' } {
  if (locale === t.locale) return {};
  const dir = languageOf(locale).dir;
  return dir === t.dir ? { lang: locale } : { lang: locale, dir };
}
