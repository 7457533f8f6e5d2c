// Passwordless sign-in: a link by email that works once, for SIGN_IN_LINK_MINUTES. The database holds
// only the token's sha256; the outbox holds a random salt, and the token is HMAC(secret, salt), made
// again by the mail worker at send time. Neither a copy of the database nor the outbox signs anyone in.
import { createHmac } from 'node:crypto';
import type { Db } from '../platform/db/connect.js';
import type { Locale } from '../platform/i18n/translator.js';
import { enqueueMail } from '../platform/outbox/outbox-store.js';
import { isWellFormedToken, newTokenSalt, tokenHash } from '../platform/tokens/signer-token.js';
import { createSession } from './session-store.js';
import { normalizeAccountEmail, type User } from './user.js';
import {
  consumeSignInToken,
  findOrCreateUser,
  findSignInToken,
  insertSignInToken,
  recordSignIn,
  type SignInTokenRow,
} from './user-store.js';

/** Where the sign-in page sends the person back to: a local path only (never another site). */
export function safeNextPath(next: string | undefined): string {
  if (next === undefined || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\'))
    return '/organize';
  // Browsers drop tabs and newlines from URLs ("/\t/evil.example" is "//evil.example") and read "\" as "/".
  if (next.length > 1000 || /[\s\p{Cc}\\]/u.test(next)) return '/organize';
  return next;
}

export interface SignInDeps {
  db: Db;
  now: () => Date;
  secret: string;
  linkMinutes: number;
}

export function signInToken(secret: string, salt: string): string {
  return createHmac('sha256', secret).update(`sign-in:${salt}`).digest('base64url');
}

export function signInLinkUrl(baseUrl: string, secret: string, salt: string): string {
  return `${baseUrl}/signin/${signInToken(secret, salt)}`;
}

export interface SignInRequest {
  email: string;
  locale: Locale;
  nextPath: string;
}

/** Records a new link for the address and queues its email, in one transaction (the outbox). */
export async function sendSignInLink(deps: SignInDeps, request: SignInRequest): Promise<void> {
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + deps.linkMinutes * 60_000);
  const salt = newTokenSalt();
  const email = normalizeAccountEmail(request.email);
  await deps.db.transaction().execute(async (trx) => {
    await insertSignInToken(trx, {
      email,
      tokenHash: tokenHash(signInToken(deps.secret, salt)),
      locale: request.locale,
      nextPath: safeNextPath(request.nextPath),
      createdAt: now,
      expiresAt,
    });
    await enqueueMail(trx, {
      kind: 'sign_in',
      petitionId: null,
      signatureId: null,
      recipient: email,
      locale: request.locale,
      payload: { salt, minutes: deps.linkMinutes, expiresAt: expiresAt.toISOString() },
      now: now.toISOString(),
    });
  });
}

export type LinkFailure = { kind: 'used' } | { kind: 'expired' } | { kind: 'invalid' };

export type LinkState = { kind: 'usable'; token: SignInTokenRow } | LinkFailure;

/** What a link would do, without using it (the page a mail scanner may open first). */
export async function inspectSignInLink(db: Db, token: string, now: Date): Promise<LinkState> {
  if (!isWellFormedToken(token)) return { kind: 'invalid' };
  const row = await findSignInToken(db, tokenHash(token));
  if (row === undefined) return { kind: 'invalid' };
  if (row.usedAt !== null) return { kind: 'used' };
  if (new Date(row.expiresAt) <= now) return { kind: 'expired' };
  return { kind: 'usable', token: row };
}

export type SignInResult = { kind: 'signed_in'; user: User; sessionId: string; nextPath: string } | LinkFailure;

/** Uses the link up, makes the account on a first sign-in, and opens a session. */
export async function signInWithLink(deps: SignInDeps, token: string): Promise<SignInResult> {
  if (!isWellFormedToken(token)) return { kind: 'invalid' };
  const now = deps.now();
  const row = await consumeSignInToken(deps.db, tokenHash(token), now);
  if (row === undefined) {
    const state = await inspectSignInLink(deps.db, token, now);
    // Usable a moment after the update refused it: only another request using it at the same time.
    return state.kind === 'usable' ? { kind: 'used' } : state;
  }
  const { user } = await findOrCreateUser(deps.db, { email: row.email, role: 'organizer', locale: row.locale, now });
  await recordSignIn(deps.db, user.id, now);
  const sessionId = await createSession(deps.db, user.id, now);
  return { kind: 'signed_in', user, sessionId, nextPath: safeNextPath(row.nextPath ?? undefined) };
}
