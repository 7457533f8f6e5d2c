// One round of the webhook worker: claims due deliveries, writes each one's data (from the petition, signature or
// update as they are now), signs and posts it, and records how each attempt ended. A failed attempt is tried again
// on Standard Webhooks' suggested schedule, about a day in all; an endpoint that fails for three days is disabled
// and its organizer emailed.
import type { Logger } from 'pino';
import type { Db, Engine } from '../platform/db/connect.js';
import { enqueueMail } from '../platform/outbox/outbox-store.js';
import type { Petition } from '../petitions/petition.js';
import type { ClaimedDelivery, WebhookSignature } from './webhook-event.js';
import { webhookEvent } from './webhook-events.js';
import {
  claimDueDeliveries,
  markEndpointsFailing,
  markEndpointsHealthy,
  recordAttempts,
  releaseDeliveries,
  type AttemptOutcome,
} from './webhook-store.js';
import { WEBHOOK_CONCURRENCY, WEBHOOK_TIMEOUT_MS, type WebhookRequest, type WebhookSender } from './send-webhook.js';
import { osdiSignature } from './osdi-signature.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
/** The wait before each retry (Standard Webhooks' example schedule): 8 attempts over about 27 hours. */
export const RETRY_SCHEDULE_MS = [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR];
/** An endpoint failing without a success for this long is disabled. */
export const DISABLE_AFTER_MS = 3 * 24 * HOUR;
/** Deliveries claimed per round. */
export const WEBHOOK_BATCH = 200;

export interface WebhookWorkerDeps {
  db: Db;
  engine: Engine;
  logger: Logger;
  now: () => Date;
  baseUrl: string;
  sender: WebhookSender;
  workerId: string;
  petitionById(id: number): Promise<Petition | undefined>;
  signaturesByIds(ids: readonly number[]): Promise<Map<number, WebhookSignature>>;
  updateTitles(ids: readonly number[]): Promise<Map<number, Map<string, string>>>;
}

export interface WebhookRound {
  delivered: number;
  retried: number;
  failed: number;
  cancelled: number;
  disabled: number;
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function inPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T; // next < length
      await work(item);
    }
  });
  await Promise.all(lanes);
}

export async function deliverWebhooks(deps: WebhookWorkerDeps, limit = WEBHOOK_BATCH): Promise<WebhookRound> {
  const started = deps.now();
  const leaseUntil = new Date(started.getTime() + 4 * WEBHOOK_TIMEOUT_MS).toISOString();
  const claimed = await claimDueDeliveries(
    deps.db,
    deps.engine,
    deps.workerId,
    started.toISOString(),
    leaseUntil,
    limit,
  );
  const round: WebhookRound = { delivered: 0, retried: 0, failed: 0, cancelled: 0, disabled: 0 };
  if (claimed.length === 0) return round;
  let lookups;
  try {
    lookups = await lookUp(deps, claimed);
  } catch (err) {
    await releaseDeliveries(
      deps.db,
      claimed.map((d) => d.id),
      deps.workerId,
    ).catch(() => undefined);
    throw err;
  }
  const outcomes: AttemptOutcome[] = [];
  const answered = new Set<number>();
  const failing = new Set<number>();
  await inPool(claimed, WEBHOOK_CONCURRENCY, async (delivery) => {
    const event = webhookEvent(delivery.eventType);
    const data = event?.data({
      delivery,
      petition: lookups.petitions.get(delivery.petitionId),
      signature:
        event.subject === 'signature' && delivery.subjectId !== null
          ? lookups.signatures.get(delivery.subjectId)
          : undefined,
      updateTitles:
        event.subject === 'update' && delivery.subjectId !== null ? lookups.updates.get(delivery.subjectId) : undefined,
      baseUrl: deps.baseUrl,
    }) ?? { cancel: `unknown event ${delivery.eventType}` };
    if ('cancel' in data) {
      outcomes.push(outcome(delivery, 'cancelled', null, String(data['cancel'])));
      return;
    }
    const request = requestFor(delivery, data, lookups);
    if ('cancel' in request) {
      outcomes.push(outcome(delivery, 'cancelled', null, request.cancel));
      return;
    }
    const sent = await deps.sender.send({
      ...request,
      url: delivery.url,
      messageId: `msg_${delivery.id}`,
      now: deps.now(),
    });
    if (sent.ok) {
      answered.add(delivery.endpointId);
      outcomes.push(outcome(delivery, 'delivered', sent.status, null));
      return;
    }
    failing.add(delivery.endpointId);
    const attempts = delivery.attempts + 1;
    const wait = RETRY_SCHEDULE_MS[attempts - 1];
    outcomes.push(
      wait === undefined
        ? outcome(delivery, 'failed', sent.status, sent.error)
        : {
            ...outcome(delivery, 'queued', sent.status, sent.error),
            nextAttemptAt: new Date(deps.now().getTime() + wait).toISOString(),
          },
    );
  });
  const now = deps.now().toISOString();
  await recordAttempts(deps.db, deps.workerId, outcomes, now);
  for (const o of outcomes) {
    if (o.status === 'delivered') round.delivered += 1;
    else if (o.status === 'queued') round.retried += 1;
    else if (o.status === 'failed') round.failed += 1;
    else round.cancelled += 1;
  }
  await markEndpointsHealthy(deps.db, [...answered], now);
  round.disabled = await disableFailing(
    deps,
    [...failing].filter((id) => !answered.has(id)),
    lookups.petitions,
    now,
  );
  return round;
}

/** A webhook's signed message, or a CRM's record signature helper call with its token. */
function requestFor(
  delivery: ClaimedDelivery,
  data: Record<string, unknown>,
  lookups: Awaited<ReturnType<typeof lookUp>>,
): { body: string; sign: WebhookRequest['sign'] } | { cancel: string } {
  if (delivery.kind === 'standard')
    return {
      body: JSON.stringify({ type: delivery.eventType, timestamp: delivery.occurredAt, data }),
      sign: { secret: delivery.secret },
    };
  const signature = delivery.subjectId === null ? undefined : lookups.signatures.get(delivery.subjectId);
  const petition = lookups.petitions.get(delivery.petitionId);
  // A CRM is only told of signatures: its helper records one person's signature, and cannot take one back.
  if (delivery.eventType !== 'signature.confirmed' || signature === undefined || petition === undefined)
    return { cancel: 'not something a CRM records' };
  // A paper signer who gave no email: an OSDI person needs one.
  if (signature.email === '') return { cancel: 'no email for the CRM' };
  return {
    body: JSON.stringify(osdiSignature(signature, petition, delivery.tags)),
    sign: { headers: { 'Content-Type': 'application/hal+json', 'OSDI-API-Token': delivery.token ?? '' } },
  };
}

function outcome(
  delivery: ClaimedDelivery,
  status: AttemptOutcome['status'],
  responseStatus: number | null,
  error: string | null,
): AttemptOutcome {
  return { id: delivery.id, attempts: delivery.attempts + 1, status, responseStatus, error };
}

async function lookUp(deps: WebhookWorkerDeps, claimed: readonly ClaimedDelivery[]) {
  const subjects = (subject: 'signature' | 'update') => [
    ...new Set(
      claimed
        .filter((d) => webhookEvent(d.eventType)?.subject === subject && d.subjectId !== null)
        .map((d) => d.subjectId as number), // filtered just above
    ),
  ];
  const petitionIds = [...new Set(claimed.map((d) => d.petitionId))];
  const [petitions, signatures, updates] = await Promise.all([
    Promise.all(petitionIds.map(async (id) => [id, await deps.petitionById(id)] as const)),
    deps.signaturesByIds(subjects('signature')),
    deps.updateTitles(subjects('update')),
  ]);
  const found = new Map<number, Petition>();
  for (const [id, petition] of petitions) if (petition !== undefined) found.set(id, petition);
  return { petitions: found, signatures, updates };
}

/** Endpoints failing for three days are disabled, and each one's organizer is emailed, in one transaction. */
async function disableFailing(
  deps: WebhookWorkerDeps,
  endpointIds: readonly number[],
  petitions: Map<number, Petition>,
  now: string,
): Promise<number> {
  if (endpointIds.length === 0) return 0;
  const disableBefore = new Date(Date.parse(now) - DISABLE_AFTER_MS).toISOString();
  const disabled = await deps.db.transaction().execute(async (trx) => {
    const gone = await markEndpointsFailing(trx, endpointIds, now, disableBefore);
    for (const endpoint of gone) {
      const petition = petitions.get(endpoint.petitionId);
      const to = petition?.organizer.email ?? null;
      if (petition === undefined || to === null) continue;
      await enqueueMail(trx, {
        kind: 'webhook_disabled',
        petitionId: petition.id,
        signatureId: null,
        recipient: to,
        locale: petition.defaultLocale,
        payload: { endpoint: endpoint.id, url: endpoint.url },
        dedupeKey: `webhook-disabled:${endpoint.id}:${now}`,
        now,
      });
    }
    return gone;
  });
  for (const endpoint of disabled)
    deps.logger.warn(
      { endpoint: endpoint.id, petitionId: endpoint.petitionId },
      'webhook disabled after three days of failures',
    );
  return disabled.length;
}
