// Queries for signatures: the one insert of the signing path, and what the public may see.
import type { Db } from '../db/connect.js';
import { addToCount, COUNT_SHARDS } from './count-store.js';
import type { NameDisplay } from './sign-form.js';

export interface NewSignature {
  petitionId: number;
  locale: string;
  name: string;
  email: string;
  emailNormalized: string;
  postalCode: string;
  town: string | null;
  comment: string | null;
  nameDisplay: NameDisplay;
  optIn: boolean;
  source: string | null;
  ipHash: string | null;
  createdAt: string;
}

/**
 * Inserts a signature and counts it in one transaction. Returns false, changing nothing,
 * when this person (by normalized email) has already signed: the database decides, so two
 * submissions at once still leave exactly one signature.
 */
export async function insertSignature(db: Db, s: NewSignature, shard: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('signatures')
      .values({
        petition_id: s.petitionId,
        locale: s.locale,
        name: s.name,
        email: s.email,
        email_normalized: s.emailNormalized,
        postal_code: s.postalCode,
        town: s.town,
        comment: s.comment,
        name_display: s.nameDisplay,
        opt_in: s.optIn ? 1 : 0,
        source: s.source,
        status: 'confirmed',
        ip_hash: s.ipHash,
        created_at: s.createdAt,
      })
      .onConflict((oc) => oc.columns(['petition_id', 'email_normalized']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted === undefined) return false;
    await addToCount(trx, s.petitionId, 1, shard % COUNT_SHARDS);
    return true;
  });
}

export interface PublicSignatureRow {
  name: string;
  nameDisplay: string;
  town: string | null;
  createdAt: string;
}

/** The latest confirmed signers who chose to be shown, newest first. */
export async function recentPublicSignatures(db: Db, petitionId: number, limit: number): Promise<PublicSignatureRow[]> {
  const rows = await db
    .selectFrom('signatures')
    .select(['name', 'name_display', 'town', 'created_at'])
    .where('petition_id', '=', petitionId)
    .where('status', '=', 'confirmed')
    .where('name_display', '!=', 'hidden')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ name: r.name, nameDisplay: r.name_display, town: r.town, createdAt: r.created_at }));
}
