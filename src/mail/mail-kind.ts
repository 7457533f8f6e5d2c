// One kind of email: the payload its outbox row carries (checked when read), who receives it, and what it
// says. Each kind is one file in src/mail/kinds/, listed in mail-kinds.ts; the worker is one loop over that
// list, and composeMail lays out whatever a kind wrote. A new email is a new file and a line in the list.
import type { Child } from 'hono/jsx';
import type { MessageKey } from '../platform/i18n/message-key.js';
import type { z } from 'zod';
import { isLocale, translator, type Locale, type Translator } from '../platform/i18n/translator.js';
import type { OutboxMessage } from '../platform/outbox/outbox-store.js';
import { petitionUrl, textFor, type Petition } from '../petitions/petition.js';
import type { SignerRow } from '../signing/signer.js';
import { signerLinks } from '../signing/signer-links.js';
import type { UpdateText } from '../updates/update-text.js';
import type { Recipient } from '../targets/recipients.js';
import type { StoredResponse } from '../targets/response.js';

/** What the worker looked up for a batch, and the site's settings: all a kind may read to write its mail. */
export interface MailLookup {
  message: OutboxMessage;
  petition: Petition | undefined;
  signer: SignerRow | undefined;
  /** Who receives the signature the mail is about: the signer's legislators (empty for most petitions). */
  recipients: Recipient[];
  /** The texts of the updates the batch's messages name, by update id, then by language. */
  updates: Map<number, Map<string, UpdateText>>;
  /** The legislators' responses the batch's messages name, by response id. */
  responses: Map<number, StoredResponse>;
  baseUrl: string;
  secret: string;
  now: Date;
  confirmationExpiryDays: number;
}

/** The words of one email; composeMail lays them out as text and HTML. */
export interface MailParts {
  subject: string;
  paragraphs: string[];
  /** The HTML of `paragraphs`, when it is richer than one <p> per string (an update's Markdown). */
  rich?: Child;
  action?: { label: string; url: string };
  after: string[];
}

export interface SignerLinks {
  confirm: string;
  withdraw: string;
  unsubscribe: string;
}

/** An email ready to lay out and send. */
export interface Letter {
  to: string;
  t: Translator;
  parts: MailParts;
  /** Greets the recipient by this name (organizers only: a signer's name is whatever the form was given). */
  greetName?: string | undefined;
  /** Mail to a signer: why they get it, the withdraw link and one-click unsubscribe (RFC 8058). */
  signer?: { links: SignerLinks; petitionTitle: string } | undefined;
  /** Mail to someone else who can stop it (a legislator's digests): why they get it and the link that stops it. */
  unsubscribe?: { url: string; why: string; label: MessageKey } | undefined;
}

export type Prepared = Letter | { cancel: string };

export interface MailKind {
  name: string;
  /** The update whose texts this message needs looked up with the batch, if any. */
  updateId?(message: OutboxMessage): number | undefined;
  /** The legislator's response this message needs looked up with the batch, if any. */
  responseId?(message: OutboxMessage): number | undefined;
  prepare(lookup: MailLookup): Prepared;
}

/**
 * A kind with a typed payload: the row's payload is parsed with `payload` first, and a row that does not
 * match (written by hand, or by a version of Firma that wrote something else) is cancelled, never sent.
 */
export function defineMailKind<P>(kind: {
  name: string;
  payload: z.ZodType<P>;
  updateId?(payload: P): number | undefined;
  responseId?(payload: P): number | undefined;
  prepare(lookup: MailLookup, payload: P): Prepared;
}): MailKind {
  const parse = (message: OutboxMessage) => kind.payload.safeParse(message.payload);
  return {
    name: kind.name,
    updateId(message) {
      const parsed = parse(message);
      return parsed.success && kind.updateId !== undefined ? kind.updateId(parsed.data) : undefined;
    },
    responseId(message) {
      const parsed = parse(message);
      return parsed.success && kind.responseId !== undefined ? kind.responseId(parsed.data) : undefined;
    },
    prepare(lookup) {
      const parsed = parse(lookup.message);
      if (!parsed.success) return { cancel: `malformed ${kind.name} mail` };
      return kind.prepare(lookup, parsed.data);
    },
  };
}

/** What every mail about a petition starts from: its language, title and page. */
export interface PetitionMail {
  petition: Petition;
  locale: Locale;
  t: Translator;
  title: string;
  url: string;
}

export function petitionMail(lookup: MailLookup): PetitionMail | { cancel: string } {
  const { petition, message } = lookup;
  if (petition === undefined) return { cancel: 'petition is gone' };
  const locale: Locale = isLocale(message.locale) ? message.locale : petition.defaultLocale;
  return {
    petition,
    locale,
    t: translator(locale),
    title: textFor(petition, locale).title,
    url: petitionUrl(lookup.baseUrl, locale, petition.slug),
  };
}

/**
 * Mail to the person who signed, at the address of their signature as it is now (withdrawn: not sent),
 * with their links. `wantsUpdates`: only while they asked for updates, are confirmed and have not
 * unsubscribed.
 */
export function signerMail(
  lookup: MailLookup,
  options: { wantsUpdates: boolean },
  write: (mail: PetitionMail & { signer: SignerRow; links: SignerLinks }) => MailParts | { cancel: string },
): Prepared {
  const base = petitionMail(lookup);
  if ('cancel' in base) return base;
  const { signer } = lookup;
  if (signer === undefined || signer.tokenSalt === null) return { cancel: 'signature is gone' };
  if (options.wantsUpdates && (!signer.optIn || signer.unsubscribed || signer.status !== 'confirmed'))
    return { cancel: 'signer opted out' };
  const links = signerLinks(lookup.baseUrl, base.locale, lookup.secret, signer.tokenSalt);
  const parts = write({ ...base, signer, links });
  if ('cancel' in parts) return parts;
  // No greeting by name: whoever fills in the sign form chooses the name and the address it is sent to, so
  // a name would let anyone put their own words ("account locked, verify at https://…") at the top of a mail
  // from this site to any address. The petition's title is what the signer recognises.
  return { to: signer.email, t: base.t, parts, signer: { links, petitionTitle: base.title } };
}

/** Mail to the petition's organizer, at the address the row was queued for, greeted by their name. */
export function organizerMail(lookup: MailLookup, write: (mail: PetitionMail) => MailParts): Prepared {
  const base = petitionMail(lookup);
  if ('cancel' in base) return base;
  if (lookup.message.recipient === null) return { cancel: 'no organizer address' };
  return {
    to: lookup.message.recipient,
    t: base.t,
    parts: write(base),
    greetName: base.petition.organizer.name ?? undefined,
  };
}
