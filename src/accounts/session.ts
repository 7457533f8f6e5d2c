// Reads the session cookie and sets c.var.user (null for anonymous readers, who cost no query).
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Deps } from '../deps.js';
import type { AppEnv } from '../web/env.js';
import { findSessionUser, SESSION_TTL_MS } from './session-store.js';

export const SESSION_COOKIE = 'firma_session';

export function sessionMiddleware(deps: Pick<Deps, 'db' | 'now'>): MiddlewareHandler<AppEnv> {
  return async function session(c, next) {
    const sessionId = getCookie(c, SESSION_COOKIE);
    c.set('user', sessionId === undefined || sessionId.length > 100 ? null : await findSessionUser(deps.db, sessionId, deps.now()));
    await next();
  };
}

function secure(deps: Pick<Deps, 'config'>): boolean {
  return deps.config.baseUrl.startsWith('https:');
}

export function setSessionCookie(c: Context<AppEnv>, deps: Pick<Deps, 'config'>, sessionId: string): void {
  setCookie(c, SESSION_COOKIE, sessionId, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: secure(deps),
    path: '/',
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  });
}

export function clearSessionCookie(c: Context<AppEnv>, deps: Pick<Deps, 'config'>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secure(deps) });
}
