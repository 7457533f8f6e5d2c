// Reads the session cookie and sets c.var.user (null for anonymous readers, who cost no query).
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Deps } from '../../deps.js';
import type { AppEnv } from '../env.js';
import { findSessionUser, SESSION_TTL_MS } from '../../accounts/session-store.js';

/** The cookie's name on http; on https it carries the __Host- prefix (only this host, only https, path /). */
export const SESSION_COOKIE = 'firma_session';

/** The session id the browser sent, read under the name this site sets. */
export function readSessionCookie(c: Context<AppEnv>, deps: Pick<Deps, 'config'>): string | undefined {
  return secure(deps) ? getCookie(c, SESSION_COOKIE, 'host') : getCookie(c, SESSION_COOKIE);
}

export function sessionMiddleware(deps: Pick<Deps, 'db' | 'now' | 'config'>): MiddlewareHandler<AppEnv> {
  return async function session(c, next) {
    const sessionId = readSessionCookie(c, deps);
    c.set(
      'user',
      sessionId === undefined || sessionId.length > 100 ? null : await findSessionUser(deps.db, sessionId, deps.now()),
    );
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
    ...(secure(deps) ? { prefix: 'host' as const } : {}),
  });
}

export function clearSessionCookie(c: Context<AppEnv>, deps: Pick<Deps, 'config'>): void {
  deleteCookie(c, SESSION_COOKIE, {
    path: '/',
    secure: secure(deps),
    ...(secure(deps) ? { prefix: 'host' as const } : {}),
  });
}
