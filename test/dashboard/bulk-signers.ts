// Many signatures at once, straight into the table (a few statements, not one per signer), for fan-out tests and benchmarks.
import type { Db } from '../../src/platform/db/connect.js';
import { newTokenSalt, signerToken, tokenHash } from '../../src/platform/tokens/signer-token.js';
import { TEST_SECRET } from '../support/factories.js';

export interface BulkSigners {
  petitionId: number;
  count: number;
  /** Distinguishes the addresses of several calls on one petition. */
  prefix: string;
  status?: 'confirmed' | 'pending';
  optIn?: boolean;
  unsubscribed?: boolean;
  locale?: (i: number) => string;
  createdAt?: string;
  /** Working signer links (a token per signer); off for speed when no mail is sent. */
  tokens?: boolean;
}

export async function insertSigners(db: Db, s: BulkSigners): Promise<void> {
  const createdAt = s.createdAt ?? '2026-11-20T12:00:00.000Z';
  const status = s.status ?? 'confirmed';
  for (let start = 0; start < s.count; start += 500) {
    const rows = [];
    for (let i = start; i < Math.min(s.count, start + 500); i += 1) {
      const salt = newTokenSalt();
      const email = `${s.prefix}-${i}@example.org`;
      rows.push({
        petition_id: s.petitionId,
        locale: s.locale?.(i) ?? 'en',
        name: `${s.prefix} ${i}`,
        email,
        email_normalized: email,
        postal_code: '06106',
        town: 'Hartford',
        comment: null,
        name_display: 'full',
        opt_in: s.optIn === false ? 0 : 1,
        source: null,
        status,
        ip_hash: null,
        created_at: createdAt,
        token_salt: salt,
        token_hash: s.tokens === false ? null : tokenHash(signerToken(TEST_SECRET, salt)),
        confirmed_at: status === 'confirmed' ? createdAt : null,
        confirmation_sent_at: status === 'pending' ? createdAt : null,
        unsubscribed_at: s.unsubscribed === true ? createdAt : null,
      });
    }
    await db.insertInto('signatures').values(rows).execute();
  }
}
