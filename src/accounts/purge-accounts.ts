// The hourly clean-up of the accounts tables: sessions past expiry, sign-in tokens of no further use.
import type { Db } from '../platform/db/connect.js';
import { deleteExpiredSessions } from './session-store.js';
import { deleteStaleSignInTokens } from './user-store.js';

export async function purgeStaleSignIns(db: Db, now: Date): Promise<{ sessions: number; tokens: number }> {
  return { sessions: await deleteExpiredSessions(db, now), tokens: await deleteStaleSignInTokens(db, now) };
}
