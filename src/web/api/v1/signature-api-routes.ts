// /api/v1/petitions/:id/signatures: a petition's signatures, page by page, confirmed ones unless `status=all` asks
// for the pending ones too, filtered by `modified_date`; and one signature. Only for a key that reaches the petition.
import { Hono } from 'hono';
import { z } from 'zod';
import type { Deps } from '../../../deps.js';
import {
  countListedSignatures,
  findListedSignature,
  listSignatures,
  type SignatureListing,
} from '../../../signing/signature-listing-store.js';
import { apiError } from './api-errors.js';
import type { ApiEnv } from './api-auth.js';
import { MAX_PER_PAGE, pageOf, pageQuerySchema, pagingFields, parseDateFilter } from './api-paging.js';
import { signatureResource } from './api-representations.js';
import { hal, selfUrl } from './hal.js';
import { reachablePetition } from './petition-api-routes.js';

const listQuerySchema = pageQuerySchema.extend({
  status: z.enum(['confirmed', 'all']).default('confirmed'),
  filter: z.string().optional(),
});

export function signatureApiRoutes(deps: Deps) {
  const app = new Hono<ApiEnv>();
  const base = deps.config.baseUrl;

  app.get('/petitions/:id{[0-9]{1,9}}/signatures', async (c) => {
    const petition = await reachablePetition(deps, c);
    if (petition === undefined) return apiError(c, 'not_found');
    const query = listQuerySchema.safeParse(c.req.query());
    if (!query.success) return apiError(c, 'bad_request', c.var.t.t('api.error.badPaging', { max: MAX_PER_PAGE }));
    const dates = parseDateFilter(query.data.filter);
    if (dates === undefined) return apiError(c, 'bad_request', c.var.t.t('api.error.badFilter'));
    const listing: SignatureListing = { petitionId: petition.id, status: query.data.status, ...dates };
    const { page, per_page: perPage, after } = query.data;
    const [total, rows] = await Promise.all([
      countListedSignatures(deps.db, listing),
      listSignatures(deps.db, listing, { limit: perPage, afterId: after, offset: (page - 1) * perPage }),
    ]);
    const paging = pageOf(selfUrl(c, base), query.data, total, rows.at(-1)?.id);
    const resources = rows.map((row) => signatureResource(row, petition, base));
    return hal(c, {
      ...pagingFields(paging),
      _links: { ...paging.links, 'osdi:signatures': resources.map((r) => r._links.self) },
      _embedded: { 'osdi:signatures': resources },
    });
  });

  app.get('/petitions/:id{[0-9]{1,9}}/signatures/:signature{[0-9]{1,12}}', async (c) => {
    const petition = await reachablePetition(deps, c);
    if (petition === undefined) return apiError(c, 'not_found');
    const id = Number(c.req.param('signature'));
    const row = await findListedSignature(deps.db, petition.id, { id });
    if (row === undefined) return apiError(c, 'not_found');
    return hal(c, signatureResource(row, petition, base));
  });

  return app;
}
