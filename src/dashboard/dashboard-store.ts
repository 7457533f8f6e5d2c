// The dashboard's numbers, each one GROUP BY in SQL over the petition's confirmed signatures (what a
// CSV export of confirmed signatures contains), portable across SQLite and PostgreSQL.
import { sql } from 'kysely';
import type { Db } from '../platform/db/connect.js';

export interface SignatureCounts {
  confirmed: number;
  pending: number;
  total: number;
}

export interface DayCount {
  /** YYYY-MM-DD (UTC), the first ten characters of created_at. */
  day: string;
  count: number;
}

export interface SourceCount {
  /** Null for signatures that came without a ?source= code. */
  source: string | null;
  count: number;
}

export interface PlaceCount {
  postalCode: string;
  town: string | null;
  count: number;
}

export interface LatestComment {
  name: string;
  town: string | null;
  comment: string;
  createdAt: string;
}

export interface MilestoneReached {
  milestone: number;
  reachedAt: string;
}

const CONFIRMED = 'confirmed';

export async function signatureCounts(db: Db, petitionId: number): Promise<SignatureCounts> {
  const rows = await db
    .selectFrom('signatures')
    .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('petition_id', '=', petitionId)
    .groupBy('status')
    .execute();
  const of = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
  const confirmed = of(CONFIRMED);
  const pending = of('pending');
  return { confirmed, pending, total: confirmed + pending };
}

export async function confirmedPerDay(db: Db, petitionId: number): Promise<DayCount[]> {
  const day = sql<string>`substr(created_at, 1, 10)`;
  const rows = await db
    .selectFrom('signatures')
    .select([day.as('day'), (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('petition_id', '=', petitionId)
    .where('status', '=', CONFIRMED)
    .groupBy(day)
    .orderBy(day)
    .execute();
  return rows.map((r) => ({ day: r.day, count: Number(r.n) }));
}

/** Confirmed signatures counted by one column's value, most first (ties by value). */
async function confirmedCountsBy(
  db: Db,
  petitionId: number,
  column: 'source' | 'locale',
): Promise<{ value: string | null; count: number }[]> {
  const rows = await db
    .selectFrom('signatures')
    .select([sql<string | null>`${sql.ref(column)}`.as('value'), (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('petition_id', '=', petitionId)
    .where('status', '=', CONFIRMED)
    .groupBy(column)
    .execute();
  return rows
    .map((r) => ({ value: r.value, count: Number(r.n) }))
    .sort((a, b) => b.count - a.count || (a.value ?? '').localeCompare(b.value ?? ''));
}

export async function confirmedBySource(db: Db, petitionId: number): Promise<SourceCount[]> {
  return (await confirmedCountsBy(db, petitionId, 'source')).map((r) => ({ source: r.value, count: r.count }));
}

/**
 * Confirmed signatures by the language of the page they were made on (`{ es: 45, en: 75 }`, most first): the
 * dashboard, and the public JSON (which keeps it a minute, the rows of a large petition being many).
 */
export async function confirmedByLocale(db: Db, petitionId: number): Promise<Record<string, number>> {
  return Object.fromEntries((await confirmedCountsBy(db, petitionId, 'locale')).map((r) => [r.value ?? '', r.count]));
}

/** Largest first; `limit` places, the rest summed by the caller from the confirmed total. */
export async function confirmedByPlace(db: Db, petitionId: number, limit: number): Promise<PlaceCount[]> {
  const n = sql<number | string>`count(*)`;
  const rows = await db
    .selectFrom('signatures')
    .select(['postal_code', 'town', n.as('n')])
    .where('petition_id', '=', petitionId)
    .where('status', '=', CONFIRMED)
    .groupBy(['postal_code', 'town'])
    .orderBy(n, 'desc')
    .orderBy('postal_code')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ postalCode: r.postal_code, town: r.town, count: Number(r.n) }));
}

export async function latestComments(db: Db, petitionId: number, limit: number): Promise<LatestComment[]> {
  const rows = await db
    .selectFrom('signatures')
    .select(['name', 'town', 'comment', 'created_at'])
    .where('petition_id', '=', petitionId)
    .where('status', '=', CONFIRMED)
    .where('comment', 'is not', null)
    .where('comment', '<>', '')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ name: r.name, town: r.town, comment: r.comment ?? '', createdAt: r.created_at }));
}

export async function milestonesWithDates(db: Db, petitionId: number): Promise<MilestoneReached[]> {
  const rows = await db
    .selectFrom('petition_milestones')
    .select(['milestone', 'reached_at'])
    .where('petition_id', '=', petitionId)
    .orderBy('milestone')
    .execute();
  return rows.map((r) => ({ milestone: r.milestone, reachedAt: r.reached_at }));
}
