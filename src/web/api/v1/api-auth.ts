// Who is calling the API: the key in `OSDI-API-Token` (OSDI's header) or `Authorization: Bearer`. Never the
// browser's session: a page on another site cannot make a signed-in organizer's browser call the API.
import type { MiddlewareHandler } from 'hono';
import type { ApiKey } from '../../../api-keys/api-key.js';
import { authenticateApiKey, type ApiKeyDeps } from '../../../api-keys/manage-api-keys.js';
import { findUserById } from '../../../accounts/user-store.js';
import type { Deps } from '../../../deps.js';
import type { User } from '../../../accounts/user.js';
import type { RateLimiter } from '../../../platform/http/rate-limiter.js';
import type { AppEnv } from '../../env.js';
import { apiError } from './api-errors.js';

export interface ApiEnv extends AppEnv {
  Variables: AppEnv['Variables'] & { apiKey: ApiKey; apiUser: User };
}

/** What making, revoking and checking keys need, from the process's dependencies (the account page's too). */
export function apiKeyDeps(deps: Deps): ApiKeyDeps {
  return {
    db: deps.db,
    now: deps.now,
    petitions: deps.petitions,
    users: { byId: (id) => findUserById(deps.db, id) },
    checked: deps.apiKeys,
  };
}

/** Paths whose requests carry their key, never the session: the same-origin check lets them through (app.ts). */
export const KEYED_API_PATH = /^\/api\/v1\//;

export function keyText(header: (name: string) => string | undefined): string | undefined {
  const osdi = header('OSDI-API-Token');
  if (osdi !== undefined && osdi.trim() !== '') return osdi.trim();
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header('Authorization') ?? '');
  return bearer?.[1];
}

/** Requests per key per minute by default (RATE_LIMIT_API_PER_MINUTE); more are answered 429 until the minute ends. */
export const API_REQUESTS_PER_KEY_PER_MINUTE = 600;

export function requireApiKey(deps: ApiKeyDeps, limiter: RateLimiter): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const text = keyText((name) => c.req.header(name));
    if (text === undefined) return apiError(c, 'unauthorized', c.var.t.t('api.error.noKey'));
    const found = await authenticateApiKey(deps, text);
    if (found === undefined) return apiError(c, 'unauthorized', c.var.t.t('api.error.badKey'));
    if (!limiter.hit(`key:${found.key.id}`)) {
      c.header('Retry-After', '60');
      return apiError(c, 'rate_limited');
    }
    c.set('apiKey', found.key);
    c.set('apiUser', found.user);
    await next();
  };
}
