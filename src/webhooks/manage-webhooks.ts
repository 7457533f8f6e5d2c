// An organizer's webhooks for a petition: registering a URL (checked against SSRF), turning one off and on,
// removing it, sending it a test event, and sending its failed deliveries again. Each change is audited.
import type { Db } from '../platform/db/connect.js';
import { recordAudit } from '../platform/audit/audit-store.js';
import type { Errors } from '../platform/form-errors.js';
import { CHOOSABLE_EVENTS } from './webhook-events.js';
import { checkWebhookUrl } from './webhook-url.js';
import { newWebhookSecret } from './send-webhook.js';
import {
  deleteEndpoint,
  findEndpoint,
  insertEndpoint,
  listEndpoints,
  queueDeliveries,
  requeueFailed,
  setEndpointDisabled,
  type WebhookEndpoint,
} from './webhook-store.js';

export const MAX_ENDPOINTS_PER_PETITION = 10;
export const MAX_DESCRIPTION = 200;

export interface WebhookDeps {
  db: Db;
  now: () => Date;
  /** WEBHOOKS_ALLOW_PRIVATE: the admin lets webhooks go to private addresses and over http. */
  allowPrivate: boolean;
}

export interface EndpointForm {
  url: string;
  description: string;
  events: string[];
}

export type CreateOutcome = { kind: 'created'; id: number } | { kind: 'invalid'; errors: Errors };

export async function createEndpoint(
  deps: WebhookDeps,
  actorId: number,
  petitionId: number,
  form: EndpointForm,
): Promise<CreateOutcome> {
  const errors: Errors = {};
  const checked = await checkWebhookUrl(form.url, deps.allowPrivate);
  if (!checked.ok) errors['url'] = `webhooks.error.${checked.refusal}`;
  const description = form.description.trim();
  if ([...description].length > MAX_DESCRIPTION)
    errors['description'] = { key: 'webhooks.error.description', params: { max: MAX_DESCRIPTION } };
  const known = new Set(CHOOSABLE_EVENTS.map((e) => e.type));
  const events = CHOOSABLE_EVENTS.map((e) => e.type).filter((type) => form.events.includes(type));
  if (events.length === 0 || form.events.some((e) => !known.has(e))) errors['events'] = 'webhooks.error.events';
  if ((await listEndpoints(deps.db, petitionId)).length >= MAX_ENDPOINTS_PER_PETITION)
    errors['url'] = { key: 'webhooks.error.tooMany', params: { max: MAX_ENDPOINTS_PER_PETITION } };
  if (Object.keys(errors).length > 0 || !checked.ok) return { kind: 'invalid', errors };
  const now = deps.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    const endpointId = await insertEndpoint(trx, {
      petitionId,
      url: checked.url,
      description,
      events,
      secret: newWebhookSecret(),
      createdBy: actorId,
      now: now.toISOString(),
    });
    await recordAudit(trx, {
      actorId,
      action: 'webhook.create',
      petitionId,
      details: { endpoint: endpointId, url: checked.url, events },
      now,
    });
    return endpointId;
  });
  return { kind: 'created', id };
}

export function petitionEndpoints(deps: Pick<WebhookDeps, 'db'>, petitionId: number): Promise<WebhookEndpoint[]> {
  return listEndpoints(deps.db, petitionId);
}

export function petitionEndpoint(
  deps: Pick<WebhookDeps, 'db'>,
  petitionId: number,
  id: number,
): Promise<WebhookEndpoint | undefined> {
  return findEndpoint(deps.db, petitionId, id);
}

type EndpointAction = 'disable' | 'enable' | 'delete' | 'test' | 'retry';

/** One of the endpoint page's buttons; false when the endpoint is not the petition's (or nothing changed). */
export async function actOnEndpoint(
  deps: WebhookDeps,
  actorId: number,
  petitionId: number,
  endpointId: number,
  action: EndpointAction,
): Promise<boolean> {
  const endpoint = await findEndpoint(deps.db, petitionId, endpointId);
  if (endpoint === undefined) return false;
  const now = deps.now();
  const iso = now.toISOString();
  return deps.db.transaction().execute(async (trx) => {
    let details: Record<string, unknown> = { endpoint: endpointId, url: endpoint.url };
    if (action === 'disable' && !(await setEndpointDisabled(trx, endpointId, { at: iso, reason: 'organizer' })))
      return false;
    if (action === 'enable' && !(await setEndpointDisabled(trx, endpointId, null))) return false;
    if (action === 'delete' && !(await deleteEndpoint(trx, petitionId, endpointId))) return false;
    if (action === 'test')
      await queueDeliveries(trx, { petitionId, type: 'webhook.test', subjectIds: [null], now: iso, endpointId });
    if (action === 'retry') details = { ...details, deliveries: await requeueFailed(trx, endpointId, iso) };
    await recordAudit(trx, { actorId, action: `webhook.${action}`, petitionId, details, now });
    return true;
  });
}
