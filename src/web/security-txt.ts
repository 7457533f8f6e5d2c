// /.well-known/security.txt (RFC 9116): where to report a vulnerability in this site, for the people
// and tools that look there first. The contact is the one the privacy page gives.
import { Hono } from 'hono';
import type { Deps } from '../deps.js';
import { LOCALES } from '../platform/i18n/languages.js';
import type { AppEnv } from './env.js';

const ONE_YEAR_MS = 365 * 24 * 3600 * 1000;

export function securityTxtRoutes(deps: Pick<Deps, 'config' | 'now'>) {
  const app = new Hono<AppEnv>();
  app.get('/.well-known/security.txt', (c) => {
    // The RFC wants an expiry less than a year away; written at each request, the file never goes stale.
    const expires = new Date(deps.now().getTime() + ONE_YEAR_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const body = [
      `Contact: mailto:${deps.config.privacyContact}`,
      `Expires: ${expires}`,
      `Preferred-Languages: ${LOCALES.join(', ')}`,
      `Canonical: ${deps.config.baseUrl}/.well-known/security.txt`,
      '',
    ].join('\n');
    return c.text(body, 200, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=3600' });
  });
  return app;
}
