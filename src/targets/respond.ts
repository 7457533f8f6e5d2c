// Legislators answering a petition: the organizer emails a legislator a single-use link (its token made from a salt
// and the server secret, as sign-in links are, so the outbox and the database hold only the salt and the hash), the
// legislator writes a response through it once, or the organizer enters a response on their behalf (marked so).
// Responses appear on the petition page under the legislator's name, in the language they were written in.
import { createHmac } from 'node:crypto';
import type { Db } from '../platform/db/connect.js';
import { recordAudit } from '../platform/audit/audit-store.js';
import type { MessageKey } from '../platform/i18n/message-key.js';
import { enqueueMail } from '../platform/outbox/outbox-store.js';
import { UNSAFE_CHARACTERS } from '../platform/text-rules.js';
import { isWellFormedToken, newTokenSalt, tokenHash } from '../platform/tokens/signer-token.js';
import type { Chamber } from './directory.js';
import { findSeat, seatsOn, type Seat } from './directory-store.js';
import {
  findResponseLink,
  insertResponse,
  insertResponseLink,
  setResponseHidden,
  useResponseLink,
} from './responses-store.js';

/** Days a response link works. */
export const RESPONSE_LINK_DAYS = 30;
export const RESPONSE_MAX = 5000;

export interface RespondDeps {
  db: Db;
  secret: string;
  now: () => Date;
}

export function responseToken(secret: string, salt: string): string {
  return createHmac('sha256', secret).update(`response:${salt}`).digest('base64url');
}

export function responseLinkUrl(baseUrl: string, locale: string, slug: string, token: string): string {
  return `${baseUrl}/${locale}/p/${slug}/respond/${token}`;
}

/** A response as typed: trimmed, line breaks kept, at most RESPONSE_MAX characters, no control characters. */
export function parseResponseText(input: unknown): { ok: true; body: string } | { ok: false; error: MessageKey } {
  const body = typeof input === 'string' ? input.normalize('NFC').replace(/\r\n?/g, '\n').trim() : '';
  if (body === '') return { ok: false, error: 'responses.error.required' };
  if (body.length > RESPONSE_MAX) return { ok: false, error: 'responses.error.tooLong' };
  if (UNSAFE_CHARACTERS.test(body)) return { ok: false, error: 'responses.error.invalidCharacters' };
  return { ok: true, body };
}

/** The people a petition to each signer's legislators can hear from: who holds its chambers' seats on `day`. */
export async function respondents(
  db: Db,
  seats: readonly { bodyId: number; chamber: Chamber }[],
  day: string,
): Promise<(Seat & { bodyId: number })[]> {
  const people: (Seat & { bodyId: number })[] = [];
  for (const bodyId of new Set(seats.map((s) => s.bodyId))) {
    const chambers = seats.filter((s) => s.bodyId === bodyId).map((s) => s.chamber);
    for (const seat of await seatsOn(db, bodyId, day))
      if (chambers.includes(seat.chamber)) people.push({ ...seat, bodyId });
  }
  return people;
}

/**
 * Emails the person a link to answer the petition (in `locale`), with an audit row; 'no_email' when the directory
 * has no address for them, 'not_a_target' when they hold none of the petition's seats today. With `quorum` (sent by
 * itself when their district reached it; no actor), at most once per legislator and petition: 'already_sent' after.
 */
export async function sendResponseLink(
  deps: RespondDeps,
  request: {
    petitionId: number;
    seats: readonly { bodyId: number; chamber: Chamber }[];
    personId: number;
    actorId: number | null;
    locale: string;
    quorum?: number;
  },
): Promise<'sent' | 'no_email' | 'not_a_target' | 'already_sent'> {
  const now = deps.now();
  const day = now.toISOString().slice(0, 10);
  const person = (await respondents(deps.db, request.seats, day)).find((p) => p.id === request.personId);
  if (person === undefined) return 'not_a_target';
  if (person.email === null) return 'no_email';
  const salt = newTokenSalt();
  const expiresAt = new Date(now.getTime() + RESPONSE_LINK_DAYS * 24 * 3600_000).toISOString();
  const email = person.email;
  return deps.db.transaction().execute(async (trx) => {
    const linkId = await insertResponseLink(trx, {
      petitionId: request.petitionId,
      personId: person.id,
      tokenHash: tokenHash(responseToken(deps.secret, salt)),
      createdBy: request.actorId,
      now: now.toISOString(),
      expiresAt,
      ...(request.quorum === undefined ? {} : { quorum: request.quorum }),
    });
    if (linkId === undefined) return 'already_sent';
    await enqueueMail(trx, {
      kind: 'response_invite',
      petitionId: request.petitionId,
      signatureId: null,
      recipient: email,
      locale: request.locale,
      payload: { salt, personId: person.id, expiresAt },
      now: now.toISOString(),
    });
    await recordAudit(trx, {
      actorId: request.actorId,
      action: request.quorum === undefined ? 'response.link' : 'response.link.quorum',
      petitionId: request.petitionId,
      details: {
        personId: person.id,
        chamber: person.chamber,
        district: person.district,
        ...(request.quorum === undefined ? {} : { signers: request.quorum }),
      },
      now,
    });
    return 'sent';
  });
}

export type LinkState =
  { kind: 'open'; linkId: number; person: Seat & { bodyId: number } } | { kind: 'used' | 'expired' | 'not_found' };

/** What a response link is: open (for this petition, unused, in time), used, expired, or no link of this petition. */
export async function responseLinkState(deps: RespondDeps, petitionId: number, token: string): Promise<LinkState> {
  if (!isWellFormedToken(token)) return { kind: 'not_found' };
  const link = await findResponseLink(deps.db, tokenHash(token));
  if (link === undefined || link.petitionId !== petitionId) return { kind: 'not_found' };
  if (link.usedAt !== null) return { kind: 'used' };
  if (new Date(link.expiresAt) <= deps.now()) return { kind: 'expired' };
  const person = await findSeat(deps.db, link.personId);
  return person === undefined ? { kind: 'not_found' } : { kind: 'open', linkId: link.id, person };
}

/** The legislator's answer through their link: saved once; a second use (or two at once) finds it used. */
export async function answerWithLink(
  deps: RespondDeps,
  request: { petitionId: number; token: string; locale: string; body: string },
): Promise<LinkState['kind'] | 'saved'> {
  const state = await responseLinkState(deps, request.petitionId, request.token);
  if (state.kind !== 'open') return state.kind;
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    if (!(await useResponseLink(trx, state.linkId, now.toISOString()))) return 'used';
    await insertResponse(trx, {
      petitionId: request.petitionId,
      personId: state.person.id,
      locale: request.locale,
      body: request.body,
      enteredBy: null,
      now: now.toISOString(),
    });
    return 'saved';
  });
}

/** The organizer enters what a legislator answered (by letter, by phone, in a meeting): shown as entered on their behalf. */
export async function enterResponseOnBehalf(
  deps: RespondDeps,
  request: {
    petitionId: number;
    seats: readonly { bodyId: number; chamber: Chamber }[];
    personId: number;
    locale: string;
    body: string;
    actorId: number;
  },
): Promise<'saved' | 'not_a_target'> {
  const now = deps.now();
  const person = (await respondents(deps.db, request.seats, now.toISOString().slice(0, 10))).find(
    (p) => p.id === request.personId,
  );
  if (person === undefined) return 'not_a_target';
  await deps.db.transaction().execute(async (trx) => {
    const id = await insertResponse(trx, {
      petitionId: request.petitionId,
      personId: person.id,
      locale: request.locale,
      body: request.body,
      enteredBy: request.actorId,
      now: now.toISOString(),
    });
    await recordAudit(trx, {
      actorId: request.actorId,
      action: 'response.enter',
      petitionId: request.petitionId,
      details: { responseId: id, personId: person.id },
      now,
    });
  });
  return 'saved';
}

/** Hides a response shown on the petition page (a moderator acting on a report); false when it is not shown. */
export async function hideVisibleResponse(
  db: Db,
  petitionId: number,
  responseId: number,
  hidden: { at: string; by: number },
): Promise<boolean> {
  return setResponseHidden(db, petitionId, responseId, hidden, { onlyVisible: true });
}
