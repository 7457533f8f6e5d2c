// /admin/trending (admins): where the last hour's signatures came from, to spot a scripted burst.
import { Hono } from 'hono';
import { currentUser } from '../middleware/require-user.js';
import type { Deps } from '../../deps.js';
import { textFor } from '../../petitions/petition.js';
import { findPetitionById } from '../../petitions/petition-store.js';
import type { AppEnv } from '../env.js';
import { localMinuteOf } from '../../moderation/invalidation/invalidation-criteria.js';
import { trendsByPetition } from '../../moderation/trending/trending-report.js';
import { groupCounts, totalsSince } from '../../moderation/trending/trending-store.js';
import { TrendingPage, type TrendingPetition } from './views/trending-page.js';

const WINDOW_MS = 3600_000;
/** Groups read in all, and shown per petition and kind. */
const GROUP_LIMIT = 1000;
const PER_PETITION = 10;

export function trendingRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  app.get('/trending', async (c) => {
    const since = new Date(deps.now().getTime() - WINDOW_MS).toISOString();
    const [totals, networks, domains] = await Promise.all([
      totalsSince(deps.db, since),
      groupCounts(deps.db, 'ip_prefix_hash', since, GROUP_LIMIT),
      groupCounts(deps.db, 'email_domain', since, GROUP_LIMIT),
    ]);
    const petitions: TrendingPetition[] = [];
    for (const trend of trendsByPetition(totals, networks, domains, PER_PETITION)) {
      const petition = await findPetitionById(deps.db, trend.petitionId);
      if (petition !== undefined)
        petitions.push({ ...trend, slug: petition.slug, title: textFor(petition, c.var.locale).title });
    }
    const page = (
      <TrendingPage
        t={c.var.t}
        user={currentUser(c)}
        since={since}
        petitions={petitions}
        invalidateHref={(petition, kind, group) =>
          `/admin/invalidations?${new URLSearchParams({ slug: petition.slug, [kind]: group.key, from: localMinuteOf(group.first), to: localMinuteOf(group.last) }).toString()}`
        }
      />
    );
    c.header('Cache-Control', 'no-store');
    return c.html(`<!doctype html>${await page.toString()}`);
  });

  return app;
}
