// The webhooks' tables: each petition's endpoints, and the deliveries to them (queued with the event, claimed by
// the worker under a lease, then delivered, retried, failed or cancelled).
import { sql } from 'kysely';
import type { Db, Engine } from '../platform/db/connect.js';
import type { ClaimedDelivery } from './webhook-event.js';

/** 'standard': a signed Standard Webhooks message per event; 'osdi': each confirmed signature to a CRM's helper. */
export type EndpointKind = 'standard' | 'osdi';

export interface WebhookEndpoint {
  id: number;
  kind: EndpointKind;
  /** The CRM's API token (osdi only). */
  token: string | null;
  /** Tags a CRM gives each person (osdi only). */
  tags: string[];
  petitionId: number;
  url: string;
  description: string;
  events: string[];
  secret: string;
  createdAt: string;
  failingSince: string | null;
  lastSuccessAt: string | null;
  disabledAt: string | null;
  disabledReason: string | null;
}

const ENDPOINT_COLUMNS = [
  'id',
  'petition_id',
  'url',
  'description',
  'events',
  'secret',
  'created_at',
  'failing_since',
  'last_success_at',
  'disabled_at',
  'disabled_reason',
  'kind',
  'token',
  'tags',
] as const;

function toEndpoint(r: {
  id: number;
  petition_id: number;
  url: string;
  description: string;
  events: string;
  secret: string;
  created_at: string;
  failing_since: string | null;
  last_success_at: string | null;
  disabled_at: string | null;
  disabled_reason: string | null;
  kind: string;
  token: string | null;
  tags: string | null;
}): WebhookEndpoint {
  return {
    id: r.id,
    kind: r.kind === 'osdi' ? 'osdi' : 'standard',
    token: r.token,
    tags: splitList(r.tags),
    petitionId: r.petition_id,
    url: r.url,
    description: r.description,
    events: splitList(r.events),
    secret: r.secret,
    createdAt: r.created_at,
    failingSince: r.failing_since,
    lastSuccessAt: r.last_success_at,
    disabledAt: r.disabled_at,
    disabledReason: r.disabled_reason,
  };
}

function splitList(text: string | null): string[] {
  return text === null || text === '' ? [] : text.split(',');
}

export async function insertEndpoint(
  db: Db,
  e: {
    petitionId: number;
    kind: EndpointKind;
    url: string;
    description: string;
    events: string[];
    secret: string;
    token?: string;
    tags?: string[];
    createdBy: number;
    now: string;
  },
): Promise<number> {
  const { id } = await db
    .insertInto('webhook_endpoints')
    .values({
      petition_id: e.petitionId,
      url: e.url,
      description: e.description,
      events: e.events.join(','),
      secret: e.secret,
      kind: e.kind,
      token: e.token ?? null,
      tags: e.tags === undefined ? null : e.tags.join(','),
      created_by: e.createdBy,
      created_at: e.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function listEndpoints(db: Db, petitionId: number): Promise<WebhookEndpoint[]> {
  const rows = await db
    .selectFrom('webhook_endpoints')
    .select(ENDPOINT_COLUMNS)
    .where('petition_id', '=', petitionId)
    .orderBy('id')
    .execute();
  return rows.map(toEndpoint);
}

export async function findEndpoint(db: Db, petitionId: number, id: number): Promise<WebhookEndpoint | undefined> {
  const row = await db
    .selectFrom('webhook_endpoints')
    .select(ENDPOINT_COLUMNS)
    .where('petition_id', '=', petitionId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row === undefined ? undefined : toEndpoint(row);
}

/** Disabled (by its organizer, or by Firma after three days of failures) or enabled again; false if unchanged. */
export async function setEndpointDisabled(
  db: Db,
  id: number,
  disabled: { at: string; reason: 'organizer' | 'failing' } | null,
): Promise<boolean> {
  const query = db.updateTable('webhook_endpoints').where('id', '=', id);
  const result = await (
    disabled === null
      ? query
          .set({ disabled_at: null, disabled_reason: null, failing_since: null })
          .where('disabled_at', 'is not', null)
      : query.set({ disabled_at: disabled.at, disabled_reason: disabled.reason }).where('disabled_at', 'is', null)
  ).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteEndpoint(db: Db, petitionId: number, id: number): Promise<boolean> {
  const result = await db
    .deleteFrom('webhook_endpoints')
    .where('petition_id', '=', petitionId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** One event for the petition's endpoints that take it (enabled, and subscribed to its type). */
export interface QueuedEvent {
  petitionId: number;
  type: string;
  /** One delivery per subject (each signature of a batch), or one without a subject. */
  subjectIds: readonly (number | null)[];
  data?: Record<string, unknown>;
  now: string;
  /** Only to this endpoint (the test event), enabled or not. */
  endpointId?: number;
}

/** Queues the event's deliveries in the caller's transaction; how many. */
export async function queueDeliveries(trx: Db, event: QueuedEvent): Promise<number> {
  let endpoints = trx
    .selectFrom('webhook_endpoints')
    .select(['id', 'events'])
    .where('petition_id', '=', event.petitionId);
  endpoints =
    event.endpointId === undefined
      ? endpoints.where('disabled_at', 'is', null)
      : endpoints.where('id', '=', event.endpointId);
  const targets = (await endpoints.execute()).filter(
    (e) => event.endpointId !== undefined || e.events.split(',').includes(event.type),
  );
  if (targets.length === 0 || event.subjectIds.length === 0) return 0;
  const data = JSON.stringify(event.data ?? {});
  const rows = targets.flatMap((endpoint) =>
    event.subjectIds.map((subjectId) => ({
      endpoint_id: endpoint.id,
      petition_id: event.petitionId,
      event_type: event.type,
      subject_id: subjectId,
      data,
      occurred_at: event.now,
      status: 'queued',
      attempts: 0,
      next_attempt_at: event.now,
    })),
  );
  // SQLite binds at most 32,766 values: 10 a row.
  for (let i = 0; i < rows.length; i += 2000)
    await trx
      .insertInto('webhook_deliveries')
      .values(rows.slice(i, i + 2000))
      .execute();
  return rows.length;
}

/**
 * Leases up to `limit` due deliveries of enabled endpoints (or ones whose previous worker's lease ran out) to
 * `workerId`; on PostgreSQL, SKIP LOCKED lets several workers claim at once.
 */
export async function claimDueDeliveries(
  db: Db,
  engine: Engine,
  workerId: string,
  now: string,
  leaseUntil: string,
  limit: number,
): Promise<ClaimedDelivery[]> {
  const lock = engine === 'postgres' ? sql`FOR UPDATE OF d SKIP LOCKED` : sql``;
  const claimed = await sql<{ id: number }>`UPDATE webhook_deliveries SET status = 'sending', locked_by = ${workerId},
      locked_until = ${leaseUntil}
    WHERE id IN (SELECT d.id FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
      WHERE e.disabled_at IS NULL
        AND ((d.status = 'queued' AND d.next_attempt_at <= ${now}) OR (d.status = 'sending' AND d.locked_until < ${now}))
      ORDER BY d.id LIMIT ${limit} ${lock})
    RETURNING id`.execute(db);
  const ids = claimed.rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint_id')
    .select([
      'd.id',
      'd.endpoint_id',
      'd.petition_id',
      'd.event_type',
      'd.subject_id',
      'd.data',
      'd.occurred_at',
      'd.attempts',
      'e.url',
      'e.secret',
      'e.kind',
      'e.token',
      'e.tags',
    ])
    .where('d.id', 'in', ids)
    .where('d.locked_by', '=', workerId)
    .orderBy('d.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    endpointId: r.endpoint_id,
    petitionId: r.petition_id,
    eventType: r.event_type,
    subjectId: r.subject_id,
    data: JSON.parse(r.data) as Record<string, unknown>, // written by queueDeliveries as an object
    occurredAt: r.occurred_at,
    attempts: r.attempts,
    url: r.url,
    secret: r.secret,
    kind: r.kind === 'osdi' ? 'osdi' : 'standard',
    token: r.token,
    tags: splitList(r.tags),
  }));
}

/** How one attempt ended, recorded on its delivery. */
export interface AttemptOutcome {
  id: number;
  attempts: number;
  status: 'delivered' | 'queued' | 'failed' | 'cancelled';
  nextAttemptAt?: string;
  responseStatus: number | null;
  error: string | null;
}

export async function recordAttempts(db: Db, workerId: string, outcomes: readonly AttemptOutcome[], now: string) {
  const delivered = outcomes.filter((o) => o.status === 'delivered');
  // The common case, one statement per status code: a burst of successes is not a statement each.
  for (const code of new Set(delivered.map((o) => o.responseStatus))) {
    const ids = delivered.filter((o) => o.responseStatus === code).map((o) => o.id);
    for (let i = 0; i < ids.length; i += 1000)
      await db
        .updateTable('webhook_deliveries')
        .set((eb) => ({
          status: 'delivered',
          attempts: eb('attempts', '+', 1),
          delivered_at: now,
          response_status: code,
          last_error: null,
          locked_by: null,
          locked_until: null,
        }))
        .where('id', 'in', ids.slice(i, i + 1000))
        // Whoever holds it now (a lease that ran out): it did arrive, so it is not sent again.
        .where('status', '!=', 'delivered')
        .execute();
  }
  for (const o of outcomes.filter((x) => x.status !== 'delivered'))
    await db
      .updateTable('webhook_deliveries')
      .set({
        status: o.status,
        attempts: o.attempts,
        ...(o.nextAttemptAt === undefined ? {} : { next_attempt_at: o.nextAttemptAt }),
        response_status: o.responseStatus,
        last_error: o.error === null ? null : o.error.slice(0, 500),
        locked_by: null,
        locked_until: null,
      })
      .where('id', '=', o.id)
      .where('locked_by', '=', workerId)
      .execute();
}

/** Gives claimed deliveries back, unsent and their attempts unchanged (a stopping worker). */
export async function releaseDeliveries(db: Db, ids: readonly number[], workerId: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('webhook_deliveries')
    .set({ status: 'queued', locked_by: null, locked_until: null })
    .where('id', 'in', ids)
    .where('locked_by', '=', workerId)
    .execute();
}

/** An endpoint answered: its failing streak ends. */
export async function markEndpointsHealthy(db: Db, ids: readonly number[], now: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('webhook_endpoints')
    .set({ failing_since: null, last_success_at: now })
    .where('id', 'in', ids)
    .execute();
}

/**
 * Endpoints that failed and did not answer in this round start (or go on with) a failing streak; those failing
 * since before `disableBefore` are disabled. Returns the ones disabled now, with their petition.
 */
export async function markEndpointsFailing(
  db: Db,
  ids: readonly number[],
  now: string,
  disableBefore: string,
): Promise<{ id: number; petitionId: number; url: string }[]> {
  if (ids.length === 0) return [];
  await db
    .updateTable('webhook_endpoints')
    .set({ failing_since: now })
    .where('id', 'in', ids)
    .where('failing_since', 'is', null)
    .execute();
  return db
    .updateTable('webhook_endpoints')
    .set({ disabled_at: now, disabled_reason: 'failing' })
    .where('id', 'in', ids)
    .where('disabled_at', 'is', null)
    .where('failing_since', '<=', disableBefore)
    .returning(['id', 'petition_id as petitionId', 'url'])
    .execute();
}

export interface DeliveryLogRow {
  id: number;
  eventType: string;
  subjectId: number | null;
  status: string;
  attempts: number;
  responseStatus: number | null;
  lastError: string | null;
  createdAt: string;
  nextAttemptAt: string;
  deliveredAt: string | null;
}

/** The endpoint's latest deliveries, newest first. */
export async function listDeliveries(db: Db, endpointId: number, limit = 50): Promise<DeliveryLogRow[]> {
  const rows = await db
    .selectFrom('webhook_deliveries')
    .select([
      'id',
      'event_type',
      'subject_id',
      'status',
      'attempts',
      'response_status',
      'last_error',
      'occurred_at',
      'next_attempt_at',
      'delivered_at',
    ])
    .where('endpoint_id', '=', endpointId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    eventType: r.event_type,
    subjectId: r.subject_id,
    status: r.status,
    attempts: r.attempts,
    responseStatus: r.response_status,
    lastError: r.last_error,
    createdAt: r.occurred_at,
    nextAttemptAt: r.next_attempt_at,
    deliveredAt: r.delivered_at,
  }));
}

/** Failed deliveries of the endpoint go back to the queue, due now; how many. */
export async function requeueFailed(db: Db, endpointId: number, now: string): Promise<number> {
  const result = await db
    .updateTable('webhook_deliveries')
    .set({ status: 'queued', attempts: 0, next_attempt_at: now })
    .where('endpoint_id', '=', endpointId)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Delivered and cancelled deliveries older than `cutoff` are only history. */
export async function purgeDeliveriesBefore(db: Db, cutoff: string): Promise<number> {
  const result = await db
    .deleteFrom('webhook_deliveries')
    .where('status', 'in', ['delivered', 'cancelled'])
    .where('occurred_at', '<', cutoff)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
