// Share messages that learn: the organizer writes two or three texts per language for signers to send with the
// link; Firma offers them in turn (the thank-you page, the petition page, the share kit), each share button
// carrying the message's own source code, and counts each message's shares, so the dashboard can say which one
// brings more signatures per share (as MoveOn and ControlShift test their share texts).
import { recordAudit } from '../platform/audit/audit-store.js';
import type { Db } from '../platform/db/connect.js';
import type { MessageKey } from '../platform/i18n/message-key.js';
import type { Params } from '../platform/i18n/translator.js';
import type { Petition } from '../petitions/petition.js';
import { forgetPublicPages, type PublicCaches } from '../petitions/petition-directory.js';
import {
  countShare,
  findOfferedMessage,
  insertShareMessage,
  listShareMessages,
  markShareMessageRemoved,
  type StoredShareMessage,
} from './share-message-store.js';
import type { ShareNetwork } from './share-networks.js';

/** Two or three are what a test can tell apart; more would spread the shares too thin to learn from. */
export const MAX_MESSAGES_PER_LANGUAGE = 3;
/** A post on X with the link after it (23 characters) and a space. */
export const MAX_MESSAGE_LENGTH = 250;

export type ShareMessage = StoredShareMessage;

export interface ShareMessageDeps extends PublicCaches {
  db: Db;
  now: () => Date;
}

export type MessageErrors = Record<string, { key: MessageKey; params?: Params }>;

/** The source code a message's share button gives the link: `m12-whatsapp`. */
export function messageSource(id: number, network: ShareNetwork): string {
  return `m${id}-${network}`;
}

/** The message a source code names, if it is one of a message's (`m12-whatsapp` → 12). */
export function messageIdOfSource(source: string | null): number | undefined {
  const found = source === null ? null : /^m(\d{1,9})-[a-z]+$/.exec(source);
  return found === null ? undefined : Number(found[1]);
}

/** The messages offered to readers of `locale` (not removed), oldest first. */
export function offeredIn(messages: readonly ShareMessage[], locale: string): ShareMessage[] {
  return messages.filter((m) => m.locale === locale && m.removedAt === null);
}

/** Each process's turn per petition and language: the messages are offered one after another. */
const turns = new Map<string, number>();

/** The next message to offer to a reader of `locale`, in turn; undefined when there are none in that language. */
export function nextMessage(petitionId: number, messages: readonly ShareMessage[], locale: string) {
  const offered = offeredIn(messages, locale);
  if (offered.length === 0) return undefined;
  const key = `${petitionId}|${locale}`;
  const turn = turns.get(key) ?? 0;
  turns.set(key, (turn + 1) % 1_000_000);
  return offered[turn % offered.length];
}

export async function addShareMessage(
  deps: ShareMessageDeps,
  petition: Petition,
  form: { locale: string; body: string },
  actorId: number,
): Promise<{ kind: 'added'; id: number } | { kind: 'invalid'; errors: MessageErrors }> {
  const errors: MessageErrors = {};
  const body = form.body.replace(/\r\n/g, '\n').trim();
  if (!petition.locales.includes(form.locale)) errors['message_locale'] = { key: 'share.error.messageLanguage' };
  if (body === '') errors['message_body'] = { key: 'share.error.messageEmpty' };
  else if ([...body].length > MAX_MESSAGE_LENGTH)
    errors['message_body'] = { key: 'share.error.messageLong', params: { max: MAX_MESSAGE_LENGTH } };
  if (Object.keys(errors).length > 0) return { kind: 'invalid', errors };
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const offered = offeredIn(await listShareMessages(trx, petition.id), form.locale);
    if (offered.length >= MAX_MESSAGES_PER_LANGUAGE) return undefined;
    const id = await insertShareMessage(trx, {
      petitionId: petition.id,
      locale: form.locale,
      body,
      createdAt: deps.now().toISOString(),
      createdBy: actorId,
    });
    await recordAudit(trx, {
      actorId,
      action: 'share-message.add',
      petitionId: petition.id,
      details: { id, locale: form.locale },
      now: deps.now(),
    });
    return id;
  });
  if (outcome === undefined)
    return {
      kind: 'invalid',
      errors: { message_body: { key: 'share.error.messageFull', params: { max: MAX_MESSAGES_PER_LANGUAGE } } },
    };
  forgetPublicPages(deps);
  return { kind: 'added', id: outcome };
}

export async function removeShareMessage(
  deps: ShareMessageDeps,
  petition: Petition,
  id: number,
  actorId: number,
): Promise<boolean> {
  const removed = await deps.db.transaction().execute(async (trx) => {
    const done = await markShareMessageRemoved(trx, petition.id, id, deps.now().toISOString());
    if (done)
      await recordAudit(trx, {
        actorId,
        action: 'share-message.remove',
        petitionId: petition.id,
        details: { id },
        now: deps.now(),
      });
    return done;
  });
  if (removed) forgetPublicPages(deps);
  return removed;
}

/**
 * Counts one share of an offered message (unless `count` is false: a client past its shares counted this hour);
 * the message, or undefined when it is not one the petition offers.
 */
export async function recordShare(
  db: Db,
  petition: Petition,
  id: number,
  network: ShareNetwork,
  count = true,
): Promise<{ id: number; locale: string; body: string } | undefined> {
  const message = await findOfferedMessage(db, petition.id, id);
  if (message !== undefined && count) await countShare(db, id, network);
  return message;
}

export interface MessageFigures {
  message: ShareMessage;
  shares: number;
  /** Confirmed signatures whose source code is one of the message's. */
  signatures: number;
  /** Signatures per share; undefined before the first share. */
  perShare: number | undefined;
}

/** Each message's shares and signatures, from the confirmed signatures counted by source code. */
export function messageFigures(
  messages: readonly ShareMessage[],
  bySource: readonly { source: string | null; count: number }[],
): MessageFigures[] {
  const signatures = new Map<number, number>();
  for (const row of bySource) {
    const id = messageIdOfSource(row.source);
    if (id !== undefined) signatures.set(id, (signatures.get(id) ?? 0) + row.count);
  }
  return messages.map((message) => {
    const shares = Object.values(message.shares).reduce((a, b) => a + b, 0);
    const signed = signatures.get(message.id) ?? 0;
    return { message, shares, signatures: signed, perShare: shares === 0 ? undefined : signed / shares };
  });
}
