// Bulk invalidations forget the criteria that could name or trace a signer (email pattern, network,
// address or range), in the stored criteria and in the audit row that recorded them: all of them when
// retention erases the petition's signers, the email pattern that selects an address an admin erases
// on request. Petition, domain, ZIP code, time window, reason, counts and state stay: they say what was
// done and why without saying about whom.
import type { Db } from '../../platform/db/connect.js';
import { PERSONAL_CRITERIA, type ErasedCriterion, type InvalidationCriteria } from './invalidation-criteria.js';
import type { StoredCriteria } from './invalidation-store.js';

/** Where each criterion sits in an audit row's copy of the criteria (auditCriteria). */
const AUDIT_KEYS: Record<ErasedCriterion, string> = {
  emailPattern: 'emailPattern',
  network: 'network',
  address: 'range',
};

/** The criteria with `keys` set to null and named in `erased` (so pages can say "erased"). */
export function withoutCriteria<C extends InvalidationCriteria>(
  c: C,
  keys: readonly ErasedCriterion[] = PERSONAL_CRITERIA,
): C {
  const erased = new Set([...(c.erased ?? []), ...keys.filter((key) => c[key] !== null)]);
  const cleared = Object.fromEntries(keys.map((key) => [key, null]));
  return { ...c, ...cleared, erased: PERSONAL_CRITERIA.filter((key) => erased.has(key)) };
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined; // checked just before
  } catch {
    return undefined;
  }
}

/** The audit row's details without those criteria; undefined when there was none to remove. */
function auditDetailsWithout(
  details: Record<string, unknown>,
  keys: readonly ErasedCriterion[],
): Record<string, unknown> | undefined {
  const criteria = details['criteria'];
  if (typeof criteria !== 'object' || criteria === null) return undefined;
  const gone = keys.map((key) => AUDIT_KEYS[key]);
  const entries = Object.entries(criteria);
  const kept = entries.filter(([key]) => !gone.includes(key));
  if (kept.length === entries.length) return undefined;
  return { ...details, criteria: Object.fromEntries(kept), criteriaErased: true };
}

/** Erases, for each invalidation of the petitions, the criteria `pick` names. Returns how many invalidations changed. */
async function eraseCriteria(
  db: Db,
  petitionIds: readonly number[],
  pick: (c: StoredCriteria) => ErasedCriterion[],
): Promise<number> {
  if (petitionIds.length === 0) return 0;
  const rows = await db
    .selectFrom('invalidations')
    .select(['id', 'criteria'])
    .where('petition_id', 'in', [...petitionIds])
    .execute();
  const changed = new Map<number, ErasedCriterion[]>();
  for (const row of rows) {
    const stored = JSON.parse(row.criteria) as StoredCriteria; // written by createInvalidation only
    const keys = pick(stored).filter((key) => stored[key] !== null);
    if (keys.length === 0) continue;
    await db
      .updateTable('invalidations')
      .set({ criteria: JSON.stringify(withoutCriteria(stored, keys)) })
      .where('id', '=', row.id)
      .execute();
    changed.set(row.id, keys);
  }
  if (changed.size === 0) return 0;
  const audits = await db
    .selectFrom('audit_log')
    .select(['id', 'details'])
    .where('action', '=', 'invalidation.create')
    .where('petition_id', 'in', [...petitionIds])
    .execute();
  for (const audit of audits) {
    const details = parseObject(audit.details);
    const keys = typeof details?.['invalidation'] === 'number' ? changed.get(details['invalidation']) : undefined;
    const without = details === undefined || keys === undefined ? undefined : auditDetailsWithout(details, keys);
    if (without !== undefined)
      await db
        .updateTable('audit_log')
        .set({ details: JSON.stringify(without) })
        .where('id', '=', audit.id)
        .execute();
  }
  return changed.size;
}

/** Retention: every personal criterion of the petition's invalidations (run in the retention's transaction). */
export function erasePersonalCriteria(db: Db, petitionId: number): Promise<number> {
  return eraseCriteria(db, [petitionId], () => [...PERSONAL_CRITERIA]);
}

/**
 * Whether an email pattern selects this normalized address and says more about it than its domain: "*@gmail.com"
 * names nobody, "rosa.martinez@example.org" or "rosa.m*" may.
 */
export function patternNamesAddress(pattern: string, emailNormalized: string): boolean {
  const at = pattern.lastIndexOf('@');
  if (at >= 0 && /^\*+$/.test(pattern.slice(0, at))) return false;
  // As whereMatches reads it: * is any run of characters, everything else itself (both sides are lower case).
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 's').test(emailNormalized);
}

/** A deletion request: the email patterns, of invalidations of these petitions, that select the erased address. */
export function erasePatternsOfAddress(
  db: Db,
  petitionIds: readonly number[],
  emailNormalized: string,
): Promise<number> {
  return eraseCriteria(db, petitionIds, (c) =>
    c.emailPattern !== null && patternNamesAddress(c.emailPattern, emailNormalized) ? ['emailPattern'] : [],
  );
}
