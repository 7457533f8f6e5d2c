// /organize/:id/webhooks: the petition's webhook endpoints, a form to add one, and each endpoint's page with its
// buttons and delivery log. Every handler loads the petition with managedPetition (404 for one the reader may not
// manage) and the endpoint within that petition only.
import { Hono, type Context } from 'hono';
import type { Deps } from '../../deps.js';
import { previewHrefFor } from '../../moderation/not-public.js';
import { textFor } from '../../petitions/petition.js';
import type { MessageKey } from '../../platform/i18n/message-key.js';
import type { AppEnv } from '../env.js';
import { currentUser, managedPetition, notFound, type ManagedPetition } from '../middleware/require-user.js';
import { formText, readFormBody } from '../read-form-body.js';
import type { Errors } from '../views/form-parts.js';
import {
  actOnEndpoint,
  createCrmConnection,
  createEndpoint,
  petitionEndpoint,
  petitionEndpoints,
  type WebhookDeps,
} from '../../webhooks/manage-webhooks.js';
import { CHOOSABLE_EVENTS } from '../../webhooks/webhook-events.js';
import { listDeliveries } from '../../webhooks/webhook-store.js';
import { WebhookEndpointPage, WebhooksPage, type CrmValues } from './views/webhooks-page.js';

const NOTICES = {
  created: 'webhooks.notice.created',
  crm: 'webhooks.notice.crmCreated',
  deleted: 'webhooks.notice.deleted',
  test: 'webhooks.notice.test',
  disable: 'webhooks.notice.disabled',
  enable: 'webhooks.notice.enabled',
  retry: 'webhooks.notice.retried',
} as const satisfies Record<string, MessageKey>;

const ACTIONS = ['disable', 'enable', 'delete', 'test', 'retry'] as const;

export function webhookRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const webhookDeps: WebhookDeps = { db: deps.db, now: deps.now, allowPrivate: deps.config.webhooksAllowPrivate };

  const notice = (c: Context<AppEnv>) => {
    const done = c.req.query('done');
    return done !== undefined && done in NOTICES ? c.var.t.t(NOTICES[done as keyof typeof NOTICES]) : undefined; // checked with `in`
  };
  const base = (c: Context<AppEnv>, petition: ManagedPetition) => ({
    role: petition.role,
    t: c.var.t,
    petitionId: petition.id,
    slug: petition.slug,
    previewHref: previewHrefFor(petition, c.var.locale),
    title: textFor(petition, c.var.locale).title,
    notice: notice(c),
    now: deps.now(),
  });

  const NO_CRM: CrmValues = { crm_url: '', crm_description: '', token: '', tags: '' };
  async function listPage(
    c: Context<AppEnv>,
    petition: ManagedPetition,
    values: { url: string; description: string; events: string[] },
    errors: Errors,
    status: 200 | 422,
    crm: CrmValues = NO_CRM,
  ) {
    const view = (
      <WebhooksPage
        {...base(c, petition)}
        endpoints={await petitionEndpoints(deps, petition.id)}
        values={values}
        crm={crm}
        errors={errors}
        allowPrivate={deps.config.webhooksAllowPrivate}
      />
    );
    c.header('Cache-Control', 'no-store');
    return c.html(`<!doctype html>${await view.toString()}`, status);
  }

  app.get('/:id{[0-9]+}/webhooks', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'manage');
    if (petition === undefined) return notFound(c);
    const all = CHOOSABLE_EVENTS.map((e) => e.type);
    return listPage(c, petition, { url: '', description: '', events: all }, {}, 200);
  });

  app.post('/:id{[0-9]+}/webhooks', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'manage');
    if (petition === undefined) return notFound(c);
    const read = await readFormBody(c);
    if (!read.ok) return read.response;
    const text = formText(read.body);
    const values = {
      url: text('url').trim(),
      description: text('description'),
      events: Object.keys(read.body)
        .filter((name) => name.startsWith('events.') && read.body[name] === 'yes')
        .map((name) => name.slice('events.'.length))
        .slice(0, 50),
    };
    const outcome = await createEndpoint(webhookDeps, currentUser(c).id, petition.id, values);
    if (outcome.kind === 'invalid') return listPage(c, petition, values, outcome.errors, 422);
    return c.redirect(`/organize/${petition.id}/webhooks/${outcome.id}?done=created`, 303);
  });

  app.post('/:id{[0-9]+}/webhooks/crm', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'manage');
    if (petition === undefined) return notFound(c);
    const read = await readFormBody(c);
    if (!read.ok) return read.response;
    const text = formText(read.body);
    const crm: CrmValues = {
      crm_url: text('crm_url').trim(),
      crm_description: text('crm_description'),
      token: text('token'),
      tags: text('tags'),
    };
    const outcome = await createCrmConnection(webhookDeps, currentUser(c).id, petition.id, {
      url: crm.crm_url,
      description: crm.crm_description,
      token: crm.token,
      tags: crm.tags,
    });
    if (outcome.kind === 'invalid') {
      // The CRM form's fields have their own ids on the page.
      const { url, description, ...rest } = outcome.errors;
      const errors: Errors = { ...rest, crm_url: url, crm_description: description };
      const all = CHOOSABLE_EVENTS.map((e) => e.type);
      // The token typed is not sent back into the page.
      return listPage(c, petition, { url: '', description: '', events: all }, errors, 422, { ...crm, token: '' });
    }
    return c.redirect(`/organize/${petition.id}/webhooks/${outcome.id}?done=crm`, 303);
  });

  app.get('/:id{[0-9]+}/webhooks/:endpoint{[0-9]{1,9}}', async (c) => {
    const petition = await managedPetition(c, deps, c.req.param('id'), 'manage');
    const endpoint =
      petition === undefined ? undefined : await petitionEndpoint(deps, petition.id, Number(c.req.param('endpoint')));
    if (petition === undefined || endpoint === undefined) return notFound(c);
    const view = (
      <WebhookEndpointPage
        {...base(c, petition)}
        endpoint={endpoint}
        deliveries={await listDeliveries(deps.db, endpoint.id)}
      />
    );
    c.header('Cache-Control', 'no-store');
    return c.html(`<!doctype html>${await view.toString()}`);
  });

  for (const action of ACTIONS)
    app.post(`/:id{[0-9]+}/webhooks/:endpoint{[0-9]{1,9}}/${action}`, async (c) => {
      const petition = await managedPetition(c, deps, c.req.param('id'), 'manage');
      if (petition === undefined) return notFound(c);
      const endpointId = Number(c.req.param('endpoint'));
      const done = await actOnEndpoint(webhookDeps, currentUser(c).id, petition.id, endpointId, action);
      const list = `/organize/${petition.id}/webhooks`;
      if (!done) {
        // Not this petition's (404), or nothing to do (a test event for a CRM, turning off what is off): back.
        if ((await petitionEndpoint(deps, petition.id, endpointId)) === undefined) return notFound(c);
        return c.redirect(`${list}/${endpointId}`, 303);
      }
      return c.redirect(action === 'delete' ? `${list}?done=deleted` : `${list}/${endpointId}?done=${action}`, 303);
    });

  return app;
}
