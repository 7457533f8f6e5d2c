// Error and status pages (404, 403, 413, 415, 429, 500) in the reader's language.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { MessageKey } from '../../platform/i18n/message-key.js';
import { translator } from '../../platform/i18n/translator.js';
import type { AppEnv } from '../env.js';
import { languageSwitchHref, Layout } from './layout.js';

export async function renderStatusPage(
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
  titleKey: MessageKey,
  bodyKey: MessageKey,
) {
  // The locale middleware may not have run (an error before it): fall back to English.
  const t = c.var.t ?? translator('en');
  const page = (
    <Layout
      t={t}
      title={t.t(titleKey)}
      switchHref={(locale) => languageSwitchHref(locale, c.req.method === 'GET' ? c.req.path : '/')}
    >
      <section class="status-page">
        <h1>{t.t(titleKey)}</h1>
        <p>{t.t(bodyKey)}</p>
        <p>
          <a href={`/${t.locale}`}>{t.t('page.goHome')}</a>
        </p>
      </section>
    </Layout>
  );
  c.header('Cache-Control', 'no-store');
  return c.html(`<!doctype html>${await page.toString()}`, status);
}
