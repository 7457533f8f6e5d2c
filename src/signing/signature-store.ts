// Queries for signatures: the one insert of the signing path, and what the public may see.
import type { Db } from '../platform/db/connect.js';
import { packDistricts, writeDistrictRows, type DistrictRow } from '../targets/signature-districts.js';
import { enqueueMail, enqueueMails, type NewMail } from '../platform/outbox/outbox-store.js';
import { addToCount } from './signature-counts.js';
import type { NameDisplay } from './sign-form.js';
import type { DistrictMatch } from '../targets/match-signer.js';
import type { EventEmitter } from '../platform/events.js';
import type { SigningEvents } from './events.js';

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
  /** Keyed hash of the client's /24 or /48 network (address-hash.ts); null when unknown. */
  ipPrefixHash?: string | null;
  createdAt: string;
  /** Pending until the emailed link is opened; otherwise counted at once. */
  requiresVerification: boolean;
  tokenSalt: string;
  tokenHash: string;
  /** The signer's district in each chamber the petition targets (signature-districts.ts). */
  districts?: readonly DistrictMatch[];
}

/** At most this many confirmation (or "already signed") emails per signature, whatever anyone submits. */
export const MAX_SIGNER_EMAILS = 3;

export type InsertOutcome = { inserted: true; id: number } | { inserted: false; status: string };

/** The domain of the email as typed, lower-cased: grouping and bulk invalidation by domain. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  const domain =
    at < 0
      ? ''
      : email
          .slice(at + 1)
          .trim()
          .toLowerCase();
  return domain === '' ? null : domain;
}

/**
 * Inserts a signature, counts it (when no confirmation is needed) and queues its email, all in one
 * transaction. When this person (by normalized email) has already signed, the database says so —
 * two submissions at once still leave exactly one signature — and instead the confirmation (or an
 * "already signed" note) is queued again, at most MAX_SIGNER_EMAILS times in all.
 */
function signatureRow(s: NewSignature) {
  return {
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
    status: s.requiresVerification ? 'pending' : 'confirmed',
    confirmed_at: s.requiresVerification ? null : s.createdAt,
    ip_hash: s.ipHash,
    ip_prefix_hash: s.ipPrefixHash ?? null,
    email_domain: emailDomain(s.email),
    created_at: s.createdAt,
    token_salt: s.tokenSalt,
    token_hash: s.tokenHash,
    confirmation_emails_sent: 1,
    confirmation_sent_at: s.requiresVerification ? s.createdAt : null,
    districts: packDistricts(s.districts),
  };
}

/** This person had signed: queue the confirmation (or an "already signed" note) again, within the cap. */
async function answerDuplicate(trx: Db, s: NewSignature): Promise<InsertOutcome> {
  const existing = await trx
    .selectFrom('signatures')
    .select(['id', 'status', 'locale', 'confirmation_emails_sent'])
    .where('petition_id', '=', s.petitionId)
    .where('email_normalized', '=', s.emailNormalized)
    .executeTakeFirst();
  // Gone between the insert and this read (withdrawn at that instant): nothing to re-send.
  if (existing === undefined) return { inserted: false, status: 'withdrawn' };
  // Taken out by a bulk invalidation: answered like any repeat, but no more mail goes to it.
  if (existing.status === 'invalidated') return { inserted: false, status: existing.status };
  const bumped = await trx
    .updateTable('signatures')
    .set((eb) => ({
      confirmation_emails_sent: eb('confirmation_emails_sent', '+', 1),
      // A re-sent link is good for the full expiry time again.
      ...(existing.status === 'pending' ? { confirmation_sent_at: s.createdAt } : {}),
    }))
    .where('id', '=', existing.id)
    .where('confirmation_emails_sent', '<', MAX_SIGNER_EMAILS)
    .executeTakeFirst();
  if (Number(bumped.numUpdatedRows) > 0) {
    const kind = existing.status === 'pending' ? 'confirm' : 'already_signed';
    await enqueueMail(trx, {
      kind,
      petitionId: s.petitionId,
      signatureId: existing.id,
      recipient: null,
      locale: existing.locale,
      now: s.createdAt,
    });
  }
  return { inserted: false, status: existing.status };
}

/**
 * Inserts a signature, counts it (when no confirmation is needed) and queues its email, all in one
 * transaction. When this person (by normalized email) has already signed, the database says so —
 * two submissions at once still leave exactly one signature — and instead the confirmation (or an
 * "already signed" note) is queued again, at most MAX_SIGNER_EMAILS times in all.
 */
export async function insertSignature(
  db: Db,
  s: NewSignature,
  shard: number,
  events?: EventEmitter<SigningEvents>,
): Promise<InsertOutcome> {
  const [outcome] = await insertSignatures(db, [s], shard, events);
  return outcome as InsertOutcome; // one outcome per input
}

/**
 * insertSignature for many signatures in ONE transaction (group commit): one multi-row insert of
 * the signatures, one of their emails, one count update per petition; a repeated signer is
 * answered as by insertSignature. Returns one outcome per input, in order.
 */
export async function insertSignatures(
  db: Db,
  list: readonly NewSignature[],
  shard: number,
  events?: EventEmitter<SigningEvents>,
): Promise<InsertOutcome[]> {
  const key = (petitionId: number, email: string) => `${petitionId} ${email}`;
  const first = new Map<string, NewSignature>();
  for (const s of list)
    if (!first.has(key(s.petitionId, s.emailNormalized))) first.set(key(s.petitionId, s.emailNormalized), s);
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .insertInto('signatures')
      .values([...first.values()].map(signatureRow))
      .onConflict((oc) => oc.columns(['petition_id', 'email_normalized']).doNothing())
      .returning(['id', 'petition_id', 'email_normalized'])
      .execute();
    const insertedIds = new Map(rows.map((r) => [key(r.petition_id, r.email_normalized), r.id]));
    const counted = new Map<number, number[]>();
    const mails: NewMail[] = [];
    const districts: DistrictRow[] = [];
    const outcomes: InsertOutcome[] = [];
    for (const s of list) {
      const k = key(s.petitionId, s.emailNormalized);
      const id = insertedIds.get(k);
      if (id !== undefined && first.get(k) === s) {
        if (!s.requiresVerification) counted.set(s.petitionId, [...(counted.get(s.petitionId) ?? []), id]);
        mails.push({
          kind: s.requiresVerification ? 'confirm' : 'thanks',
          petitionId: s.petitionId,
          signatureId: id,
          recipient: null,
          locale: s.locale,
          now: s.createdAt,
        });
        for (const match of s.districts ?? [])
          districts.push({ signatureId: id, petitionId: s.petitionId, match, updatedAt: s.createdAt });
        outcomes.push({ inserted: true, id });
      } else {
        outcomes.push(await answerDuplicate(trx, s));
      }
    }
    for (const [petitionId, ids] of counted) await addToCount(trx, petitionId, ids.length, shard);
    await writeDistrictRows(trx, districts);
    await enqueueMails(trx, mails);
    const now = list[0]?.createdAt ?? new Date().toISOString();
    if (events !== undefined)
      for (const [petitionId, signatureIds] of counted)
        await events.emit('signatures.counted', { petitionId, signatureIds, now }, trx);
    return outcomes;
  });
}

export interface PublicSignatureRow {
  id: number;
  name: string;
  nameDisplay: string;
  town: string | null;
  comment: string | null;
  createdAt: string;
}

/**
 * The signatures the petition page lists: confirmed, shown by the signer's choice, not erased. One rule for every
 * place that shows what a signer wrote, so none can show more than the page (a pending, withdrawn, hidden or
 * erased signer's comment is never readable).
 */
function listedSignatures(db: Db, petitionId: number) {
  return (
    db
      .selectFrom('signatures')
      .where('petition_id', '=', petitionId)
      .where('status', '=', 'confirmed')
      .where('name_display', '!=', 'hidden')
      // Retention erased the name and comment: nothing is left to show.
      .where('erased_at', 'is', null)
  );
}

/** The latest confirmed signers who chose to be shown, newest first. */
export async function recentPublicSignatures(db: Db, petitionId: number, limit: number): Promise<PublicSignatureRow[]> {
  const rows = await listedSignatures(db, petitionId)
    .select(['id', 'name', 'name_display', 'town', 'comment', 'created_at'])
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    nameDisplay: r.name_display,
    town: r.town,
    comment: r.comment,
    createdAt: r.created_at,
  }));
}

/** A comment the public can see, and so report: its text, or undefined when the page would not list it. */
export async function findPublicComment(db: Db, petitionId: number, signatureId: number): Promise<string | undefined> {
  const row = await listedSignatures(db, petitionId)
    .select('comment')
    .where('id', '=', signatureId)
    .where('comment', 'is not', null)
    .executeTakeFirst();
  return row?.comment ?? undefined;
}
