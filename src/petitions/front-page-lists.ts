// What the front page lists besides the search: the most-signed open petitions, the ones that grew most in the last
// seven days, the newest, and recent victories. The caller checks each petition is still listed when it shows it
// (the most-signed and fastest-growing candidates are counted over every petition, so they are kept a minute).
import { sql } from 'kysely';
import type { Db } from '../platform/db/connect.js';
import { listedOpen, visibleSql } from './petition-search.js';

/** How far back "growing fastest" looks. */
export const GROWTH_DAYS = 7;

/** Open petitions, most signed first (summed over the count shards of every petition). */
export async function mostSigned(db: Db, limit: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`SELECT c.petition_id AS id, sum(c.signature_count) AS total
    FROM petition_count_shards c INNER JOIN petitions p ON p.id = c.petition_id
    WHERE p.status = 'open' GROUP BY c.petition_id ORDER BY total DESC, c.petition_id DESC LIMIT ${limit}`.execute(db);
  return rows.map((r) => r.id);
}

/** The listed open petitions, newest first (through the index by status and publication). */
export async function newest(db: Db, now: Date, limit: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`SELECT p.id FROM petitions p WHERE ${listedOpen(now)}
    ORDER BY p.published_at DESC, p.id DESC LIMIT ${limit}`.execute(db);
  return rows.map((r) => r.id);
}

/** Public petitions, open or closed, whose organizer declared victory, the latest first. */
export async function recentVictories(db: Db, limit: number): Promise<number[]> {
  // Through the index by victory date (a draft has none; the caller shows only what is public).
  const { rows } = await sql<{ id: number }>`SELECT p.id FROM petitions p
    WHERE p.victory_at IS NOT NULL AND ${visibleSql} ORDER BY p.victory_at DESC LIMIT ${limit}`.execute(db);
  return rows.map((r) => r.id);
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
