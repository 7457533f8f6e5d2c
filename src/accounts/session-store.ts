// Server-side sessions: the cookie holds a random id, the table only its sha256.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../platform/db/connect.js';
import { isRole, type User } from './user.js';

/** How long a session lasts without use. */
export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
/** A session's expiry is pushed forward at most this often, so reading pages does not write on every request. */
const TOUCH_EVERY_MS = 3600 * 1000;

export function sessionIdHash(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('hex');
}

/** Makes a session for `userId` and returns the cookie's value. */
export async function createSession(db: Db, userId: number, now: Date): Promise<string> {
  const sessionId = randomBytes(32).toString('base64url');
  await db
    .insertInto('sessions')
    .values({
      id_hash: sessionIdHash(sessionId),
      user_id: userId,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
    })
    .execute();
  return sessionId;
}

/** The user a live session belongs to, or null; extends the session when it is used. */
export async function findSessionUser(db: Db, sessionId: string, now: Date): Promise<User | null> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id_hash', 's.last_seen_at', 's.expires_at', 'u.id', 'u.email', 'u.name', 'u.role', 'u.locale'])
    .where('s.id_hash', '=', sessionIdHash(sessionId))
    .executeTakeFirst();
  if (row === undefined || new Date(row.expires_at) <= now || !isRole(row.role)) return null;
  if (now.getTime() - new Date(row.last_seen_at).getTime() > TOUCH_EVERY_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now.toISOString(), expires_at: new Date(now.getTime() + SESSION_TTL_MS).toISOString() })
      .where('id_hash', '=', row.id_hash)
      .execute();
  }
  return { id: row.id, email: row.email, name: row.name, role: row.role, locale: row.locale };
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', sessionIdHash(sessionId)).execute();
}

/** "Sign out everywhere": every session of the user ends. */
export async function deleteSessionsOfUser(db: Db, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
