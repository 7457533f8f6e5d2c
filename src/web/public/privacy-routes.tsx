// The public privacy page, in each language (negotiated like other public pages).
import { Hono } from 'hono';
import type { Deps } from '../../deps.js';
import { LOCALES, translator, type Locale } from '../../platform/i18n/translator.js';
import { cachedBody, sendCached } from '../../platform/http/cached-response.js';
import type { AppEnv } from '../env.js';
import { PrivacyPage } from './views/privacy-page.js';
import { localeRoutePattern } from '../../platform/i18n/languages.js';

export function privacyRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const LANG = localeRoutePattern();

  // Cached like the other public pages (a second), so a changed retention setting shows within seconds.
  const privacyPage = (locale: Locale) =>
    deps.responses.get(`privacy|${locale}`, async () => {
      const { retentionDays } = await deps.settings.current();
      const url = (l: Locale) => `${deps.config.baseUrl}/${l}/privacy`;
      const page = (
        <PrivacyPage
          t={translator(locale)}
          retentionDays={retentionDays}
          contact={deps.config.privacyContact}
          canonical={url(locale)}
          alternates={LOCALES.map((l) => ({ locale: l, href: url(l) }))}
          geocoderHost={deps.config.geocoder === undefined ? undefined : new URL(deps.config.geocoder.url).host}
        />
      );
      return cachedBody(`<!doctype html>${await page.toString()}`, 'text/html; charset=UTF-8');
    });

  app.get('/privacy', async (c) =>
    sendCached(c, await privacyPage(c.var.locale), {
      Vary: 'Accept-Language, Cookie',
      'Content-Language': c.var.locale,
    }),
  );
  app.get(`/:locale{${LANG}}/privacy`, async (c) =>
    sendCached(c, await privacyPage(c.var.locale), { 'Content-Language': c.var.locale }),
  );

  return app;
}
