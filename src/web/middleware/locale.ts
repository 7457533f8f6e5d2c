// Sets the reader's language: from the URL (/es/...), else the `lang` cookie, else Accept-Language.
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { negotiateLocale } from '../../platform/i18n/negotiate.js';
import { TAG_IN_PATH } from '../../platform/i18n/languages.js';
import { isLocale, translator } from '../../platform/i18n/translator.js';
import type { AppEnv } from '../env.js';

export const LOCALE_COOKIE = 'lang';

/** What a negotiated language is chosen from: the `lang` cookie, then Accept-Language. */
const NEGOTIATED_BY = ['Accept-Language', 'Cookie'];

/** Adds the names to the response's Vary, once each. */
function varyBy(headers: Headers, names: string[]): void {
  const present = (headers.get('Vary') ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
  const lower = new Set(present.map((v) => v.toLowerCase()));
  const added = names.filter((name) => !lower.has(name.toLowerCase()));
  if (added.length > 0) headers.set('Vary', [...present, ...added].join(', '));
}

const LOCALE_PREFIX = new RegExp(`^/(${TAG_IN_PATH})(?:/|$)`);

export function localeFromPathPrefix(path: string): string | undefined {
  const match = LOCALE_PREFIX.exec(path);
  return match?.[1];
}

export function localeMiddleware(): MiddlewareHandler<AppEnv> {
  return async function locale(c, next) {
    const fromPath = localeFromPathPrefix(c.req.path);
    const locale = isLocale(fromPath)
      ? fromPath
      : negotiateLocale(getCookie(c, LOCALE_COOKIE), c.req.header('accept-language'));
    c.set('locale', locale);
    c.set('t', translator(locale));
    c.set('localeFromPath', isLocale(fromPath));
    await next();
    // A page whose language was chosen per reader differs by these headers: a shared cache must keep one
    // copy per language, not hand the first reader's to the next.
    if (!isLocale(fromPath)) varyBy(c.res.headers, NEGOTIATED_BY);
  };
}
