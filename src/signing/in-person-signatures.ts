// Signatures gathered in person — on paper sheets, or at a kiosk — stored counted at once (no confirmation email:
// the signer was seen signing), with how they were gathered, and a notice with the withdraw link queued to each
// signer who gave an email (someone else may have written their address). One path for all of them: a file of
// sheet lines (paper-signatures.ts), a sheet typed on the page, the API's record signature helper when its caller
// marks a signature as gathered in person, and the kiosk.
import type { Db } from '../platform/db/connect.js';
import type { EventEmitter } from '../platform/events.js';
import { normalizeEmail } from '../platform/normalize-email.js';
import { enqueueMails } from '../platform/outbox/outbox-store.js';
import { recordAudit, type AuditDetails } from '../platform/audit/audit-store.js';
import { newTokenSalt, signerToken, tokenHash } from '../platform/tokens/signer-token.js';
import { townForPostalCode } from '../platform/zip-towns.js';
import { isSignable, type Petition } from '../petitions/petition.js';
import type { SignerMatcher } from '../targets/match-signer.js';
import type { SigningEvents } from './events.js';
import type { SignForm } from './sign-form.js';
import { addToCount } from './signature-counts.js';
import { emailDomain } from './signature-store.js';
import { packDistricts, writeDistrictRows } from '../targets/signature-districts.js';

export const IN_PERSON_METHODS = ['paper', 'kiosk'] as const;
export type InPersonMethod = (typeof IN_PERSON_METHODS)[number];

export interface InPersonDeps {
  db: Db;
  now: () => Date;
  secret: string;
  events: EventEmitter<SigningEvents>;
  /** For a petition to each signer's legislators: each signer's districts, by ZIP code as the form does. */
  signerMatcher: SignerMatcher;
}

/** One signature gathered in person, checked already. */
export interface InPersonRow {
  name: string;
  postalCode: string;
  email: string | null;
  comment: string | null;
  locale: string;
  method: InPersonMethod;
  sheet: number | null;
  sheetLine: number | null;
  /** The source code; by default `sheets` for paper and `kiosk` for a kiosk. */
  source?: string | null | undefined;
  optIn?: boolean | undefined;
  nameDisplay?: string | undefined;
  /** The key that stands for the email of a signer who gave none: unique on the petition, never an address. */
  noEmailKey?: string | undefined;
}

/** The key of a row for the petition's one-signature-per-person rule. */
export function personKey(row: Pick<InPersonRow, 'email' | 'noEmailKey'>): string {
  if (row.email !== null) return normalizeEmail(row.email);
  if (row.noEmailKey === undefined) throw new Error('a signature without email needs a key of its own');
  return row.noEmailKey;
}

export class ChangedMeanwhile extends Error {}

/**
 * Stores the rows in one transaction: all of them or, when an address among them signed meanwhile,
 * ChangedMeanwhile (nothing stored). Returns the new ids (in order) and how many notices were queued.
 */
export async function storeInPerson(
  deps: InPersonDeps,
  petition: Petition,
  rows: readonly InPersonRow[],
  audit: { actorId: number | null; action: string; details: AuditDetails },
): Promise<{ ids: number[]; emailed: number }> {
  // A petition to each signer's legislators: each signer is matched by ZIP code (a split ZIP stays split), before
  // the transaction (SQLite's one connection is the transaction's while it runs).
  const districts = await Promise.all(
    rows.map((r) =>
      petition.seatTargets.length === 0
        ? []
        : deps.signerMatcher.match(petition.seatTargets, { postalCode: r.postalCode, country: petition.country }),
    ),
  );
  return deps.db.transaction().execute((trx) => storeMatched(trx, deps, petition, rows, districts, audit));
}

async function storeMatched(
  trx: Db,
  deps: InPersonDeps,
  petition: Petition,
  rows: readonly InPersonRow[],
  districts: readonly Awaited<ReturnType<SignerMatcher['match']>>[],
  audit: { actorId: number | null; action: string; details: AuditDetails },
): Promise<{ ids: number[]; emailed: number }> {
  const now = deps.now().toISOString();
  const values = rows.map((r, i) => {
    const salt = r.email === null ? null : newTokenSalt();
    return {
      petition_id: petition.id,
      locale: r.locale,
      name: r.name,
      email: r.email ?? '',
      email_normalized: personKey(r),
      postal_code: r.postalCode,
      town: townForPostalCode(petition.country, r.postalCode) ?? null,
      comment: r.comment,
      name_display: r.nameDisplay ?? 'hidden',
      opt_in: r.optIn === true && r.email !== null ? 1 : 0,
      // Not 'paper': that is the source of those who scanned a sheet's QR code and signed online.
      source: r.source === undefined ? (r.method === 'paper' ? 'sheets' : 'kiosk') : r.source,
      status: 'confirmed',
      ip_hash: null,
      email_domain: r.email === null ? null : emailDomain(r.email),
      created_at: now,
      confirmed_at: now,
      token_salt: salt,
      token_hash: salt === null ? null : tokenHash(signerToken(deps.secret, salt)),
      method: r.method,
      sheet: r.sheet,
      sheet_line: r.sheetLine,
      districts: packDistricts(districts[i]),
    };
  });
  const ids: number[] = [];
  for (let i = 0; i < values.length; i += 500) {
    const inserted = await trx
      .insertInto('signatures')
      .values(values.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['petition_id', 'email_normalized']).doNothing())
      .returning('id')
      .execute();
    ids.push(...inserted.map((r) => r.id));
  }
  // Someone signed with one of these addresses since the check: all or nothing.
  if (ids.length !== values.length) throw new ChangedMeanwhile();
  await addToCount(trx, petition.id, ids.length, 0);
  await writeDistrictRows(
    trx,
    ids.flatMap((signatureId, i) =>
      (districts[i] ?? []).map((match) => ({ signatureId, petitionId: petition.id, match, updatedAt: now })),
    ),
  );
  const mails = rows.flatMap((r, i) =>
    r.email === null
      ? []
      : [
          {
            kind: 'paper_notice' as const,
            petitionId: petition.id,
            signatureId: ids[i] ?? null,
            recipient: null,
            locale: r.locale,
            payload: { method: r.method },
            now,
          },
        ],
  );
  await enqueueMails(trx, mails);
  await deps.events.emit('signatures.counted', { petitionId: petition.id, signatureIds: ids, now }, trx);
  await recordAudit(trx, {
    actorId: audit.actorId,
    action: audit.action,
    petitionId: petition.id,
    details: { ...audit.details, emailed: mails.length },
    now: deps.now(),
  });
  return { ids, emailed: mails.length };
}

export type InPersonResult =
  | { kind: 'recorded'; signatureId: number; createdAt: string }
  /** This address (or this sheet line) is already on the petition. */
  | { kind: 'exists'; signatureId: number; reason: 'email' | 'line' }
  | { kind: 'closed' };

/**
 * One signature gathered in person, from the form's checked fields (the API's helper, the kiosk): stored at once, or
 * the signature already there for the address or sheet line (nothing written).
 */
export async function recordInPersonSignature(
  deps: InPersonDeps,
  petition: Petition,
  entry: {
    form: SignForm;
    hasEmail: boolean;
    locale: string;
    method: InPersonMethod;
    sheet: number | null;
    sheetLine: number | null;
    noEmailKey?: string | undefined;
  },
  audit: { actorId: number | null; action: string; details: AuditDetails },
): Promise<InPersonResult> {
  if (!isSignable(petition, deps.now())) return { kind: 'closed' };
  const row: InPersonRow = {
    name: entry.form.name,
    postalCode: entry.form.postal_code,
    email: entry.hasEmail ? entry.form.email : null,
    comment: entry.form.comment === '' ? null : entry.form.comment,
    locale: entry.locale,
    method: entry.method,
    sheet: entry.sheet,
    sheetLine: entry.sheetLine,
    source: entry.form.source ?? undefined,
    optIn: entry.form.opt_in,
    nameDisplay: entry.form.name_display,
    noEmailKey: entry.noEmailKey,
  };
  const existing = async (): Promise<InPersonResult | undefined> => {
    const byKey = await deps.db
      .selectFrom('signatures')
      .select('id')
      .where('petition_id', '=', petition.id)
      .where('email_normalized', '=', personKey(row))
      .executeTakeFirst();
    if (byKey !== undefined) return { kind: 'exists', signatureId: byKey.id, reason: 'email' };
    if (row.sheet === null || row.sheetLine === null) return undefined;
    const byLine = await deps.db
      .selectFrom('signatures')
      .select('id')
      .where('petition_id', '=', petition.id)
      .where('method', '=', 'paper')
      .where('sheet', '=', row.sheet)
      .where('sheet_line', '=', row.sheetLine)
      .executeTakeFirst();
    return byLine === undefined ? undefined : { kind: 'exists', signatureId: byLine.id, reason: 'line' };
  };
  const before = await existing();
  if (before !== undefined) return before;
  try {
    const { ids } = await storeInPerson(deps, petition, [row], audit);
    return { kind: 'recorded', signatureId: ids[0] ?? 0, createdAt: deps.now().toISOString() };
  } catch (err) {
    if (!(err instanceof ChangedMeanwhile)) throw err;
    // Signed at this very instant by another request: that one is the signature.
    return (await existing()) ?? { kind: 'closed' };
  }
}

export interface MethodCounts {
  online: number;
  paper: number;
  kiosk: number;
}

/** Confirmed signatures by how they were gathered. */
export async function countByMethod(db: Db, petitionId: number): Promise<MethodCounts> {
  const rows = await db
    .selectFrom('signatures')
    .select(['method', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('petition_id', '=', petitionId)
    .where('status', '=', 'confirmed')
    .groupBy('method')
    .execute();
  const counts = { online: 0, paper: 0, kiosk: 0 };
  for (const r of rows)
    if (r.method === 'paper') counts.paper += Number(r.n);
    else if (r.method === 'kiosk') counts.kiosk += Number(r.n);
    else counts.online += Number(r.n);
  return counts;
}
