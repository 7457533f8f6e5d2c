// Kiosk links: the organizer makes one per tablet (a label, how many hours it works), opens it on the tablet, and
// turns it off when the event is over or the tablet is lost. The link carries a token that is HMAC(secret, salt):
// signed by the server, so only links it made open a kiosk; it expires; and it can be turned off at once.
import { createHmac } from 'node:crypto';
import { recordAudit } from '../platform/audit/audit-store.js';
import type { Db } from '../platform/db/connect.js';
import { isWellFormedToken, newTokenSalt, tokenHash } from '../platform/tokens/signer-token.js';

export interface KioskLink {
  id: number;
  petitionId: number;
  label: string;
  tokenSalt: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** How long a kiosk link may work: an afternoon to a long weekend. */
export const KIOSK_HOURS = [4, 12, 24, 72] as const;
export const MAX_KIOSK_LABEL = 60;
/** Signatures taken before the link expired are still taken this long after (a tablet offline at the event). */
export const KIOSK_GRACE_MS = 7 * 24 * 3600_000;

export function kioskToken(secret: string, salt: string): string {
  return createHmac('sha256', secret).update(`kiosk:${salt}`).digest('base64url');
}

export function kioskPath(secret: string, link: Pick<KioskLink, 'tokenSalt'>): string {
  return `/kiosk/${kioskToken(secret, link.tokenSalt)}`;
}

type Row = {
  id: number;
  petition_id: number;
  label: string;
  token_salt: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
};
const COLUMNS = [
  'id',
  'petition_id',
  'label',
  'token_salt',
  'created_at',
  'expires_at',
  'revoked_at',
  'last_used_at',
] as const;
const toLink = (r: Row): KioskLink => ({
  id: r.id,
  petitionId: r.petition_id,
  label: r.label,
  tokenSalt: r.token_salt,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
  lastUsedAt: r.last_used_at,
});

export async function listKioskLinks(db: Db, petitionId: number): Promise<KioskLink[]> {
  const rows = await db
    .selectFrom('kiosk_links')
    .select(COLUMNS)
    .where('petition_id', '=', petitionId)
    .orderBy('id', 'desc')
    .limit(50)
    .execute();
  return rows.map(toLink);
}

export type NewKioskResult = { kind: 'created'; link: KioskLink } | { kind: 'invalid'; field: 'label' | 'hours' };

export async function createKioskLink(
  deps: { db: Db; now: () => Date; secret: string },
  actorId: number,
  petitionId: number,
  form: { label: string; hours: string },
): Promise<NewKioskResult> {
  const label = form.label.trim();
  if (label === '' || [...label].length > MAX_KIOSK_LABEL || /[\p{Cc}]/u.test(label))
    return { kind: 'invalid', field: 'label' };
  const hours = KIOSK_HOURS.find((h) => String(h) === form.hours);
  if (hours === undefined) return { kind: 'invalid', field: 'hours' };
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const salt = newTokenSalt();
    const row = await trx
      .insertInto('kiosk_links')
      .values({
        petition_id: petitionId,
        label,
        token_salt: salt,
        // A link is found by the hash of the token it carries.
        token_hash: tokenHash(kioskToken(deps.secret, salt)),
        created_by: actorId,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + hours * 3600_000).toISOString(),
      })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId,
      action: 'kiosk.create',
      petitionId,
      details: { kiosk: row.id, label, hours },
      now,
    });
    return { kind: 'created' as const, link: toLink(row) };
  });
}

export async function revokeKioskLink(
  deps: { db: Db; now: () => Date },
  actorId: number,
  petitionId: number,
  kioskId: number,
): Promise<boolean> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('kiosk_links')
      .set({ revoked_at: now.toISOString() })
      .where('id', '=', kioskId)
      .where('petition_id', '=', petitionId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    await recordAudit(trx, { actorId, action: 'kiosk.revoke', petitionId, details: { kiosk: kioskId }, now });
    return true;
  });
}

export type KioskState =
  | { kind: 'open'; link: KioskLink; createdBy: number | null }
  | { kind: 'expired'; link: KioskLink; createdBy: number | null }
  | { kind: 'revoked' }
  | { kind: 'unknown' };

/** What a token opens: a working kiosk, one past its time (signatures taken before still count), or nothing. */
export async function kioskByToken(db: Db, token: string, now: Date): Promise<KioskState> {
  if (!isWellFormedToken(token)) return { kind: 'unknown' };
  const row = await db
    .selectFrom('kiosk_links')
    .select([...COLUMNS, 'created_by'])
    .where('token_hash', '=', tokenHash(token))
    .executeTakeFirst();
  if (row === undefined) return { kind: 'unknown' };
  if (row.revoked_at !== null) return { kind: 'revoked' };
  const link = toLink(row);
  return new Date(row.expires_at) <= now
    ? { kind: 'expired', link, createdBy: row.created_by }
    : { kind: 'open', link, createdBy: row.created_by };
}

export async function markKioskUsed(db: Db, kioskId: number, now: Date): Promise<void> {
  await db.updateTable('kiosk_links').set({ last_used_at: now.toISOString() }).where('id', '=', kioskId).execute();
}
