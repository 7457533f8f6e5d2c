// The outbox worker: claims due messages, renders each in its recipient's language, sends it, and
// records the outcome — sent, retry later (temporary failure), or failed (permanent, or out of tries).
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Db, Engine } from '../platform/db/connect.js';
import type { Petition } from '../petitions/petition.js';
import type { SignerRow } from '../signing/signer.js';
import type { Recipient } from '../targets/recipients.js';
import type { StoredResponse } from '../targets/response.js';
import type { UpdateText } from '../updates/update-text.js';
import { composeMail } from './compose.js';
import type { MailKind, MailLookup, Prepared } from './mail-kind.js';
import { mailKind } from './mail-kinds.js';
import {
  claimDueMail,
  markFailed,
  markRetry,
  markSentMany,
  releaseClaims,
  type OutboxMessage,
} from '../platform/outbox/outbox-store.js';
import { describeFailure, isPermanentFailure, type MailTransport } from '../platform/mail/transport.js';

export interface MailWorkerDeps {
  db: Db;
  engine: Engine;
  transport: MailTransport;
  logger: Logger;
  now: () => Date;
  random: () => number;
  secret: string;
  baseUrl: string;
  maxAttempts: number;
  confirmationExpiryDays: number;
  petitionById: (id: number) => Promise<Petition | undefined>;
  /** The signers a batch of mail is for, by signature id (signing's). */
  signersByIds: (ids: number[]) => Promise<Map<number, SignerRow>>;
  /** Who receives each signature of a batch (their legislators), by signature id (targets'). */
  recipientsOf?: (ids: number[]) => Promise<Map<number, Recipient[]>>;
  /** The texts of the updates a batch of mail carries, by update id and language (updates'). */
  updateTexts: (ids: readonly number[]) => Promise<Map<number, Map<string, UpdateText>>>;
  /** The legislators' responses a batch of mail carries, by id (targets'). */
  responsesByIds?: (ids: readonly number[]) => Promise<Map<number, StoredResponse>>;
}

/** The ids a batch's messages name through one of their kind's lookups, once each. */
function namedIds(messages: readonly OutboxMessage[], pick: (kind: MailKind, m: OutboxMessage) => number | undefined) {
  return [
    ...new Set(
      messages.flatMap((m) => {
        const kind = mailKind(m.kind);
        const id = kind === undefined ? undefined : pick(kind, m);
        return id === undefined ? [] : [id];
      }),
    ),
  ];
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
/** Writing "sent" is tried this many times, RECORD_RETRY_MS apart and doubling (about 6 s in all). */
const RECORD_ATTEMPTS = 5;
const RECORD_RETRY_MS = 400;
/** Sent messages are written as sent at least this often while a batch goes out (and at its end). */
const RECORD_EVERY_MS = 100;
const MAX_RETRY_MS = 3600_000;

/** Exponential backoff with jitter: about 5 s, 10 s, 20 s ... capped at an hour. */
export function retryDelayMs(attempts: number, random: () => number): number {
  const ceiling = Math.min(MAX_RETRY_MS, BASE_RETRY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export function createMailWorker(deps: MailWorkerDeps, options: MailWorkerOptions = {}) {
  const batchSize = options.batchSize ?? 100;
  const concurrency = options.concurrency ?? 20;
  const leaseMs = options.leaseMs ?? 120_000;
  const workerId = options.workerId ?? `w-${process.pid}-${randomBytes(3).toString('hex')}`;
  const log = deps.logger.child({ worker: workerId });

  /** The kind's letter for this message, or why it is no longer sent. */
  function prepare(lookup: Omit<MailLookup, 'baseUrl' | 'secret' | 'now' | 'confirmationExpiryDays'>): Prepared {
    const kind = mailKind(lookup.message.kind);
    if (kind === undefined) return { cancel: `unknown kind of mail: ${lookup.message.kind}` };
    return kind.prepare({
      ...lookup,
      baseUrl: deps.baseUrl,
      secret: deps.secret,
      now: deps.now(),
      confirmationExpiryDays: deps.confirmationExpiryDays,
    });
  }

  /**
   * Messages the SMTP server accepted, not yet written as sent: written as soon as possible (see recordSent),
   * and, if the database is away, kept and written first thing next round, never sent again by this worker.
   */
  const sentUnrecorded = new Set<number>();
  let writing: Promise<void> | undefined;
  let stopping = false;

  /**
   * Writes every message sent so far and not yet written, one statement at a time: each write takes what was
   * sent while the one before waited or ran, so a batch costs a few statements rather than one per message,
   * and a write that fails sends nothing again (the ids stay in sentUnrecorded). Tried RECORD_ATTEMPTS times.
   */
  async function writeAllSent(): Promise<void> {
    for (let attempt = 0; sentUnrecorded.size > 0 && attempt < RECORD_ATTEMPTS;) {
      const ids = [...sentUnrecorded];
      try {
        await markSentMany(deps.db, ids, deps.now().toISOString());
        for (const id of ids) sentUnrecorded.delete(id);
        attempt = 0;
      } catch (err) {
        attempt += 1;
        if (attempt === RECORD_ATTEMPTS) {
          log.warn(
            { mails: ids.length, err: { message: err instanceof Error ? err.message : String(err) } },
            'mail sent but not yet recorded: kept to record later',
          );
        } else {
          await new Promise((resolve) => setTimeout(resolve, RECORD_RETRY_MS * 2 ** (attempt - 1)));
        }
      }
    }
  }

  function writeSent(): Promise<void> {
    clearTimeout(writeSoon);
    writeSoon = undefined;
    // .finally runs on a later tick, so `writing` is set before it is cleared, even when nothing was to write.
    writing ??= writeAllSent().finally(() => (writing = undefined));
    return writing;
  }

  let writeSoon: NodeJS.Timeout | undefined;

  /**
   * A message went out: it is written as sent within RECORD_EVERY_MS, with the others sent meanwhile (the lane
   * does not wait). A commit per message cost PostgreSQL signing a tenth of its rate under a spike; a crash
   * sends again at most what went out in the last RECORD_EVERY_MS, once, when its lease runs out.
   */
  function recordSent(id: number): void {
    sentUnrecorded.add(id);
    writeSoon ??= setTimeout(() => {
      writeSoon = undefined;
      void writeSent();
    }, RECORD_EVERY_MS);
  }

  let lastTurn: Promise<void> = Promise.resolve();
  /**
   * Waits until the message before has been composed, then for a turn of the event loop of its own; resolves with
   * the function that lets the next one go. Composing a message (and building its MIME) takes a millisecond or
   * two: twenty lanes doing it in the same turn held every signer of the web process for tens of milliseconds.
   */
  function ownTurn(): Promise<() => void> {
    const previous = lastTurn;
    let release: () => void = () => undefined;
    lastTurn = new Promise<void>((resolve) => (release = resolve));
    return previous.then(() => new Promise<() => void>((resolve) => setImmediate(() => resolve(release))));
  }

  async function deliver(message: OutboxMessage, prepared: Prepared, result: DrainResult): Promise<void> {
    const attempts = message.attempts + 1;
    if ('cancel' in prepared) {
      await markFailed(deps.db, message.id, workerId, message.attempts, prepared.cancel, 'cancelled');
      result.cancelled += 1;
      return;
    }
    try {
      // Composed and handed to the transport in a turn of the event loop of its own; the sends then go on together.
      const release = await ownTurn();
      let sending: Promise<void>;
      try {
        const mail = await composeMail(prepared);
        sending = deps.transport.send({ to: prepared.to, ...mail });
      } finally {
        release();
      }
      await sending;
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
    // Recorded as sent right away, not at the end of the batch: a failure to record never sends the others
    // again. A crash between the send and the write sends this message once more, after its lease runs out.
    recordSent(message.id);
    result.sent += 1;
  }

  /** Sends one batch of due mail; resolves with what happened to it. */
  async function drainOnce(): Promise<DrainResult> {
    const result: DrainResult = { claimed: 0, sent: 0, retried: 0, failed: 0, cancelled: 0 };
    if (stopping) return result;
    await writeSent();
    const now = deps.now();
    const claimed = await claimDueMail(
      deps.db,
      deps.engine,
      workerId,
      now.toISOString(),
      new Date(now.getTime() + leaseMs).toISOString(),
      batchSize,
    );
    result.claimed = claimed.length;
    // Sent by this worker in an earlier round and still not written (its lease ran out meanwhile): not again.
    const messages = claimed.filter((m) => !sentUnrecorded.has(m.id));
    if (messages.length === 0) return result;
    const signatureIds = [...new Set(messages.flatMap((m) => (m.signatureId === null ? [] : [m.signatureId])))];
    const petitionIds = [...new Set(messages.flatMap((m) => (m.petitionId === null ? [] : [m.petitionId])))];
    const updateIds = namedIds(messages, (kind, m) => kind.updateId?.(m));
    const responseIds = namedIds(messages, (kind, m) => kind.responseId?.(m));
    let next = 0;
    try {
      const [signers, petitions, updates, recipients, responses] = await Promise.all([
        deps.signersByIds(signatureIds),
        Promise.all(petitionIds.map(async (id) => [id, await deps.petitionById(id)] as const)).then(
          (pairs) => new Map(pairs),
        ),
        deps.updateTexts(updateIds),
        deps.recipientsOf?.(signatureIds) ?? new Map<number, Recipient[]>(),
        deps.responsesByIds?.(responseIds) ?? new Map<number, StoredResponse>(),
      ]);
      let failed = false;
      const lane = async () => {
        // A stop (or another lane's failure) lets each lane finish the message it is sending, and take no more.
        while (next < messages.length && !stopping && !failed) {
          const message = messages[next];
          next += 1;
          if (message === undefined) break;
          const signer = message.signatureId === null ? undefined : signers.get(message.signatureId);
          const petitionId = message.petitionId ?? signer?.petitionId;
          const petition = petitionId === undefined ? undefined : petitions.get(petitionId);
          const signerRecipients = message.signatureId === null ? [] : (recipients.get(message.signatureId) ?? []);
          await deliver(
            message,
            prepare({ message, petition, signer, updates, responses, recipients: signerRecipients }),
            result,
          ).catch((err: unknown) => {
            failed = true;
            throw err;
          });
        }
      };
      // Every lane has stopped before the untouched claims are released below, so none is sent after.
      const lanes = await Promise.allSettled(Array.from({ length: Math.min(concurrency, messages.length) }, lane));
      const failure = lanes.find((l) => l.status === 'rejected');
      if (failure !== undefined) throw failure.reason;
      await writeSent();
    } finally {
      // What this round claimed and did not get to (a stop, or the database failing) goes back to the
      // queue now, not after the lease: another worker, or this one after a restart, sends it.
      const untouched = messages.slice(next).map((m) => m.id);
      if (untouched.length > 0) await releaseClaims(deps.db, untouched, workerId).catch(() => undefined);
    }
    return result;
  }

  /** Drains until nothing is due. */
  async function drainAll(): Promise<DrainResult> {
    const total: DrainResult = { claimed: 0, sent: 0, retried: 0, failed: 0, cancelled: 0 };
    for (;;) {
      const r = await drainOnce();
      for (const key of Object.keys(total) as (keyof DrainResult)[]) total[key] += r[key]; // keys of DrainResult
      if (r.claimed < batchSize || stopping) return total;
    }
  }

  return {
    workerId,
    drainOnce,
    drainAll,
    /** Sends nothing more: lanes finish the message in hand, unsent claims are released. */
    stop() {
      stopping = true;
    },
    /** Writes what was sent but not yet recorded (at shutdown); true when nothing is left unrecorded. */
    async flush(): Promise<boolean> {
      // What is still not written after the tries (the database is away) comes back once when its lease runs out.
      await writeSent();
      return sentUnrecorded.size === 0;
    },
  };
}

export type MailWorker = ReturnType<typeof createMailWorker>;
