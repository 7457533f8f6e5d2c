// A petition's signature count over time, as open data: signatures by day since the first (a confirmed signature on
// the day it counted, a pending one on the day it was made), and by hour for the last 48 hours, each with the running
// total of confirmed signatures. Withdrawn signatures are gone from the rows, so they leave the history too.
import { sql } from 'kysely';
import type { Db } from '../platform/db/connect.js';

export const HOURS_OF_HISTORY = 48;

export interface CountStep {
  /** A day (2026-12-05) or an hour (2026-12-05T14:00:00Z), in UTC. */
  at: string;
  confirmed: number;
  pending: number;
  /** Confirmed signatures up to the end of this step. */
  total: number;
}

export interface CountHistory {
  byDay: CountStep[];
  byHour: CountStep[];
}

const DAY_MS = 24 * 3600_000;
const HOUR_MS = 3600_000;

async function grouped(db: Db, petitionId: number, length: 10 | 13, since?: string) {
  const moment = sql<string>`coalesce(confirmed_at, created_at)`;
  const step = sql<string>`substr(case when status = 'confirmed' then ${moment} else created_at end, 1, ${sql.lit(length)})`;
  let query = db
    .selectFrom('signatures')
    .select([step.as('at'), 'status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('petition_id', '=', petitionId)
    .where('status', 'in', ['confirmed', 'pending'])
    .groupBy([step, 'status']);
  if (since !== undefined)
    query = query.where((eb) =>
      eb.or([eb.and([eb('status', '=', 'confirmed'), eb(moment, '>=', since)]), eb('created_at', '>=', since)]),
    );
  const rows = await query.execute();
  const steps = new Map<string, { confirmed: number; pending: number }>();
  for (const row of rows) {
    const at = steps.get(row.at) ?? { confirmed: 0, pending: 0 };
    if (row.status === 'confirmed') at.confirmed += Number(row.n);
    else at.pending += Number(row.n);
    steps.set(row.at, at);
  }
  return steps;
}

/** Every step from `first` to `last` (inclusive), zeros where nothing happened, with running totals from `before`. */
function fill(
  steps: Map<string, { confirmed: number; pending: number }>,
  first: number,
  last: number,
  stepMs: number,
  key: (t: number) => string,
  label: (t: number) => string,
  before: number,
): CountStep[] {
  const out: CountStep[] = [];
  let total = before;
  for (let t = first; t <= last; t += stepMs) {
    const at = steps.get(key(t)) ?? { confirmed: 0, pending: 0 };
    total += at.confirmed;
    out.push({ at: label(t), confirmed: at.confirmed, pending: at.pending, total });
  }
  return out;
}

export async function countHistory(db: Db, petitionId: number, now: Date): Promise<CountHistory> {
  const byDay = await grouped(db, petitionId, 10);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const days = [...byDay.keys()].sort();
  const firstDay = days[0] === undefined ? today : Math.min(today, Date.parse(`${days[0]}T00:00:00Z`));
  const dayKey = (t: number) => new Date(t).toISOString().slice(0, 10);
  const history = fill(byDay, firstDay, today, DAY_MS, dayKey, dayKey, 0);

  const thisHour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  const firstHour = thisHour - (HOURS_OF_HISTORY - 1) * HOUR_MS;
  const since = new Date(firstHour).toISOString();
  const byHour = await grouped(db, petitionId, 13, since);
  // Running totals end at today's total: what the hours shown do not hold was confirmed before them.
  const allConfirmed = history.at(-1)?.total ?? 0;
  const inHours = [...byHour.values()].reduce((sum, s) => sum + s.confirmed, 0);
  const beforeFirstHour = allConfirmed - inHours;
  const hourKey = (t: number) => new Date(t).toISOString().slice(0, 13);
  const hourLabel = (t: number) => `${new Date(t).toISOString().slice(0, 13)}:00:00Z`;
  return {
    byDay: history,
    byHour: fill(byHour, firstHour, thisHour, HOUR_MS, hourKey, hourLabel, beforeFirstHour),
  };
}
