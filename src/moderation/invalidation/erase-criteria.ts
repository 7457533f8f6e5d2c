// When retention erases a petition's signers, the invalidations of that petition forget the criteria
// that could name or trace one of them (email pattern, network, address or range), in the stored
// criteria and in the audit rows that recorded them. Petition, domain, ZIP code, time window, reason,
// counts and state stay: they say what was done and why without saying about whom.
import type { Db } from '../../db/connect.js';
import { PERSONAL_CRITERIA, type InvalidationCriteria } from './invalidation-criteria.js';
import type { StoredCriteria } from './invalidation-store.js';

/** The keys of an audit row's copy of the criteria (auditCriteria) that hold personal data. */
const PERSONAL_AUDIT_KEYS = ['emailPattern', 'network', 'range'];

function hasPersonalCriteria(c: InvalidationCriteria): boolean {
  return PERSONAL_CRITERIA.some((key) => c[key] !== null);
}

/** The criteria with the personal ones set to null and named in `erased` (so pages can say "erased"). */
export function withoutPersonalCriteria<C extends InvalidationCriteria>(c: C): C {
  const erased = new Set([...(c.erased ?? []), ...PERSONAL_CRITERIA.filter((key) => c[key] !== null)]);
  return { ...c, emailPattern: null, network: null, address: null, erased: PERSONAL_CRITERIA.filter((key) => erased.has(key)) };
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined; // checked just before
  } catch {
    return undefined;
  }
}

/** The audit row's details without the personal criteria; undefined when there was none to remove. */
function auditDetailsWithout(details: Record<string, unknown>): Record<string, unknown> | undefined {
  const criteria = details['criteria'];
  if (typeof criteria !== 'object' || criteria === null) return undefined;
  const entries = Object.entries(criteria);
  const kept = entries.filter(([key]) => !PERSONAL_AUDIT_KEYS.includes(key));
  if (kept.length === entries.length) return undefined;
  return { ...details, criteria: Object.fromEntries(kept), criteriaErased: true };
}

/**
 * Erases the personal criteria of every invalidation of a petition and of their `invalidation.create`
 * audit rows (run in the retention's transaction). Returns how many invalidations were changed.
 */
export async function erasePersonalCriteria(db: Db, petitionId: number): Promise<number> {
  const rows = await db.selectFrom('invalidations').select(['id', 'criteria']).where('petition_id', '=', petitionId).execute();
  let changed = 0;
  for (const row of rows) {
    const stored = JSON.parse(row.criteria) as StoredCriteria; // written by createInvalidation only
    if (!hasPersonalCriteria(stored)) continue;
    await db.updateTable('invalidations').set({ criteria: JSON.stringify(withoutPersonalCriteria(stored)) }).where('id', '=', row.id).execute();
    changed += 1;
  }
  const audits = await db.selectFrom('audit_log').select(['id', 'details']).where('action', '=', 'invalidation.create').where('petition_id', '=', petitionId).execute();
  for (const audit of audits) {
    const details = parseObject(audit.details);
    const without = details === undefined ? undefined : auditDetailsWithout(details);
    if (without !== undefined) await db.updateTable('audit_log').set({ details: JSON.stringify(without) }).where('id', '=', audit.id).execute();
  }
  return changed;
}
