// Composition root: builds the dependencies from a Config, and the Hono app from the dependencies.
import path from 'node:path';
import { compress } from 'hono/compress';
import { siteIconRoutes } from './web/site-icons.js';
import { packageRoot } from './platform/package-root.js';
import { staticFileRoutes } from './web/static-files.js';
import { Hono, type MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { pino, type Logger } from 'pino';
import type { Config } from './platform/config.js';
import type { Connection } from './platform/db/connect.js';
import { createDatabaseHealth } from './platform/db/health.js';
import { healthRoutes } from './web/health-routes.js';
import { appliedMigrationCount, MIGRATION_NAMES } from './platform/db/migrate.js';
import { useLanguages } from './platform/i18n/translator.js';
import type { Deps } from './deps.js';
import { createPetitionDirectory } from './petitions/petition-directory.js';
import {
  accountRoutes,
  SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR,
  SIGN_IN_REQUESTS_PER_CLIENT_PER_HOUR,
} from './web/account/account-routes.js';
import { sessionMiddleware } from './web/middleware/session.js';
import { allowFramingWhereAsked, SITE_CSP } from './web/embed-framing.js';
import { embedRoutes } from './web/public/embed-routes.js';
import { deliveryPhotoRoutes } from './web/public/delivery-photo-routes.js';
import { pictureRoutes } from './web/public/picture-routes.js';
import { organizeArea } from './web/organize/organize-area.js';
import { homeRoutes } from './web/public/home-routes.js';
import { petitionRoutes } from './web/public/petition-routes.js';
import { cardRoutes } from './web/public/card-routes.js';
import { shareRoutes } from './web/public/share-routes.js';
import { reportRoutes } from './web/public/report-routes.js';
import { resolveSecret } from './platform/secret.js';
import { createReactions } from './reactions.js';
import { createAddressHasher } from './signing/address-hash.js';
import { signingRoutes } from './web/public/sign-routes.js';
import { privacyRoutes } from './web/public/privacy-routes.js';
import { adminArea } from './web/admin/admin-area.js';
import { apiArea } from './web/api/v1/api-area.js';
import { API_KEY_CACHE_MS, type AuthenticatedKey } from './api-keys/manage-api-keys.js';
import { KEYED_API_PATH } from './web/api/v1/api-auth.js';
import { moderateArea } from './web/moderate/moderate-area.js';
import { defaultSettings } from './settings/instance-settings.js';
import { createSettingsReader } from './settings/settings-store.js';
import { createAbuseDefences } from './abuse/abuse-defences.js';
import { powChallengeRoutes } from './web/public/pow-routes.js';
import { createSignatureWriter, POSTGRES_BATCHES_IN_FLIGHT } from './signing/signature-writer.js';
import { signerLinkRoutes } from './web/public/signer-link-routes.js';
import { ONE_CLICK_POST_PATH } from './web/public/one-click-paths.js';
import { cachedSize, type CachedBody } from './platform/http/cached-response.js';
import type { AppEnv } from './web/env.js';
import { bodyLimit, MAX_FORM_BYTES } from './web/middleware/body-limit.js';
import { PERMISSIONS_POLICY } from './web/middleware/permissions-policy.js';
import { securityTxtRoutes } from './web/security-txt.js';
import { refuseUnreadableMultipart, UnreadableBodyError } from './web/middleware/readable-multipart.js';
import { localeMiddleware } from './web/middleware/locale.js';
import { requestContext } from './web/middleware/request-context.js';
import { sameOrigin } from './web/middleware/same-origin.js';
import { createRateLimiter } from './platform/http/rate-limiter.js';
import { createTtlCache } from './platform/http/ttl-cache.js';
import { renderStatusPage } from './web/views/status-page.js';
import { kioskRoutes } from './web/public/kiosk-routes.js';
import { RoleForbiddenError } from './web/middleware/require-user.js';
import { renderRoleForbiddenPage } from './web/views/role-forbidden-page.js';
import { createMetrics } from './platform/metrics/metrics.js';
import { outboxBacklog } from './platform/outbox/outbox-store.js';
import { createSigningMetrics } from './signing/signing-metrics.js';
import { countRequests, metricsRoutes } from './web/metrics-routes.js';
import { renderUnavailablePage } from './web/public/views/unavailable-page.js';
import { districtIndexCache } from './targets/offices-for.js';
import { createSignerMatcher } from './targets/match-signer.js';
import { createGeocoder } from './targets/geocoder.js';
import { createSeatBook } from './targets/recipients.js';
import { respondRoutes } from './web/public/respond-routes.js';
import { digestRoutes } from './web/public/digest-routes.js';

/** How long every process shares a rendered page or count: the count on a page is at most this old. */
export const RESPONSE_TTL_MS = 1000;
/** The most the response cache holds: the pages of a few hundred petitions, in every language. */
export const RESPONSE_CACHE_BYTES = 32 * 1024 * 1024;

/** Geocoder lookups at once, at most: beyond it a signer's split ZIP stays split (the thank-you page asks again). */
export const GEOCODER_MAX_IN_FLIGHT = 8;

export interface DepsOverrides {
  logger?: Logger;
  now?: () => Date;
  random?: () => number;
  secret?: string;
}

export function buildDeps(config: Config, connection: Connection, overrides: DepsOverrides = {}): Deps {
  useLanguages(config.locales);
  const now = overrides.now ?? (() => new Date());
  const millis = () => now().getTime();
  const secret = overrides.secret ?? resolveSecret(config);
  const logger = overrides.logger ?? pino({ level: config.logLevel });
  const database = createDatabaseHealth({
    db: connection.db,
    logger,
    now: () => Date.now(),
    migrations: { applied: () => appliedMigrationCount(connection.db), expected: MIGRATION_NAMES.length },
  });
  connection.onBackgroundError((err) => {
    if (database.noteFailure(err) === undefined)
      logger.warn({ err: { message: err.message } }, 'database connection error');
  });
  const metrics = createMetrics({
    outbox: async () => {
      const backlog = await outboxBacklog(connection.db);
      const oldest = backlog.oldestCreatedAt === undefined ? millis() : Date.parse(backlog.oldestCreatedAt);
      return { waiting: backlog.waiting, oldestAgeSeconds: Math.max(0, (millis() - oldest) / 1000) };
    },
    pool: () => connection.poolUse(),
  });
  const districtIndexes = districtIndexCache(connection.db);
  const events = createReactions();
  return {
    config,
    metrics,
    districtIndexes,
    seatBook: createSeatBook(connection.db, millis),
    signerMatcher: createSignerMatcher({
      db: connection.db,
      indexes: districtIndexes,
      geocoder:
        config.geocoder === undefined
          ? undefined
          : createGeocoder({
              ...config.geocoder,
              // A spike must not open thousands of connections to someone else's service.
              maxInFlight: GEOCODER_MAX_IN_FLIGHT,
              userAgent: `Firma (${config.baseUrl})`,
            }),
      now: millis,
    }),
    signingMetrics: createSigningMetrics(metrics.registry),
    db: connection.db,
    engine: connection.engine,
    database,
    logger,
    events,
    now,
    random: overrides.random ?? Math.random,
    secret,
    hashAddress: createAddressHasher(secret),
    petitions: createPetitionDirectory(connection.db, RESPONSE_TTL_MS, millis),
    responses: createTtlCache<CachedBody>(RESPONSE_TTL_MS, millis, {
      maxBytes: RESPONSE_CACHE_BYTES,
      sizeOf: cachedSize,
    }),
    signatures: createSignatureWriter(connection.db, overrides.random ?? Math.random, {
      events,
      concurrency: connection.engine === 'postgres' ? POSTGRES_BATCHES_IN_FLIGHT : 1,
      onBatchFailure: (err, size) =>
        logger.warn({ err, size }, 'a signature batch failed: writing its signatures one by one'),
    }),
    signInAddressLimiter: createRateLimiter({
      limit: SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR,
      windowMs: 3600_000,
      now: millis,
    }),
    signInClientLimiter: createRateLimiter({
      limit: SIGN_IN_REQUESTS_PER_CLIENT_PER_HOUR,
      windowMs: 3600_000,
      now: millis,
    }),
    apiKeys: createTtlCache<AuthenticatedKey | null>(API_KEY_CACHE_MS, millis, { maxEntries: 10_000 }),
    settings: createSettingsReader(connection.db, defaultSettings(config), millis),
    abuse: createAbuseDefences({
      db: connection.db,
      engine: connection.engine,
      secret,
      now: millis,
      hashKey: createAddressHasher(`${secret}:rate-limits`),
    }),
  };
}

const PUBLIC_DIR = path.join(packageRoot(), 'public');

function siteSecureHeaders(config: Config): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: SITE_CSP,
    strictTransportSecurity: config.baseUrl.startsWith('https:') ? 'max-age=31536000; includeSubDomains' : false,
    referrerPolicy: 'strict-origin-when-cross-origin',
    crossOriginEmbedderPolicy: false,
    xFrameOptions: 'DENY',
    permissionsPolicy: PERMISSIONS_POLICY,
    // A route may tighten a header (the signer link pages send Referrer-Policy: no-referrer).
    overwrite: false,
  });
}

/**
 * What `firma serve` answers while it waits for the database and migrates it, before the site is built: alive
 * (/healthz 200, so a liveness probe does not restart a long migration), not ready (/readyz 503), and every page
 * the "try again in a minute" page in the reader's language.
 */
export function createStartingApp(config: Config): Hono<AppEnv> {
  useLanguages(config.locales);
  const app = new Hono<AppEnv>();
  app.use(siteSecureHeaders(config));
  // The stylesheet and icons too, read once per process like the site's: the 503 page is styled.
  app.route('/', staticFileRoutes(PUBLIC_DIR));
  app.route('/', siteIconRoutes(PUBLIC_DIR));
  app.route(
    '/',
    healthRoutes(() => 'starting'),
  );
  app.use(localeMiddleware());
  app.all('*', (c) => renderUnavailablePage(c));
  return app;
}

export function createApp(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(requestContext({ logger: deps.logger }));
  app.use(countRequests(deps.metrics));
  // Before secureHeaders, so it sees its headers: only the embeddable sign form may be framed.
  app.use(allowFramingWhereAsked());
  app.use(siteSecureHeaders(deps.config));
  app.route('/', staticFileRoutes(PUBLIC_DIR));
  // Every other compressible answer of 1 KB or more is gzipped as it is sent, when the reader accepts it (the
  // petition page, the home page, the JSON and static files come compressed already, made once).
  app.use(compress({ encoding: 'gzip' }));
  // Ready to take traffic: the database answers and is migrated (probed at most once a second, whoever asks).
  app.route(
    '/',
    healthRoutes(() => deps.database.ready()),
  );
  app.route('/', metricsRoutes(deps));
  app.route('/', securityTxtRoutes(deps));
  app.route('/', siteIconRoutes(PUBLIC_DIR));
  app.use(localeMiddleware());
  // Who is asking comes before any body is read: only a signed-in reader is allowed the larger bodies below.
  app.use(sessionMiddleware(deps));
  // Every body but the organizer's and the directory imports': /organize and admin-area.ts set their own limits.
  app.use(bodyLimit({ maxSize: MAX_FORM_BYTES, exceptUnder: ['/organize', '/admin/targets/imports', '/api/v1'] }));
  app.use(
    sameOrigin({
      allowedOrigins: [new URL(deps.config.baseUrl).origin],
      // The API's requests carry their key, never the session: no browser can be made to send one.
      tokenAuthorized: new RegExp(`${ONE_CLICK_POST_PATH.source}|${KEYED_API_PATH.source}`),
    }),
  );
  app.use(refuseUnreadableMultipart());
  app.route('/', homeRoutes(deps));
  app.route('/', petitionRoutes(deps));
  app.route('/', cardRoutes(deps));
  app.route('/', shareRoutes(deps));
  app.route('/', signingRoutes(deps));
  app.route('/', respondRoutes(deps));
  app.route('/', digestRoutes(deps));
  app.route('/', powChallengeRoutes(deps));
  app.route('/', signerLinkRoutes(deps));
  app.route('/', embedRoutes(deps));
  app.route('/', deliveryPhotoRoutes(deps));
  app.route('/', pictureRoutes(deps));
  app.route('/', accountRoutes(deps));
  app.route('/', reportRoutes(deps));
  app.route('/', privacyRoutes(deps));
  app.route('/', kioskRoutes(deps));
  app.route('/organize', organizeArea(deps));
  app.route('/moderate', moderateArea(deps));
  app.route('/admin', adminArea(deps));
  app.route('/api/v1', apiArea(deps));
  app.notFound((c) => renderStatusPage(c, 404, 'page.notFound.title', 'page.notFound.body'));
  app.onError((err, c) => {
    // A database that cannot serve now is logged by its health (once a minute), not once per request.
    if (deps.database.noteFailure(err) !== undefined) return renderUnavailablePage(c);
    if (err instanceof UnreadableBodyError)
      return renderStatusPage(c, 400, 'page.badRequest.title', 'page.badRequest.body');
    if (err instanceof RoleForbiddenError) return renderRoleForbiddenPage(c, err.petitionId, err.role);
    (c.var.log ?? deps.logger).error({ err }, 'unhandled error');
    return renderStatusPage(c, 500, 'page.serverError.title', 'page.serverError.body');
  });
  return app;
}
