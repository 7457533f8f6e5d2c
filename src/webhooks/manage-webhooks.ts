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

/** A CRM to push confirmed signatures to: its record signature helper, its API token, the tags it gives people. */
export interface CrmForm {
  url: string;
  description: string;
  token: string;
  tags: string;
}

export const MAX_TAGS = 10;
export const MAX_TAG = 60;
const MAX_TOKEN = 500;

/** The tags as typed ("rally, ct-trust"), or why not. */
function parseTags(text: string): { ok: true; tags: string[] } | { ok: false } {
  const tags = [
    ...new Set(
      text
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t !== ''),
    ),
  ];
  const ok = tags.length <= MAX_TAGS && tags.every((t) => [...t].length <= MAX_TAG && !/[\p{Cc}]/u.test(t));
  return ok ? { ok: true, tags } : { ok: false };
}

export type CreateOutcome = { kind: 'created'; id: number } | { kind: 'invalid'; errors: Errors };

/** The checks every endpoint's form shares: the URL (SSRF), the description, room for one more. */
async function checkCommon(
  deps: WebhookDeps,
  petitionId: number,
  form: { url: string; description: string },
  errors: Errors,
): Promise<{ url: string; description: string } | undefined> {
  const checked = await checkWebhookUrl(form.url, deps.allowPrivate);
  if (!checked.ok) errors['url'] = `webhooks.error.${checked.refusal}`;
  const description = form.description.trim();
  if ([...description].length > MAX_DESCRIPTION)
    errors['description'] = { key: 'webhooks.error.description', params: { max: MAX_DESCRIPTION } };
  if ((await listEndpoints(deps.db, petitionId)).length >= MAX_ENDPOINTS_PER_PETITION)
    errors['url'] = { key: 'webhooks.error.tooMany', params: { max: MAX_ENDPOINTS_PER_PETITION } };
  return checked.ok ? { url: checked.url, description } : undefined;
}

async function insertAudited(
  deps: WebhookDeps,
  actorId: number,
  endpoint: Omit<Parameters<typeof insertEndpoint>[1], 'secret' | 'createdBy' | 'now'>,
): Promise<number> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const endpointId = await insertEndpoint(trx, {
      ...endpoint,
      secret: newWebhookSecret(),
      createdBy: actorId,
      now: now.toISOString(),
    });
    await recordAudit(trx, {
      actorId,
      action: endpoint.kind === 'osdi' ? 'webhook.crm.create' : 'webhook.create',
      petitionId: endpoint.petitionId,
      // Never the token.
      details: { endpoint: endpointId, url: endpoint.url, events: endpoint.events, tags: endpoint.tags ?? [] },
      now,
    });
    return endpointId;
  });
}

export async function createEndpoint(
  deps: WebhookDeps,
  actorId: number,
  petitionId: number,
  form: EndpointForm,
): Promise<CreateOutcome> {
  const errors: Errors = {};
  const common = await checkCommon(deps, petitionId, form, errors);
  const known = new Set(CHOOSABLE_EVENTS.map((e) => e.type));
  const events = CHOOSABLE_EVENTS.map((e) => e.type).filter((type) => form.events.includes(type));
  if (events.length === 0 || form.events.some((e) => !known.has(e))) errors['events'] = 'webhooks.error.events';
  if (Object.keys(errors).length > 0 || common === undefined) return { kind: 'invalid', errors };
  return {
    kind: 'created',
    id: await insertAudited(deps, actorId, { petitionId, kind: 'standard', ...common, events }),
  };
}

/** A CRM connection: each confirmed signature of the petition goes to the CRM's record signature helper. */
export async function createCrmConnection(
  deps: WebhookDeps,
  actorId: number,
  petitionId: number,
  form: CrmForm,
): Promise<CreateOutcome> {
  const errors: Errors = {};
  const common = await checkCommon(deps, petitionId, form, errors);
  const token = form.token.trim();
  if (token === '' || token.length > MAX_TOKEN || /\s/.test(token)) errors['token'] = 'webhooks.error.token';
  const tags = parseTags(form.tags);
  if (!tags.ok) errors['tags'] = { key: 'webhooks.error.tags', params: { max: MAX_TAGS, length: MAX_TAG } };
  if (Object.keys(errors).length > 0 || common === undefined || !tags.ok) return { kind: 'invalid', errors };
  const id = await insertAudited(deps, actorId, {
    petitionId,
    kind: 'osdi',
    ...common,
    events: ['signature.confirmed'],
    token,
    tags: tags.tags,
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
    // A test event is for a webhook: a CRM would record a made-up person.
    if (action === 'test' && endpoint.kind !== 'standard') return false;
    if (action === 'test')
      await queueDeliveries(trx, { petitionId, type: 'webhook.test', subjectIds: [null], now: iso, endpointId });
    if (action === 'retry') details = { ...details, deliveries: await requeueFailed(trx, endpointId, iso) };
    await recordAudit(trx, { actorId, action: `webhook.${action}`, petitionId, details, now });
    return true;
  });
}
