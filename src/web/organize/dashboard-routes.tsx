// The organizer's dashboard, share kit and QR codes for one petition.
import { countByMethod } from '../../signing/paper-signatures.js';
import { messageFigures } from '../../sharing/share-messages.js';
import { listShareMessages } from '../../sharing/share-message-store.js';
import { Hono } from 'hono';
import { managedPetition, notFound } from '../middleware/require-user.js';
import type { Deps } from '../../deps.js';
import type { Locale } from '../../platform/i18n/translator.js';
import { pictureView } from '../views/petition-picture.js';
import { isVisible, textFor, type Petition } from '../../petitions/petition.js';
import type { AppEnv } from '../env.js';
import { renderStatusPage } from '../views/status-page.js';
import {
  confirmedByLocale,
  confirmedByPlace,
  confirmedBySource,
  confirmedPerDay,
  latestComments,
  milestonesWithDates,
  signatureCounts,
} from '../../dashboard/dashboard-store.js';
import { notPublicNotice } from '../../moderation/not-public.js';
import { qrPng, qrSvg } from '../../dashboard/qr-code.js';
import { parseSourceCode, shareUrl } from '../../dashboard/share-links.js';
import { DashboardPage } from './views/dashboard-page.js';
import { countByDistrict } from '../../targets/district-counts.js';
import { districtsOfSet, newestBoundarySetId } from '../../targets/boundary-store.js';
import { drawDistricts, type DistrictMap } from '../../dashboard/district-map.js';
import type { Chamber } from '../../targets/directory.js';
import type { ShownTally } from './views/district-tallies.js';

/** Drawn maps kept: a few legislatures' chambers. */
const MAPS_KEPT = 16;

const PLACES_SHOWN = 25;
const COMMENTS_SHOWN = 10;

export function dashboardRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  // A drawn map per boundary set (organizers open dashboards often; a set changes only when redrawn).
  const maps = new Map<number, DistrictMap>();
  async function mapOf(bodyId: number, chamber: Chamber): Promise<DistrictMap | undefined> {
    const setId = await newestBoundarySetId(deps.db, bodyId, chamber);
    if (setId === undefined) return undefined;
    const cached = maps.get(setId);
    if (cached !== undefined) return cached;
    const map = drawDistricts(await districtsOfSet(deps.db, setId));
    if (maps.size >= MAPS_KEPT) maps.clear();
    maps.set(setId, map);
    return map;
  }

  async function shownTallies(petition: Petition, locale: Locale): Promise<ShownTally[]> {
    const tallies = await countByDistrict(
      deps.db,
      petition.id,
      petition.seatTargets,
      deps.now().toISOString().slice(0, 10),
    );
    return Promise.all(
      tallies.map(async (tally) => {
        const seat = petition.seatTargets.find((s) => s.bodyId === tally.bodyId);
        const names = seat?.bodyNames ?? {};
        return {
          ...tally,
          bodyName: names[locale] ?? Object.values(names)[0] ?? tally.bodySlug,
          map: await mapOf(tally.bodyId, tally.chamber),
        };
      }),
    );
  }

  app.get('/:id{[0-9]+}', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'dashboard');
    if (petition === undefined) return notFound(c);
    const [counts, perDay, bySource, byLocale, byPlace, comments, milestones, notPublic, byDistrict, byMethod] =
      await Promise.all([
        signatureCounts(deps.db, petition.id),
        confirmedPerDay(deps.db, petition.id),
        confirmedBySource(deps.db, petition.id),
        confirmedByLocale(deps.db, petition.id),
        confirmedByPlace(deps.db, petition.id, PLACES_SHOWN),
        latestComments(deps.db, petition.id, COMMENTS_SHOWN),
        milestonesWithDates(deps.db, petition.id),
        notPublicNotice(deps.db, petition, c.var.locale),
        shownTallies(petition, c.var.locale),
        countByMethod(deps.db, petition.id),
      ]);
    const page = (
      <DashboardPage
        t={c.var.t}
        petitionId={petition.id}
        role={petition.role}
        slug={petition.slug}
        title={textFor(petition, c.var.locale).title}
        picture={petition.picture === null ? undefined : pictureView(petition, petition.picture, c.var.locale)}
        counts={counts}
        byMethod={byMethod}
        perDay={perDay}
        bySource={bySource}
        messages={messageFigures(await listShareMessages(deps.db, petition.id), bySource)}
        byLocale={byLocale}
        byPlace={byPlace}
        comments={comments}
        milestones={milestones}
        notPublic={notPublic}
        byDistrict={byDistrict}
      />
    );
    c.header('Cache-Control', 'no-store');
    return c.html(`<!doctype html>${await page.toString()}`);
  });

  app.get('/:id{[0-9]+}/qr.svg', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'dashboard');
    if (petition === undefined) return notFound(c);
    // A code printed on flyers now would lead to a page nobody can see.
    if (!isVisible(petition)) return renderStatusPage(c, 409, 'sharekit.notPublic.title', 'sharekit.notPublic.body');
    const { source } = parseSourceCode(c.req.query('source'));
    const svg = await qrSvg(shareUrl(deps.config.baseUrl, petition.slug, source));
    return c.body(svg, 200, {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'Cache-Control': 'private, max-age=300',
    });
  });

  app.get('/:id{[0-9]+}/qr.png', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'dashboard');
    if (petition === undefined) return notFound(c);
    // A code printed on flyers now would lead to a page nobody can see.
    if (!isVisible(petition)) return renderStatusPage(c, 409, 'sharekit.notPublic.title', 'sharekit.notPublic.body');
    const { source } = parseSourceCode(c.req.query('source'));
    const png = await qrPng(shareUrl(deps.config.baseUrl, petition.slug, source));
    return c.body(new Uint8Array(png), 200, { 'Content-Type': 'image/png', 'Cache-Control': 'private, max-age=300' });
  });

  return app;
}
