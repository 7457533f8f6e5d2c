// /admin/languages (admins): the languages of the catalogs, this site's (FIRMA_LOCALES), and how complete each is.
import { Hono } from 'hono';
import { currentUser } from '../middleware/require-user.js';
import { knownLanguages, LOCALES, defaultLocale } from '../../platform/i18n/languages.js';
import { catalogSize } from '../../platform/i18n/translator.js';
import type { AppEnv } from '../env.js';
import { LanguagesPage, type LanguageRow } from './views/languages-page.js';

export function languagesRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/languages', async (c) => {
    const total = catalogSize('en');
    const rows: LanguageRow[] = [...knownLanguages().values()]
      .map((language) => ({
        language,
        onThisSite: (language.code === defaultLocale()
          ? 'default'
          : LOCALES.includes(language.code)
            ? 'yes'
            : 'no') as LanguageRow['onThisSite'],
        translated: catalogSize(language.code),
        total,
      }))
      .sort((a, b) => Number(b.onThisSite !== 'no') - Number(a.onThisSite !== 'no'));
    c.header('Cache-Control', 'no-store');
    return c.html(
      `<!doctype html>${await (<LanguagesPage t={c.var.t} user={currentUser(c)} rows={rows} />).toString()}`,
    );
  });

  return app;
}
