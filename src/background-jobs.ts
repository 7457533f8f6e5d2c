// The scheduled work, as a list: the mail worker, then one file per job in the feature it belongs to
// (signatures' district rows on SQLite, milestones, closing dates that passed, update emails, bulk invalidations, rate-limit counters, the hourly purges and retention, and the
// scheduled SQLite backups).
// Runs inside the web process by default, or alone as `firma worker` (several at once on PostgreSQL).
// A new kind of scheduled work is a ScheduledJob in its feature, added to JOBS below.
import type { Deps } from './deps.js';
import { purgeSignInsJob } from './accounts/purge-sign-ins-job.js';
import { createMailWorker, type MailWorker, type MailWorkerDeps } from './mail/mail-worker.js';
import { purgeMailHistoryJob } from './mail/purge-mail-history-job.js';
import { purgeAbuseCountersJob } from './abuse/purge-counters-job.js';
import { bulkInvalidationJob } from './moderation/invalidation/invalidation-schedule.js';
import { announceMilestonesJob } from './milestones/announce-milestones-job.js';
import { announceClosingsJob } from './petitions/announce-closings-job.js';
import { backupJob } from './backup/backup-job.js';
import { HOURLY, runJobs, type ScheduledJob } from './platform/jobs.js';
import { createBusyGate } from './platform/mail/busy-gate.js';
import type { MailTransport } from './platform/mail/transport.js';
import { retentionJob } from './privacy/retention-job.js';
import { findSignersByIds } from './signing/signer-link-store.js';
import { findUpdateTexts } from './updates/update-store.js';
import { purgeUnconfirmedJob } from './signing/purge-unconfirmed-job.js';
import { flushSignatureDistrictsJob } from './targets/signature-districts.js';
import { emailUpdatesJob } from './updates/email-updates-job.js';
import { emailResponsesJob } from './targets/email-responses-job.js';
import { quorumLinksJob } from './targets/quorum-links-job.js';
import { searchIndexJob } from './petitions/search-index-job.js';
import { legislatorDigestsJob } from './targets/legislator-digests-job.js';
import { districtsOfSignatures, recipientsFor } from './targets/recipients.js';
import { findResponses } from './targets/responses-store.js';
import { findListedSignaturesByIds } from './signing/signature-listing-store.js';
import { purgeWebhookLogJob } from './webhooks/purge-webhook-log-job.js';
import { purgeInvitationsJob } from './teams/purge-invitations-job.js';
import { webhookDeliveryJob } from './webhooks/deliver-webhooks-job.js';
import type { WebhookWorkerDeps } from './webhooks/deliver-webhooks.js';
import { createWebhookSender, type WebhookSender } from './webhooks/send-webhook.js';
import { randomUUID } from 'node:crypto';

/** Every scheduled job but the mail worker's rounds, which are made below from the worker this process runs. */
export const JOBS: readonly ScheduledJob<Deps>[] = [
  flushSignatureDistrictsJob,
  announceMilestonesJob,
  announceClosingsJob,
  emailUpdatesJob,
  emailResponsesJob,
  quorumLinksJob,
  legislatorDigestsJob,
  searchIndexJob,
  bulkInvalidationJob,
  purgeAbuseCountersJob,
  purgeUnconfirmedJob,
  purgeSignInsJob,
  purgeMailHistoryJob,
  retentionJob,
  backupJob,
  purgeWebhookLogJob,
  purgeInvitationsJob,
];

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
  /** How often the hourly jobs (purges and retention) run instead. */
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
    maxAttempts: deps.config.mail.maxAttempts,
    confirmationExpiryDays: deps.config.confirmationExpiryDays,
    petitionById: (id) => deps.petitions.byId(id),
    signersByIds: (ids) => findSignersByIds(deps.db, ids),
    updateTexts: (ids) => findUpdateTexts(deps.db, ids),
    responsesByIds: (ids) => findResponses(deps.db, ids),
    recipientsOf: async (ids) => {
      const day = deps.now().toISOString().slice(0, 10);
      const districts = await districtsOfSignatures(deps.db, ids);
      const pairs = await Promise.all(
        [...districts].map(async ([id, matches]) => [id, await recipientsFor(deps.seatBook, matches, day)] as const),
      );
      return new Map(pairs);
    },
  };
}

/** What the webhook worker needs, from the process's dependencies. */
export function webhookWorkerDeps(deps: Deps, sender: WebhookSender): WebhookWorkerDeps {
  return {
    db: deps.db,
    engine: deps.engine,
    logger: deps.logger,
    now: deps.now,
    baseUrl: deps.config.baseUrl,
    sender,
    workerId: randomUUID(),
    petitionById: (id) => deps.petitions.byId(id),
    signaturesByIds: (ids) => findListedSignaturesByIds(deps.db, ids),
    updateTitles: async (ids) => {
      const texts = await findUpdateTexts(deps.db, ids);
      return new Map(
        [...texts].map(([id, byLocale]) => [id, new Map([...byLocale].map(([locale, text]) => [locale, text.title]))]),
      );
    },
  };
}

/** The process's webhook sender: keep-alive connections, to public addresses only unless the admin allows. */
export function webhookSender(deps: Deps): WebhookSender {
  return createWebhookSender({
    allowPrivate: deps.config.webhooksAllowPrivate,
    userAgent: `Firma webhooks (${deps.config.baseUrl})`,
  });
}

export function startBackgroundJobs(
  deps: Deps,
  transport: MailTransport,
  options: BackgroundJobOptions = {},
): BackgroundJobs {
  const mailWorker = createMailWorker(mailWorkerDeps(deps, transport));
  // In the web process ('batch'), mail rounds give way to signers during a spike (see busy-gate.ts).
  const mayDrain = options.mailDrain === 'all' ? () => true : createBusyGate();
  const mailJob: ScheduledJob<Deps> = {
    name: 'mail',
    everyMs: options.mailPollMs ?? 250,
    run: async () => {
      if (options.mailDrain !== 'all' && !mayDrain()) return;
      const result = await (options.mailDrain === 'all' ? mailWorker.drainAll() : mailWorker.drainOnce());
      for (const outcome of ['sent', 'retried', 'failed', 'cancelled'] as const)
        if (result[outcome] > 0) deps.metrics.mail.inc({ outcome }, result[outcome]);
    },
  };
  const intervals: Record<string, number | undefined> = {
    [announceMilestonesJob.name]: options.milestonePollMs,
    [emailUpdatesJob.name]: options.updatesPollMs,
    [emailResponsesJob.name]: options.updatesPollMs,
    [quorumLinksJob.name]: options.updatesPollMs,
    [legislatorDigestsJob.name]: options.updatesPollMs,
    [bulkInvalidationJob.name]: options.invalidationPollMs,
  };
  const sender = webhookSender(deps);
  const webhookJob = webhookDeliveryJob(webhookWorkerDeps(deps, sender), {
    inWebProcess: options.mailDrain !== 'all',
    onRound: (round) => {
      for (const outcome of ['delivered', 'retried', 'failed', 'cancelled'] as const)
        if (round[outcome] > 0) deps.metrics.webhooks.inc({ outcome }, round[outcome]);
    },
  });
  const running = runJobs(
    [mailJob, webhookJob, ...JOBS],
    deps,
    (job) => intervals[job.name] ?? (job.everyMs === HOURLY ? options.purgeEveryMs : undefined) ?? job.everyMs,
  );
  return {
    mailWorker,
    async stop() {
      mailWorker.stop();
      await running.stop();
      sender.close();
      // Mail the SMTP server took whose "sent" could not be written yet: one more try before the process ends.
      if (!(await mailWorker.flush()))
        deps.logger.warn('some sent mail could not be recorded as sent; it may go out once more');
    },
  };
}
