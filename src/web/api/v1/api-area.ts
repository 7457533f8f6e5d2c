// /api/v1: the OSDI-compatible API (docs/api.md). Its own area: a key instead of the session, JSON errors instead of
// pages, a rate limit per key, an audit row for every call, and no CORS (a key is never sent from someone's page).
import { Hono } from 'hono';
import { bodyLimit, MAX_FORM_BYTES } from '../../middleware/body-limit.js';
import type { Deps } from '../../../deps.js';
import { createAuditBatcher } from '../../../platform/audit/audit-batcher.js';
import { createRateLimiter } from '../../../platform/http/rate-limiter.js';
import { apiError } from './api-errors.js';
import { apiKeyDeps, requireApiKey, type ApiEnv } from './api-auth.js';
import { MAX_PER_PAGE } from './api-paging.js';
import { apiRoot } from './api-representations.js';
import type { EntryPoint } from './api-schemas.js';
import { hal } from './hal.js';
import { openApiDocument } from './openapi-document.js';
import { petitionApiRoutes } from './petition-api-routes.js';
import { signatureApiRoutes } from './signature-api-routes.js';
import { recordSignatureRoutes } from './record-signature-routes.js';

export function apiArea(deps: Deps) {
  const app = new Hono<ApiEnv>();
  const root = apiRoot(deps.config.baseUrl);
  const keyDeps = apiKeyDeps(deps);
  const limiter = createRateLimiter({
    limit: deps.config.apiRateLimitPerMinute,
    windowMs: 60_000,
    now: () => deps.now().getTime(),
  });
  const audit = createAuditBatcher(deps.db);
  const document = JSON.stringify(openApiDocument(deps.config.baseUrl, deps.config.apiRateLimitPerMinute));

  app.onError((err, c) => {
    if (deps.database.noteFailure(err) !== undefined) return apiError(c, 'unavailable');
    c.var.log.error({ err }, 'unhandled error');
    return apiError(c, 'server_error');
  });

  // The document is public: it says what the API is, nothing of anyone's data.
  app.get('/openapi.json', (c) =>
    c.body(document, 200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
    }),
  );

  // A body is a person and a comment: the site's form limit, refused in JSON like every other error here.
  app.use('*', bodyLimit({ maxSize: MAX_FORM_BYTES, onTooLarge: (c) => apiError(c, 'too_large') }));
  app.use('*', requireApiKey(keyDeps, limiter));
  // Every call leaves an audit row under the key's owner and name, with what it asked and how it was answered.
  app.use('*', async (c, next) => {
    await next();
    const url = new URL(c.req.url);
    const petitionId = /\/petitions\/(\d{1,9})(?:\/|$)/.exec(url.pathname)?.[1];
    await audit.record({
      actorId: c.var.apiUser.id,
      action: 'api.call',
      petitionId: petitionId === undefined ? null : Number(petitionId),
      details: {
        key: c.var.apiKey.name,
        key_id: c.var.apiKey.id,
        method: c.req.method,
        path: `${url.pathname}${url.search}`,
        status: c.res.status,
      },
      now: deps.now(),
    });
  });

  app.get('/', (c) => {
    const body: EntryPoint = {
      motd: c.var.t.t('api.motd'),
      vendor_name: 'Firma',
      product_name: 'Firma',
      osdi_version: '1.1',
      max_pagesize: MAX_PER_PAGE,
      namespace: 'firma',
      _links: {
        self: { href: root },
        curies: [{ name: 'osdi', href: 'https://opensupporter.github.io/osdi-docs/{rel}', templated: true }],
        'osdi:petitions': { href: `${root}/petitions`, title: c.var.t.t('api.petitionsTitle') },
        docs: { href: `${root}/openapi.json` },
      },
    };
    return hal(c, body);
  });
  app.route('/', petitionApiRoutes(deps));
  app.route('/', signatureApiRoutes(deps));
  app.route('/', recordSignatureRoutes(deps));
  app.all('*', (c) => apiError(c, 'not_found'));
  return app;
}
