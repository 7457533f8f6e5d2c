// The home page: `/` and `/<lang>`, with `?q=` a search over open petitions (`&page=` for the next pages), or
// `?near=` a town or ZIP code (the open petitions most signed around it). The most-signed and fastest-growing lists
// and each area's signatures are counted at most once a minute; a page of results is kept a second.
import { Hono, type Context } from 'hono';
import type { Deps } from '../../deps.js';
import { translator, type Locale } from '../../platform/i18n/translator.js';
import { localeRoutePattern } from '../../platform/i18n/languages.js';
import { cachedBody, sendCached, type CachedBody } from '../../platform/http/cached-response.js';
import { createTtlCache } from '../../platform/http/ttl-cache.js';
import { countSignatures } from '../../signing/signature-counts.js';
import { mostSignedInAreas, postalArea } from '../../signing/signature-areas.js';
import { townForPostalCode, townNamed, zipCodesOfTown } from '../../platform/zip-towns.js';
import { fastestGrowing, mostSigned, newest, recentVictories } from '../../petitions/front-page-lists.js';
import { searchPetitions } from '../../petitions/petition-search.js';
import { findPetitionsByIds } from '../../petitions/petition-store.js';
import { isSignable, isVisible, targetName, textFor, textLocaleFor, type Petition } from '../../petitions/petition.js';
import type { AppEnv } from '../env.js';
import { seatTargetLines } from '../views/seat-targets.js';
import { HomePage, type HomeContent, type PetitionSummary } from './views/home-page.js';

/** Petitions in each list of the front page; results on each page of a search. */
export const LIST_LENGTH = 5;
export const RESULTS_PER_PAGE = 20;
/** A longer query is cut here (the search uses its first words only). */
const MAX_QUERY_LENGTH = 200;
/** Pages past this are not offered (a search that broad asks for more words). */
const MAX_PAGE = 50;
/** How long a page of results is kept: as long as a rendered petition page (app.ts's RESPONSE_TTL_MS). */
const SEARCH_TTL_MS = 1000;
/** A place typed for "near you" is cut here (the longest town names are far shorter). */
const MAX_NEAR_LENGTH = 100;
/** How long an area's signatures by petition are kept. */
const NEAR_TTL_MS = 60_000;

/** The place a visitor typed, as Firma names it, with its ZIP code areas; undefined when Firma does not know it. */
function placeNamed(typed: string): { name: string; areas: string[] } | undefined {
  const zip = typed.replace(/\s+/g, '');
  const area = postalArea(zip);
  if (area !== undefined) return { name: townForPostalCode('US', zip) ?? zip, areas: [area] };
  const zips = zipCodesOfTown(typed);
  const name = townNamed(typed);
  if (zips.length === 0 || name === undefined) return undefined;
  return { name, areas: [...new Set(zips.flatMap((z) => postalArea(z) ?? []))].sort() };
}

export function homeRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const LANG = localeRoutePattern();
  // Counted over every petition: kept a minute (a petition hidden or closed meanwhile is left out when shown).
  const signedMost = createTtlCache<number[]>(60_000, () => deps.now().getTime(), { maxEntries: 1 });
  const grewMost = createTtlCache<{ id: number; recent: number }[]>(60_000, () => deps.now().getTime(), {
    maxEntries: 1,
  });
  // Apart from the rendered pages' cache, so that a flood of different searches cannot push the petition pages
  // out of it; as short-lived, so that a petition a moderator hid leaves the results as soon as it leaves its page.
  const searches = createTtlCache<CachedBody>(SEARCH_TTL_MS, () => deps.now().getTime(), { maxEntries: 500 });
  // Signatures counted by area: a minute per area (there are about a thousand ZIP code areas in all).
  const areaCounts = createTtlCache<{ petitionId: number; count: number }[]>(NEAR_TTL_MS, () => deps.now().getTime(), {
    maxEntries: 1_000,
  });

  /** The petitions of `ids` that `keep` accepts, as the lists show them, in order. */
  async function summaries(
    ids: readonly number[],
    locale: Locale,
    keep: (p: Petition) => boolean,
    recent?: Map<number, number>,
  ): Promise<PetitionSummary[]> {
    // Read together (a page of results is twenty petitions the directory has rarely seen).
    const petitions = (await findPetitionsByIds(deps.db, ids)).filter(keep);
    const counts = await countSignatures(
      deps.db,
      petitions.map((p) => p.id),
    );
    const t = translator(locale);
    return petitions.map((p): PetitionSummary => {
      const to = [
        ...p.targets.map((target) => targetName(target, locale, p.defaultLocale)),
        ...seatTargetLines(t, p.seatTargets).map((line) => line.text),
      ];
      const summary: PetitionSummary = {
        id: p.id,
        slug: p.slug,
        title: textFor(p, locale).title,
        locale: textLocaleFor(p, locale),
        to,
        count: counts.get(p.id) ?? 0,
      };
      const growth = recent?.get(p.id);
      if (growth !== undefined) summary.recent = growth;
      return summary;
    });
  }

  async function render(locale: Locale, content: HomeContent) {
    const page = <HomePage t={translator(locale)} content={content} baseUrl={deps.config.baseUrl} />;
    return cachedBody(`<!doctype html>${await page.toString()}`, 'text/html; charset=UTF-8');
  }

  const listsPage = (locale: Locale) =>
    deps.responses.get(`home|${locale}`, async () => {
      const now = deps.now();
      const signable = (p: Petition) => isSignable(p, now);
      // Read long enough to fill each list with what the lists before it left out: a petition is shown once, in
      // the first list it is in (on a site with a few petitions, every list would show the same ones).
      const read = LIST_LENGTH * 4;
      const [signed, growing, won, latest] = await Promise.all([
        signedMost.get('most signed', () => mostSigned(deps.db, read)),
        grewMost.get('growing', () => fastestGrowing(deps.db, now, read)),
        recentVictories(deps.db, read),
        newest(deps.db, now, read),
      ]);
      const shown = new Set<number>();
      const pick = async (ids: readonly number[], keep: (p: Petition) => boolean, recent?: Map<number, number>) => {
        const shownHere = (
          await summaries(
            ids.filter((id) => !shown.has(id)),
            locale,
            keep,
            recent,
          )
        ).slice(0, LIST_LENGTH);
        for (const summary of shownHere) shown.add(summary.id);
        return shownHere;
      };
      return render(locale, {
        kind: 'lists',
        mostSigned: await pick(signed, signable),
        growing: await pick(
          growing.map((g) => g.id),
          signable,
          new Map(growing.map((g) => [g.id, g.recent])),
        ),
        victories: await pick(won, (p) => isVisible(p) && p.victoryAt !== null),
        newest: await pick(latest, signable),
      });
    });

  const searchPage = (locale: Locale, query: string, page: number) =>
    searches.get(`${locale}|${page}|${query}`, async () => {
      const search = (p: number) =>
        searchPetitions(deps.db, query, { page: p, perPage: RESULTS_PER_PAGE, now: deps.now() });
      let found = await search(page);
      const pages = Math.min(MAX_PAGE, Math.max(1, Math.ceil(found.total / RESULTS_PER_PAGE)));
      // A page past the last (an old link, fewer petitions now): the last page.
      const shown = Math.min(page, pages);
      if (shown !== page) found = await search(shown);
      return render(locale, {
        kind: 'search',
        query,
        total: found.total,
        broad: found.broad,
        page: shown,
        pages,
        results: await summaries(found.ids, locale, (p) => isSignable(p, deps.now())),
      });
    });

  const nearPage = (locale: Locale, near: string) =>
    searches.get(`${locale}|near|${near}`, async () => {
      const place = placeNamed(near);
      if (place === undefined) return render(locale, { kind: 'near', near, place, results: [] });
      const counted = await areaCounts.get(place.areas.join(','), () =>
        mostSignedInAreas(deps.db, place.areas, RESULTS_PER_PAGE * 2),
      );
      const nearby = new Map(counted.map((c) => [c.petitionId, c.count]));
      const listed = await summaries(
        counted.map((c) => c.petitionId),
        locale,
        (p) => isSignable(p, deps.now()),
      );
      const results = listed.slice(0, RESULTS_PER_PAGE).map((p) => ({ ...p, nearby: nearby.get(p.id) ?? 0 }));
      return render(locale, { kind: 'near', near, place, results });
    });

  async function home(c: Context<AppEnv>) {
    const { locale } = c.var;
    const near = (c.req.query('near') ?? '').trim().slice(0, MAX_NEAR_LENGTH);
    if (near !== '' && (c.req.query('q') ?? '').trim() === '')
      return sendCached(c, await nearPage(locale, near), {
        'Content-Language': locale,
        // Where a visitor is is their own business: not kept by shared caches, not indexed.
        'Cache-Control': 'private, no-cache',
        'X-Robots-Tag': 'noindex',
      });
    const query = (c.req.query('q') ?? '').trim().slice(0, MAX_QUERY_LENGTH);
    if (query === '') return sendCached(c, await listsPage(locale), { 'Content-Language': locale });
    // Anything but a page number in range is the first page.
    const asked = Number(c.req.query('page') ?? '1');
    const page = Number.isInteger(asked) && asked >= 1 && asked <= MAX_PAGE ? asked : 1;
    return sendCached(c, await searchPage(locale, query, page), {
      'Content-Language': locale,
      // A search is the visitor's own business: not kept by shared caches, not indexed.
      'Cache-Control': 'private, no-cache',
      'X-Robots-Tag': 'noindex',
    });
  }

  app.get('/', home);
  app.get(`/:locale{${LANG}}`, home);
  return app;
}
