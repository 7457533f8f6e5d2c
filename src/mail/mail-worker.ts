// The outbox worker: claims due messages, renders each in its recipient's language, sends it, and
// records the outcome — sent, retry later (temporary failure), or failed (permanent, or out of tries).
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Db, Engine } from '../db/connect.js';
import { isLocale, translator, type Locale } from '../i18n/translator.js';
import { nextGoal } from '../petitions/milestones.js';
import { textFor, type Petition } from '../petitions/petition.js';
import { petitionUrl } from '../petitions/render-petition-page.js';
import { signInLinkUrl } from '../accounts/sign-in-links.js';
import { signerLinks } from '../signing/signer-links.js';
import { findSignersByIds, type SignerRow } from '../signing/signer-link-store.js';
import { findUpdateTexts, updateTextFor, type UpdateText } from '../updates/update-store.js';
import { isModerationOutcome } from '../moderation/outcome-mail.js';
import { composeMail, type MailContext } from './compose.js';
import { claimDueMail, markFailed, markRetry, markSent, markSentMany, type OutboxMessage } from './outbox-store.js';
import { describeFailure, isPermanentFailure, type MailTransport } from './transport.js';

export interface MailWorkerDeps {
  db: Db;
  engine: Engine;
  transport: MailTransport;
  logger: Logger;
  now: () => Date;
  random: () => number;
  secret: string;
  baseUrl: string;
  siteName: string;
  maxAttempts: number;
  confirmationExpiryDays: number;
  petitionById: (id: number) => Promise<Petition | undefined>;
}

export interface MailWorkerOptions {
  batchSize?: number;
  /** Messages sent at once (the SMTP pool has its own connection limit). */
  concurrency?: number;
  leaseMs?: number;
  workerId?: string;
}

export interface DrainResult {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  cancelled: number;
}

const BASE_RETRY_MS = 5_000;
const MAX_RETRY_MS = 3600_000;

/** Exponential backoff with jitter: about 5 s, 10 s, 20 s ... capped at an hour. */
export function retryDelayMs(attempts: number, random: () => number): number {
  const ceiling = Math.min(MAX_RETRY_MS, BASE_RETRY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

type Resolved = { to: string; context: MailContext } | { cancel: string };

export function createMailWorker(deps: MailWorkerDeps, options: MailWorkerOptions = {}) {
  const batchSize = options.batchSize ?? 100;
  const concurrency = options.concurrency ?? 20;
  const leaseMs = options.leaseMs ?? 120_000;
  const workerId = options.workerId ?? `w-${process.pid}-${randomBytes(3).toString('hex')}`;
  const log = deps.logger.child({ worker: workerId });

  /** An organizer's sign-in link: no petition; the token is made again from the salt (the outbox never holds it). */
  function resolveSignIn(message: OutboxMessage): Resolved {
    const { salt, minutes, expiresAt } = message.payload;
    if (message.recipient === null || typeof salt !== 'string' || typeof minutes !== 'number') return { cancel: 'malformed sign-in mail' };
    if (typeof expiresAt === 'string' && new Date(expiresAt) <= deps.now()) return { cancel: 'sign-in link expired before sending' };
    const locale: Locale = isLocale(message.locale) ? message.locale : 'en';
    const t = translator(locale);
    const signIn = { url: signInLinkUrl(deps.baseUrl, deps.secret, salt), minutes };
    return { to: message.recipient, context: { kind: message.kind, t, siteName: t.t('site.name'), petitionTitle: '', petitionUrl: deps.baseUrl, expiryDays: 0, signIn } };
  }

  function resolve(message: OutboxMessage, petition: Petition | undefined, signer: SignerRow | undefined, updates: Map<number, Map<string, UpdateText>>): Resolved {
    if (message.kind === 'sign_in') return resolveSignIn(message);
    if (petition === undefined) return { cancel: 'petition is gone' };
    const locale: Locale = isLocale(message.locale) ? message.locale : petition.defaultLocale;
    const base = {
      kind: message.kind,
      t: translator(locale),
      siteName: translator(locale).t('site.name'),
      petitionTitle: textFor(petition, locale).title,
      petitionUrl: petitionUrl(deps.baseUrl, locale, petition.slug),
      expiryDays: deps.confirmationExpiryDays,
      milestone: typeof message.payload['milestone'] === 'number' ? message.payload['milestone'] : undefined,
    };
    if (message.kind === 'milestone_organizer') {
      if (message.recipient === null) return { cancel: 'no organizer address' };
      return { to: message.recipient, context: { ...base, recipientName: petition.organizer.name ?? undefined, goal: nextGoal(base.milestone ?? 0) } };
    }
    if (message.kind === 'moderation_outcome') {
      const { outcome, reason, note } = message.payload;
      if (message.recipient === null || !isModerationOutcome(outcome)) return { cancel: 'malformed moderation mail' };
      const moderation = { outcome, reason: String(reason ?? ''), note: String(note ?? ''), manageUrl: `${deps.baseUrl}/organize/${petition.id}/edit` };
      return { to: message.recipient, context: { ...base, recipientName: petition.organizer.name ?? undefined, moderation } };
    }
    if (signer === undefined || signer.tokenSalt === null) return { cancel: 'signature is gone' };
    if (message.kind === 'confirm' && signer.status !== 'pending') return { cancel: 'already confirmed' };
    if ((message.kind === 'milestone_signer' || message.kind === 'petition_update') && (!signer.optIn || signer.unsubscribed || signer.status !== 'confirmed')) return { cancel: 'signer opted out' };
    const updateId = message.payload['update'];
    const update = message.kind === 'petition_update' && typeof updateId === 'number' ? updateTextFor(updates.get(updateId) ?? new Map(), locale, petition.defaultLocale) : undefined;
    if (message.kind === 'petition_update' && update === undefined) return { cancel: 'update is gone' };
    const links = signerLinks(deps.baseUrl, locale, deps.secret, signer.tokenSalt);
    return {
      to: signer.email,
      context: { ...base, recipientName: signer.name, links, goal: message.kind === 'milestone_signer' ? nextGoal(base.milestone ?? 0) : undefined, update },
    };
  }

  async function deliver(message: OutboxMessage, resolved: Resolved, result: DrainResult): Promise<void> {
    const attempts = message.attempts + 1;
    if ('cancel' in resolved) {
      await markFailed(deps.db, message.id, workerId, message.attempts, resolved.cancel, 'cancelled');
      result.cancelled += 1;
      return;
    }
    try {
      const mail = await composeMail(resolved.context);
      await deps.transport.send({ to: resolved.to, ...mail });
    } catch (err) {
      const reason = describeFailure(err);
      if (isPermanentFailure(err) || attempts >= deps.maxAttempts) {
        await markFailed(deps.db, message.id, workerId, attempts, reason);
        log.warn({ mailId: message.id, kind: message.kind, attempts, reason }, 'mail failed for good');
        result.failed += 1;
      } else {
        const next = new Date(deps.now().getTime() + retryDelayMs(attempts, deps.random)).toISOString();
        await markRetry(deps.db, message.id, workerId, attempts, next, reason);
        log.info({ mailId: message.id, kind: message.kind, attempts, next, reason }, 'mail will be retried');
        result.retried += 1;
      }
      return;
    }
    // A crash right here re-sends this one message once, after its lease runs out; nothing is lost.
    sentIds.push(message.id);
    result.sent += 1;
  }

  let sentIds: number[] = [];

  /** Sends one batch of due mail; resolves with what happened to it. */
  async function drainOnce(): Promise<DrainResult> {
    const now = deps.now();
    const messages = await claimDueMail(deps.db, deps.engine, workerId, now.toISOString(), new Date(now.getTime() + leaseMs).toISOString(), batchSize);
    const result: DrainResult = { claimed: messages.length, sent: 0, retried: 0, failed: 0, cancelled: 0 };
    if (messages.length === 0) return result;
    const signatureIds = [...new Set(messages.flatMap((m) => (m.signatureId === null ? [] : [m.signatureId])))];
    const petitionIds = [...new Set(messages.flatMap((m) => (m.petitionId === null ? [] : [m.petitionId])))];
    const updateIds = [...new Set(messages.flatMap((m) => (m.kind === 'petition_update' && typeof m.payload['update'] === 'number' ? [m.payload['update']] : [])))];
    const [signers, petitions, updates] = await Promise.all([
      findSignersByIds(deps.db, signatureIds),
      Promise.all(petitionIds.map(async (id) => [id, await deps.petitionById(id)] as const)).then((pairs) => new Map(pairs)),
      findUpdateTexts(deps.db, updateIds),
    ]);
    let next = 0;
    sentIds = [];
    const lane = async () => {
      while (next < messages.length) {
        const message = messages[next];
        next += 1;
        if (message === undefined) break;
        const signer = message.signatureId === null ? undefined : signers.get(message.signatureId);
        const petitionId = message.petitionId ?? signer?.petitionId;
        const petition = petitionId === undefined ? undefined : petitions.get(petitionId);
        await deliver(message, resolve(message, petition, signer, updates), result);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, messages.length) }, lane));
    // One commit for the whole batch; a crash before it re-sends this batch once (at least once).
    await markSentMany(deps.db, sentIds, workerId, deps.now().toISOString());
    return result;
  }

  /** Drains until nothing is due. */
  async function drainAll(): Promise<DrainResult> {
    const total: DrainResult = { claimed: 0, sent: 0, retried: 0, failed: 0, cancelled: 0 };
    for (;;) {
      const r = await drainOnce();
      for (const key of Object.keys(total) as (keyof DrainResult)[]) total[key] += r[key]; // keys of DrainResult
      if (r.claimed < batchSize) return total;
    }
  }

  return { workerId, drainOnce, drainAll };
}

export type MailWorker = ReturnType<typeof createMailWorker>;
