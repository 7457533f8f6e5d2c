// /api/v1/petitions: the petitions the key reaches (all its account manages, or the one it was made for), and one.
import { Hono, type Context } from 'hono';
import type { Deps } from '../../../deps.js';
import { keyReaches } from '../../../api-keys/api-key.js';
import { seesAllPetitions } from '../../../accounts/policy.js';
import { pageManagedPetitionIds } from '../../../petitions/petition-editor-store.js';
import type { Petition } from '../../../petitions/petition.js';
import { countSignatures } from '../../../signing/signature-counts.js';
import { countPending } from '../../../signing/signer-link-store.js';
import { apiError } from './api-errors.js';
import type { ApiEnv } from './api-auth.js';
import { MAX_PER_PAGE, pageOf, pageQuerySchema, pagingFields } from './api-paging.js';
import { petitionHref, petitionResource } from './api-representations.js';
import type { CountHistoryResource } from './api-schemas.js';
import { countHistory } from '../../../signing/count-history.js';
import { hal, selfUrl } from './hal.js';

/** The petition of the path, when the key reaches it; undefined after answering 404 (reached or not, the same). */
export async function reachablePetition(deps: Deps, c: Context<ApiEnv>): Promise<Petition | undefined> {
  const id = Number(c.req.param('id'));
  const petition = Number.isSafeInteger(id) ? await deps.petitions.byId(id) : undefined;
  if (petition === undefined || !keyReaches(c.var.apiKey, c.var.apiUser, petition)) return undefined;
  return petition;
}

export function petitionApiRoutes(deps: Deps) {
  const app = new Hono<ApiEnv>();
  const base = deps.config.baseUrl;

  const resource = async (petition: Petition) =>
    petitionResource(
      petition,
      {
        confirmed: (await countSignatures(deps.db, [petition.id])).get(petition.id) ?? 0,
        pending: await countPending(deps.db, petition.id),
      },
      base,
    );

  app.get('/petitions', async (c) => {
    const query = pageQuerySchema.safeParse(c.req.query());
    if (!query.success) return apiError(c, 'bad_request', c.var.t.t('api.error.badPaging', { max: MAX_PER_PAGE }));
    const { apiKey: key, apiUser: user } = c.var;
    const { page, per_page: perPage } = query.data;
    const window = { limit: perPage, offset: (page - 1) * perPage };
    const { ids, total } =
      key.petition !== null
        ? { ids: page === 1 ? [key.petition.id] : [], total: 1 }
        : await pageManagedPetitionIds(deps.db, seesAllPetitions(user) ? null : user.id, window);
    const onPage: Petition[] = [];
    for (const id of ids) {
      const petition = await deps.petitions.byId(id);
      if (petition !== undefined && keyReaches(key, user, petition)) onPage.push(petition);
    }
    // Petitions are few: their pages are numbered, not read by id.
    const paging = pageOf(selfUrl(c, base), query.data, total, undefined);
    const resources = await Promise.all(onPage.map(resource));
    return hal(c, {
      ...pagingFields(paging),
      _links: { ...paging.links, 'osdi:petitions': resources.map((r) => r._links.self) },
      _embedded: { 'osdi:petitions': resources },
    });
  });

  app.get('/petitions/:id{[0-9]{1,9}}/count_history', async (c) => {
    const petition = await reachablePetition(deps, c);
    if (petition === undefined) return apiError(c, 'not_found');
    const history = await countHistory(deps.db, petition.id, deps.now());
    const self = petitionHref(base, petition.id);
    const body: CountHistoryResource = {
      by_day: history.byDay.map(({ at, ...counts }) => ({ date: at, ...counts })),
      by_hour: history.byHour.map(({ at, ...counts }) => ({ hour: at, ...counts })),
      _links: { self: { href: `${self}/count_history` }, 'osdi:petition': { href: self } },
    };
    return hal(c, body);
  });

  app.get('/petitions/:id{[0-9]{1,9}}', async (c) => {
    const petition = await reachablePetition(deps, c);
    if (petition === undefined) return apiError(c, 'not_found');
    return hal(c, await resource(petition));
  });

  return app;
}
