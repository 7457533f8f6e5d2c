// Sets the reader's language: from the URL (/es/...), else the `lang` cookie, else Accept-Language.
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { negotiateLocale } from '../../i18n/negotiate.js';
import { isLocale, translator } from '../../i18n/translator.js';
import type { AppEnv } from '../env.js';

export const LOCALE_COOKIE = 'lang';

export function localeFromPathPrefix(path: string): string | undefined {
  const match = /^\/([a-z]{2})(?:\/|$)/.exec(path);
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
  };
}
