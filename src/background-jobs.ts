// The scheduled work: drain the mail outbox, notice milestones, email updates, run bulk invalidations, and
// the hourly purges (unconfirmed signatures past expiry, stale sign-ins, old sent mail, retention).
// Runs inside the web process by default, or alone as `firma worker` (several at once on PostgreSQL).
import type { Deps } from './deps.js';
import { createBusyGate } from './platform/mail/busy-gate.js';
import { createMailWorker, type MailWorker, type MailWorkerDeps } from './mail/mail-worker.js';
import type { MailTransport } from './platform/mail/transport.js';
import { notifyMilestones } from './petitions/notify-milestones.js';
import { purgeStaleSignIns } from './accounts/purge-accounts.js';
import { purgeDeliveredMailBefore, purgeUnconfirmedBefore } from './signing/signer-link-store.js';
import { fanOutUpdates } from './updates/fan-out-updates.js';
import { processInvalidations } from './moderation/invalidation/invalidation-job.js';
import { PURGE_COUNTERS_EVERY_MS, purgeAbuseCounters } from './moderation/abuse/purge-counters.js';
import { eraseDuePersonalData, retentionDeps } from './privacy/erase-due.js';

/** Sent mail is kept this long (to answer "did my email go out?"), then deleted. */
export const MAIL_HISTORY_DAYS = 30;

export interface BackgroundJobOptions {
  mailPollMs?: number;
  /**
   * 'batch' (inside the web process): one batch per round, so a signing spike queues its mail and
   * the outbox drains after it instead of taking the CPU the signers need. 'all' (`firma worker`,
   * a process of its own): drain until nothing is due.
   */
  mailDrain?: 'batch' | 'all';
  milestonePollMs?: number;
  /** How often updates to signers are looked for and their emails queued. */
  updatesPollMs?: number;
  purgeEveryMs?: number;
  /** How often bulk invalidations (and their reversals) are looked for and worked through. */
  invalidationPollMs?: number;
}

export interface BackgroundJobs {
  mailWorker: MailWorker;
  /**
   * Stops at a safe point: each job ends its round or its current batch, the mail worker finishes the
   * messages in hand, gives back what it claimed and did not send, and records what it sent.
   */
  stop(): Promise<void>;
}

/** Thrown by a job's pause between batches once a stop was asked for: the job ends at that safe point. */
class JobStopped extends Error {
  override name = 'JobStopped';
}

/** While the database cannot serve, jobs wait this long between rounds (its health logs the outage). */
const OUTAGE_POLL_MS = 2000;

/**
 * Runs `job` every `everyMs`, never twice at once. A failure is logged and the next round tries again; while
 * the database is known to be down, rounds are skipped (no query, no log line) until its probe sees it back.
 */
function every(everyMs: number, name: string, deps: Deps, job: () => Promise<unknown>) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const round = () => {
    if (deps.database.outage() !== undefined) {
      // The database's health probes it and logs the outage; this round waits for it.
      if (!stopped) timer = setTimeout(round, OUTAGE_POLL_MS);
      return;
    }
    let delay = everyMs;
    running = job()
      .then(() => undefined)
      .catch((err: unknown) => {
        if (err instanceof JobStopped) return;
        if (deps.database.noteFailure(err) !== undefined) {
          delay = Math.max(everyMs, OUTAGE_POLL_MS);
          return;
        }
        deps.logger.error({ err, job: name }, 'background job failed');
      })
      .finally(() => {
        if (!stopped) timer = setTimeout(round, delay);
      });
  };
  timer = setTimeout(round, 0);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}

export function expiredBefore(now: Date, expiryDays: number): string {
  return new Date(now.getTime() - expiryDays * 24 * 3600 * 1000).toISOString();
}

/** What the mail worker needs, from the process's dependencies. */
export function mailWorkerDeps(deps: Deps, transport: MailTransport): MailWorkerDeps {
  return {
    db: deps.db,
    engine: deps.engine,
    transport,
    logger: deps.logger,
    now: deps.now,
    random: deps.random,
    secret: deps.secret,
    baseUrl: deps.config.baseUrl,
    siteName: 'Firma',
    maxAttempts: deps.config.mail.maxAttempts,
    confirmationExpiryDays: deps.config.confirmationExpiryDays,
    petitionById: (id) => deps.petitions.byId(id),
  };
}

export function startBackgroundJobs(
  deps: Deps,
  transport: MailTransport,
  options: BackgroundJobOptions = {},
): BackgroundJobs {
  const mailWorker = createMailWorker(mailWorkerDeps(deps, transport));
  // In the web process ('batch'), mail rounds give way to signers during a spike (see busy-gate.ts).
  const mayDrain = options.mailDrain === 'all' ? () => true : createBusyGate();
  let stopping = false;
  // Jobs that work in batches pause between them; once a stop is asked for, the pause ends the job there.
  const pause = () =>
    stopping ? Promise.reject(new JobStopped()) : new Promise<void>((resolve) => setImmediate(resolve));
  const stops = [
    every(options.mailPollMs ?? 250, 'mail', deps, () => {
      if (options.mailDrain === 'all') return mailWorker.drainAll();
      return mayDrain() ? mailWorker.drainOnce() : Promise.resolve();
    }),
    every(options.milestonePollMs ?? 2000, 'milestones', deps, () => notifyMilestones(deps.db, deps.now())),
    every(options.updatesPollMs ?? 2000, 'update emails', deps, () => fanOutUpdates(deps.db, deps.now, { pause })),
    every(options.invalidationPollMs ?? 1000, 'bulk invalidations', deps, () => processInvalidations(deps, { pause })),
    every(PURGE_COUNTERS_EVERY_MS, 'rate-limit counters', deps, () => purgeAbuseCounters(deps.db, deps.now())),
    every(options.purgeEveryMs ?? 3600_000, 'purge', deps, async () => {
      const purged = await purgeUnconfirmedBefore(
        deps.db,
        expiredBefore(deps.now(), deps.config.confirmationExpiryDays),
      );
      if (purged > 0) deps.logger.info({ purged }, 'unconfirmed signatures past expiry deleted');
      const signIns = await purgeStaleSignIns(deps.db, deps.now());
      if (signIns.sessions + signIns.tokens > 0)
        deps.logger.info(signIns, 'expired sessions and sign-in links deleted');
      const history = await purgeDeliveredMailBefore(deps.db, expiredBefore(deps.now(), MAIL_HISTORY_DAYS));
      if (history > 0) deps.logger.info({ deleted: history }, 'old sent mail records deleted');
      const erased = await eraseDuePersonalData(retentionDeps(deps), { pause });
      for (const e of erased) deps.logger.info(e, "retention: signers' personal data erased");
    }),
  ];
  return {
    mailWorker,
    async stop() {
      stopping = true;
      mailWorker.stop();
      await Promise.all(stops.map((stop) => stop()));
      // Mail the SMTP server took whose "sent" could not be written yet: one more try before the process ends.
      if (!(await mailWorker.flush()))
        deps.logger.warn('some sent mail could not be recorded as sent; it may go out once more');
    },
  };
}
