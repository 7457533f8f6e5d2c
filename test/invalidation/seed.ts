// Signatures with the fields bulk invalidation and the trending report look at, written straight to
// the database (and counted, when confirmed), plus the admin's requests.
import { addToCount } from '../../src/signing/signature-counts.js';
import { addressNetworkHash } from '../../src/signing/address-hash.js';
import { normalizeEmail } from '../../src/platform/normalize-email.js';
import { emailDomain } from '../../src/signing/signature-store.js';
import type { TestApp } from '../support/test-app.js';

export interface Signer {
  email: string;
  /** The client address it signed from (only its hashes are stored). */
  address?: string;
  zip?: string;
  status?: 'confirmed' | 'pending';
  createdAt?: string;
  optIn?: boolean;
  nameDisplay?: 'full' | 'hidden';
}

export async function addSigners(t: Pick<TestApp, 'deps'>, petitionId: number, signers: Signer[]): Promise<number[]> {
  if (signers.length === 0) return [];
  const rows = signers.map((s) => ({
    petition_id: petitionId,
    locale: 'en',
    name: `Signer ${s.email.split('@')[0] ?? ''}`,
    email: s.email,
    email_normalized: normalizeEmail(s.email),
    email_domain: emailDomain(s.email),
    postal_code: s.zip ?? '06106',
    town: 'Hartford',
    comment: null,
    name_display: s.nameDisplay ?? 'full',
    opt_in: s.optIn === true ? 1 : 0,
    source: null,
    status: s.status ?? 'confirmed',
    ip_hash: s.address === undefined ? null : t.deps.hashAddress(s.address),
    ip_prefix_hash: s.address === undefined ? null : addressNetworkHash(t.deps.hashAddress, s.address),
    created_at: s.createdAt ?? '2026-11-25T11:30:00.000Z',
    confirmed_at: (s.status ?? 'confirmed') === 'confirmed' ? (s.createdAt ?? '2026-11-25T11:30:00.000Z') : null,
  }));
  const confirmed = rows.filter((r) => r.status === 'confirmed').length;
  return t.deps.db.transaction().execute(async (trx) => {
    const ids: number[] = [];
    // In slices: SQLite takes at most 32,766 bound values per statement.
    for (let i = 0; i < rows.length; i += 500) {
      const inserted = await trx
        .insertInto('signatures')
        .values(rows.slice(i, i + 500))
        .returning('id')
        .execute();
      ids.push(...inserted.map((r) => r.id));
    }
    if (confirmed > 0) await addToCount(trx, petitionId, confirmed, 0);
    return ids;
  });
}

/** Many signers from one source: `n` addresses in one /24, emails of one domain. */
export function burst(n: number, network: string, domain: string, createdAt: string): Signer[] {
  return Array.from({ length: n }, (_, i) => ({
    email: `bot${i}@${domain}`,
    address: `${network}.${(i % 250) + 1}`,
    createdAt,
  }));
}
