// What the links in signer emails do: confirm (idempotent, never "used up"), unsubscribe, withdraw.
// Opening a link only reads (checkConfirmLink, findSigner); the changes happen on the POST behind its button.
import type { Db } from '../platform/db/connect.js';
import type { SigningMetrics } from './signing-metrics.js';
import type { EventEmitter } from '../platform/events.js';
import type { Locale } from '../platform/i18n/translator.js';
import { isWellFormedToken, signerToken, tokenHash } from '../platform/tokens/signer-token.js';
import { pickCountShard } from './signature-counts.js';
import type { SigningEvents } from './events.js';
import { deleteSignature, findSignerByTokenHash, markConfirmed, markUnsubscribed } from './signer-link-store.js';
import type { SignerRow } from './signer.js';

export interface SignerLinkDeps {
  db: Db;
  events: EventEmitter<SigningEvents>;
  now: () => Date;
  random: () => number;
  confirmationExpiryDays: number;
  signingMetrics: Pick<SigningMetrics, 'confirmed'>;
}

export function signerLinks(baseUrl: string, locale: Locale, secret: string, salt: string) {
  const token = signerToken(secret, salt);
  const base = `${baseUrl}/${locale}/s/${token}`;
  return { confirm: `${base}/confirm`, withdraw: `${base}/withdraw`, unsubscribe: `${base}/unsubscribe` };
}

export async function findSigner(db: Db, token: string): Promise<SignerRow | undefined> {
  if (!isWellFormedToken(token)) return undefined;
  return findSignerByTokenHash(db, tokenHash(token));
}

export function confirmationExpired(signer: SignerRow, now: Date, expiryDays: number): boolean {
  const sent = signer.confirmationSentAt ?? signer.createdAt;
  return now.getTime() - new Date(sent).getTime() > expiryDays * 24 * 3600 * 1000;
}

export type ConfirmCheck =
  | { kind: 'pending'; signer: SignerRow }
  | { kind: 'already_confirmed'; signer: SignerRow }
  | { kind: 'expired'; signer: SignerRow }
  | { kind: 'invalid' };

/** What pressing the confirm button would do, without doing it: what opening the link shows. */
export async function checkConfirmLink(deps: SignerLinkDeps, token: string): Promise<ConfirmCheck> {
  const signer = await findSigner(deps.db, token);
  if (signer === undefined) return { kind: 'invalid' };
  if (signer.status === 'confirmed') return { kind: 'already_confirmed', signer };
  if (signer.status !== 'pending') return { kind: 'invalid' };
  if (confirmationExpired(signer, deps.now(), deps.confirmationExpiryDays)) return { kind: 'expired', signer };
  return { kind: 'pending', signer };
}

export type ConfirmResult = Exclude<ConfirmCheck, { kind: 'pending' }> | { kind: 'confirmed'; signer: SignerRow };

export async function confirmSignature(deps: SignerLinkDeps, token: string): Promise<ConfirmResult> {
  const check = await checkConfirmLink(deps, token);
  if (check.kind !== 'pending') return check;
  const { signer } = check;
  const changed = await markConfirmed(
    deps.db,
    deps.events,
    signer.id,
    signer.petitionId,
    deps.now().toISOString(),
    pickCountShard(deps.random),
  );
  if (changed) deps.signingMetrics.confirmed();
  // Two clicks at once: the second finds it already confirmed, which is what it tells the person.
  return changed ? { kind: 'confirmed', signer } : { kind: 'already_confirmed', signer };
}

export type SignerActionResult = { kind: 'done'; signer: SignerRow } | { kind: 'invalid' };

export async function unsubscribeSigner(deps: SignerLinkDeps, token: string): Promise<SignerActionResult> {
  const signer = await findSigner(deps.db, token);
  if (signer === undefined) return { kind: 'invalid' };
  await markUnsubscribed(deps.db, signer.id, deps.now().toISOString());
  return { kind: 'done', signer };
}

export async function withdrawSignature(deps: SignerLinkDeps, token: string): Promise<SignerActionResult> {
  const signer = await findSigner(deps.db, token);
  if (signer === undefined) return { kind: 'invalid' };
  const deleted = await deleteSignature(
    deps.db,
    deps.events,
    signer.id,
    pickCountShard(deps.random),
    deps.now().toISOString(),
  );
  return deleted ? { kind: 'done', signer } : { kind: 'invalid' };
}
