// The last hour's signatures of open petitions, counted per petition and per network or email domain.
import type { Db } from '../../platform/db/connect.js';

export interface GroupCount {
  petitionId: number;
  /** The network hash or the email domain. */
  key: string;
  count: number;
  first: string;
  last: string;
}

export type Grouping = 'ip_prefix_hash' | 'email_domain';

/** Groups of two or more signatures since `since`, largest first (at most `limit` in all). */
export async function groupCounts(db: Db, grouping: Grouping, since: string, limit: number): Promise<GroupCount[]> {
  const rows = await db
    .selectFrom('signatures')
    .select((eb) => [
      'petition_id',
      eb.ref(grouping).as('key'),
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.min('created_at').as('first'),
      eb.fn.max('created_at').as('last'),
    ])
    .where('petition_id', 'in', (eb) => eb.selectFrom('petitions').select('id').where('status', '=', 'open'))
    .where('created_at', '>=', since)
    .where('status', 'in', ['confirmed', 'pending'])
    .where(grouping, 'is not', null)
    .groupBy(['petition_id', grouping])
    .having((eb) => eb.fn.countAll(), '>=', 2)
    .orderBy('n', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    petitionId: r.petition_id,
    key: r.key ?? '',
    count: Number(r.n),
    first: r.first,
    last: r.last,
  }));
}

/** Every open petition's signatures since `since` (petitions without any are left out). */
export async function totalsSince(db: Db, since: string): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('signatures')
    .select(['petition_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('petition_id', 'in', (eb) => eb.selectFrom('petitions').select('id').where('status', '=', 'open'))
    .where('created_at', '>=', since)
    .where('status', 'in', ['confirmed', 'pending'])
    .groupBy('petition_id')
    .execute();
  return new Map(rows.map((r) => [r.petition_id, Number(r.n)]));
}
