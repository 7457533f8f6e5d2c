// What the front page lists besides the search: the most-signed open petitions, the ones that grew most in the last
// seven days, the newest, and recent victories. Only what the public may see; the search's rule for "open".
import { sql } from 'kysely';
import type { Db } from '../platform/db/connect.js';
import { PUBLIC_MODERATION_STATES } from './petition.js';

/** How far back "growing fastest" looks. */
export const GROWTH_DAYS = 7;

export interface FrontPageLists {
  mostSigned: number[];
  newest: number[];
  victories: number[];
}

const visible = sql`p.hidden_at IS NULL AND p.moderation_state IN (${sql.join(PUBLIC_MODERATION_STATES)})`;
const listedOpen = (now: Date) =>
  sql`p.status = 'open' AND ${visible} AND (p.closes_at IS NULL OR p.closes_at > ${now.toISOString()})`;
const total = sql`(SELECT coalesce(sum(c.signature_count), 0) FROM petition_count_shards c WHERE c.petition_id = p.id)`;

/** Petition ids for each list, `limit` at most in each. */
export async function frontPageLists(db: Db, now: Date, limit: number): Promise<FrontPageLists> {
  const mostSigned = await sql<{ id: number }>`SELECT p.id, ${total} AS signatures FROM petitions p
    WHERE ${listedOpen(now)} ORDER BY signatures DESC, p.id DESC LIMIT ${limit}`.execute(db);
  const newest = await sql<{ id: number }>`SELECT p.id FROM petitions p WHERE ${listedOpen(now)}
    ORDER BY p.published_at DESC, p.id DESC LIMIT ${limit}`.execute(db);
  const victories = await sql<{ id: number }>`SELECT p.id FROM petitions p
    WHERE p.status IN ('open', 'closed') AND ${visible} AND p.victory_at IS NOT NULL
    ORDER BY p.victory_at DESC, p.id DESC LIMIT ${limit}`.execute(db);
  return {
    mostSigned: mostSigned.rows.map((r) => r.id),
    newest: newest.rows.map((r) => r.id),
    victories: victories.rows.map((r) => r.id),
  };
}

/**
 * The open petitions with the most confirmed signatures in the last GROWTH_DAYS days (none without any), counted
 * through the index by petition and date: one range per open petition, so the caller keeps the answer a while.
 */
export async function fastestGrowing(db: Db, now: Date, limit: number): Promise<{ id: number; recent: number }[]> {
  const since = new Date(now.getTime() - GROWTH_DAYS * 24 * 3600_000).toISOString();
  const { rows } = await sql<{ id: number; recent: number | string }>`SELECT p.id,
      (SELECT count(*) FROM signatures s WHERE s.petition_id = p.id AND s.created_at >= ${since}
        AND s.status = 'confirmed') AS recent
    FROM petitions p WHERE ${listedOpen(now)} ORDER BY recent DESC, p.id DESC LIMIT ${limit}`.execute(db);
  return rows.map((r) => ({ id: r.id, recent: Number(r.recent) })).filter((r) => r.recent > 0);
}
