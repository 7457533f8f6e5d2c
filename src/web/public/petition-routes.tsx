// Public petition routes: the petition page in each language, its JSON, the language switch.
import { countByMethod, type MethodCounts } from '../../signing/paper-signatures.js';
import { Hono, type Context } from 'hono';
import { setCookie } from 'hono/cookie';
import type { Deps } from '../../deps.js';
import { isLocale, LOCALES, type Locale } from '../../platform/i18n/translator.js';
import { countSignatures } from '../../signing/signature-counts.js';
import { confirmedByLocale } from '../../dashboard/dashboard-store.js';
import { countHistory, type CountHistory } from '../../signing/count-history.js';
import { countPending } from '../../signing/signer-link-store.js';
import { countByDistrict, type ChamberTally } from '../../targets/district-counts.js';
import { sourceCodeIn } from '../../signing/source-code.js';
import { cachedBody, sendCached, SOURCE_SLOT } from '../../platform/http/cached-response.js';
import type { AppEnv } from '../env.js';
import { LOCALE_COOKIE } from '../middleware/locale.js';
import { renderStatusPage } from '../views/status-page.js';
import { isVisible, type Petition } from '../../petitions/petition.js';
import { petitionJson } from './petition-json.js';
import { renderPetitionPage } from './render-petition-page.js';
import { localeRoutePattern, TAG_IN_PATH } from '../../platform/i18n/languages.js';
import { createTtlCache } from '../../platform/http/ttl-cache.js';

const ONE_YEAR = 365 * 24 * 3600;
/** How long the public JSON's signatures by language may be old. */
export const LOCALE_COUNTS_TTL_MS = 60_000;

export function petitionRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const LANG = localeRoutePattern();
  // Counted from the rows, which a large petition has many of: each petition's at most once a minute.
  const byLocale = createTtlCache<Record<string, number>>(LOCALE_COUNTS_TTL_MS, () => deps.now().getTime());
  const byDistrict = createTtlCache<ChamberTally[]>(LOCALE_COUNTS_TTL_MS, () => deps.now().getTime());
  const histories = createTtlCache<CountHistory>(LOCALE_COUNTS_TTL_MS, () => deps.now().getTime());
  const byMethod = createTtlCache<MethodCounts>(LOCALE_COUNTS_TTL_MS, () => deps.now().getTime());

  async function visiblePetition(slug: string): Promise<Petition | undefined> {
    const petition = await deps.petitions.bySlug(slug);
    return petition !== undefined && isVisible(petition) ? petition : undefined;
  }

  app.get('/p/:file{[a-z0-9-]+\\.json}', async (c) => {
    const slug = c.req.param('file').slice(0, -'.json'.length);
    const petition = await visiblePetition(slug);
    if (petition === undefined) return c.json({ error: 'not_found' }, 404, { 'Cache-Control': 'no-store' });
    const cached = await deps.responses.get(`json|${slug}`, async () => {
      const [counts, pending, locales, tallies, history, methods] = await Promise.all([
        countSignatures(deps.db, [petition.id]),
        countPending(deps.db, petition.id),
        byLocale.get(String(petition.id), () => confirmedByLocale(deps.db, petition.id)),
        byDistrict.get(String(petition.id), () =>
          countByDistrict(deps.db, petition.id, petition.seatTargets, deps.now().toISOString().slice(0, 10)),
        ),
        histories.get(String(petition.id), () => countHistory(deps.db, petition.id, deps.now())),
        byMethod.get(String(petition.id), () => countByMethod(deps.db, petition.id)),
      ]);
      const count = counts.get(petition.id) ?? 0;
      return cachedBody(
        JSON.stringify(
          petitionJson(petition, count, pending, locales, deps.config.baseUrl, deps.now(), tallies, history, methods),
        ),
        'application/json; charset=UTF-8',
      );
    });
    return sendCached(c, cached, { 'Access-Control-Allow-Origin': '*' });
  });

  async function servePetitionPage(c: Context<AppEnv>) {
    const slug = c.req.param('slug') ?? '';
    const petition = await visiblePetition(slug);
    if (petition === undefined) return renderStatusPage(c, 404, 'page.notFound.title', 'page.notFound.body');
    const { locale } = c.var;
    // One page per petition and language, whatever ?source= says: the source goes into the form's slot as
    // the page is sent (a fresh source per request once made a new rendering and a new copy in memory).
    const cached = await deps.responses.get(`page|${slug}|${locale}`, async () =>
      cachedBody(await renderPetitionPage(deps, petition, locale, { source: SOURCE_SLOT }), 'text/html; charset=UTF-8'),
    );
    // Where the language was negotiated, the locale middleware adds Vary.
    return sendCached(c, cached, { 'Content-Language': locale }, sourceCodeIn(c.req.query('source')));
  }

  app.get('/p/:slug', servePetitionPage);
  app.get(`/:locale{${LANG}}/p/:slug`, servePetitionPage);

  // The language switch: remember the choice for a year, then go back to a page on this site.
  app.get('/lang/:locale', (c) => {
    const locale = c.req.param('locale');
    if (!isLocale(locale)) return renderStatusPage(c, 404, 'page.notFound.title', 'page.notFound.body');
    const next = c.req.query('next') ?? '';
    // A path on this site only: not //host or /\host, and no spaces or control characters (a NUL would fail the header).
    const safeNext = /^\/(?![/\\])[^\s\p{Cc}]*$/u.test(next) ? next : `/${locale}`;
    setCookie(c, LOCALE_COOKIE, locale, {
      path: '/',
      maxAge: ONE_YEAR,
      sameSite: 'Lax',
      httpOnly: true,
      secure: deps.config.baseUrl.startsWith('https:'),
    });
    c.header('Cache-Control', 'no-store');
    return c.redirect(rewriteLocale(safeNext, locale), 303);
  });

  return app;
}

const LOCALE_FIRST = new RegExp(`^/(${TAG_IN_PATH})(?=/|$|\\?)`);

/** The same page in another language: /es/p/x → /en/p/x; paths without a language stay as they are. */
function rewriteLocale(path: string, locale: Locale): string {
  const match = LOCALE_FIRST.exec(path);
  const current = match?.[1];
  if (current !== undefined && LOCALES.includes(current)) return `/${locale}${path.slice(1 + current.length)}`;
  return path;
}
