// The links of the share kit: the petition's address with an optional source code, and the embed snippet.
import { isLocale, type Locale } from '../platform/i18n/translator.js';
import type { Petition } from '../petitions/petition.js';
import { SOURCE_CODE } from '../signing/source-code.js';

export { SOURCE_CODE };

/** The share kit's check of a code an organizer typed: the petition page drops any other (sourceCodeIn). */
export function parseSourceCode(raw: string | undefined): { source: string | undefined; invalid: boolean } {
  const value = raw?.trim().toLowerCase() ?? '';
  if (value === '') return { source: undefined, invalid: false };
  return SOURCE_CODE.test(value) ? { source: value, invalid: false } : { source: undefined, invalid: true };
}

/** Unprefixed, so each reader gets the petition in their own language. */
export function shareUrl(baseUrl: string, slug: string, source: string | undefined): string {
  return `${baseUrl}/p/${slug}${source === undefined ? '' : `?source=${source}`}`;
}

/** The embed in the organizer's language when the petition has it, else in the petition's own. */
export function embedLocale(petition: Pick<Petition, 'locales' | 'defaultLocale'>, locale: string): Locale {
  return isLocale(locale) && petition.locales.includes(locale) ? locale : petition.defaultLocale;
}

export function embedUrl(baseUrl: string, locale: Locale, slug: string, source: string | undefined): string {
  return `${baseUrl}/${locale}/p/${slug}/embed${source === undefined ? '' : `?source=${source}`}`;
}

const escapeAttribute = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function embedSnippet(src: string, title: string): string {
  return `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" width="100%" height="860" style="border:0;max-width:32rem" loading="lazy"></iframe>`;
}
