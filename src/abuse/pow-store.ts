// Where proof of work is on: per petition (set by an admin, or switched on by itself for an hour after a burst).
import type { Db } from '../platform/db/connect.js';

export type PowMode = 'off' | 'on';

export interface PowState {
  mode: PowMode;
  /** Switched on by itself until then (ISO time), or null. */
  autoUntil: string | null;
}

export interface PowPetition extends PowState {
  id: number;
  slug: string;
}

export async function readPowState(db: Db, petitionId: number): Promise<PowState> {
  const row = await db
    .selectFrom('petitions')
    .select(['pow_mode', 'pow_auto_until'])
    .where('id', '=', petitionId)
    .executeTakeFirst();
  return { mode: row?.pow_mode === 'on' ? 'on' : 'off', autoUntil: row?.pow_auto_until ?? null };
}

/** An admin's switch: 'off' also ends an automatic period. */
export async function setPowMode(db: Db, petitionId: number, mode: PowMode): Promise<void> {
  await db
    .updateTable('petitions')
    .set(mode === 'on' ? { pow_mode: 'on' } : { pow_mode: 'off', pow_auto_until: null })
    .where('id', '=', petitionId)
    .execute();
}

/** Switches proof of work on until `until` unless an automatic period is already running; true when this call did. */
export async function switchOnUntil(db: Db, petitionId: number, until: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('petitions')
    .set({ pow_auto_until: until })
    .where('id', '=', petitionId)
    .where((eb) => eb.or([eb('pow_auto_until', 'is', null), eb('pow_auto_until', '<=', now)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Petitions with proof of work on, or switched on by itself and not yet lapsed. */
export async function listPowPetitions(db: Db, now: string): Promise<PowPetition[]> {
  const rows = await db
    .selectFrom('petitions')
    .select(['id', 'slug', 'pow_mode', 'pow_auto_until'])
    .where((eb) => eb.or([eb('pow_mode', '=', 'on'), eb('pow_auto_until', '>', now)]))
    .orderBy('slug')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    mode: r.pow_mode === 'on' ? 'on' : 'off',
    autoUntil: r.pow_auto_until,
  }));
}

export async function findPetitionIdBySlug(db: Db, slug: string): Promise<number | undefined> {
  const row = await db.selectFrom('petitions').select('id').where('slug', '=', slug).executeTakeFirst();
  return row?.id;
}
