// The organizer's webhooks for a petition: the endpoints with their state, a form to add one (URL, what it is for,
// which events), and each endpoint's page: its signing secret, its buttons (test event, turn off or on, send failed
// deliveries again, remove) and its delivery log.
import type { Translator } from '../../../platform/i18n/translator.js';
import type { MessageKey } from '../../../platform/i18n/message-key.js';
import { Layout, languageSwitchHref } from '../../views/layout.js';
import { describedBy, ErrorList, Field, FieldMessage, type Errors } from '../../views/form-parts.js';
import { TableScroll } from '../../views/table-scroll.js';
import type { DeliveryLogRow, WebhookEndpoint } from '../../../webhooks/webhook-store.js';
import { CHOOSABLE_EVENTS, webhookEvent } from '../../../webhooks/webhook-events.js';
import { MAX_DESCRIPTION, MAX_TAGS } from '../../../webhooks/manage-webhooks.js';
import { PetitionNav } from './petition-nav.js';
import type { PetitionPageBase } from './petition-page-frame.js';

interface PageBase extends PetitionPageBase {
  now: Date;
}

/** The CRM form as typed (the token is never sent back). */
export interface CrmValues {
  crm_url: string;
  crm_description: string;
  token: string;
  tags: string;
}

export interface WebhooksPageProps extends PageBase {
  endpoints: WebhookEndpoint[];
  values: { url: string; description: string; events: string[] };
  crm: CrmValues;
  errors: Errors;
  /** Private addresses and http are allowed (WEBHOOKS_ALLOW_PRIVATE). */
  allowPrivate: boolean;
}

const STATUS: Record<string, MessageKey> = {
  queued: 'webhooks.status.queued',
  sending: 'webhooks.status.sending',
  delivered: 'webhooks.status.delivered',
  failed: 'webhooks.status.failed',
  cancelled: 'webhooks.status.cancelled',
};

function eventLabel(t: Translator, type: string): string {
  const event = webhookEvent(type);
  return event === undefined ? type : t.t(event.label);
}

function EndpointState({ t, endpoint }: { t: Translator; endpoint: WebhookEndpoint }) {
  if (endpoint.disabledAt !== null)
    return (
      <span class="state state-off">
        {t.t(endpoint.disabledReason === 'failing' ? 'webhooks.state.disabledFailing' : 'webhooks.state.disabled')}
      </span>
    );
  if (endpoint.failingSince !== null) return <span class="state state-warn">{t.t('webhooks.state.failing')}</span>;
  return <span class="state state-on">{t.t('webhooks.state.active')}</span>;
}

function Kind({ t, endpoint }: { t: Translator; endpoint: WebhookEndpoint }) {
  return endpoint.kind === 'osdi' ? <span class="state">{t.t('webhooks.kind.osdi')}</span> : null;
}

function TextField(p: {
  t: Translator;
  id: string;
  label: string;
  hint: string;
  value: string;
  errors: Errors;
  type?: 'url' | 'text';
  autocomplete?: string;
  ltr?: boolean;
}) {
  return (
    <Field t={p.t} id={p.id} label={p.label} hint={p.hint} errors={p.errors}>
      <input
        type={p.type ?? 'text'}
        id={p.id}
        name={p.id}
        dir={p.ltr === true ? 'ltr' : undefined}
        autocomplete={p.autocomplete}
        value={p.value}
        aria-invalid={p.errors[p.id] === undefined ? undefined : 'true'}
        aria-describedby={describedBy(p.id, p.errors, true)}
      />
    </Field>
  );
}

function Notice({ notice }: { notice: string | undefined }) {
  return notice === undefined ? null : (
    <p class="flash" role="status">
      {notice}
    </p>
  );
}

export function WebhooksPage(p: WebhooksPageProps) {
  const { t } = p;
  const base = `/organize/${p.petitionId}/webhooks`;
  return (
    <Layout t={t} title={t.t('webhooks.title', { title: p.title })} switchHref={(l) => languageSwitchHref(l, base)}>
      <PetitionNav
        t={t}
        petitionId={p.petitionId}
        role={p.role}
        slug={p.slug}
        current="webhooks"
        previewHref={p.previewHref}
      />
      <Notice notice={p.notice} />
      <div class="webhooks-page">
        <ErrorList t={t} errors={p.errors} summaryKey="webhooks.errorSummary" anchors={{ events: 'events-legend' }} />
        <h1>{t.t('webhooks.heading')}</h1>
        <p>{t.t('webhooks.intro')}</p>
        <p>
          <a href="https://www.standardwebhooks.com/">{t.t('webhooks.specLink')}</a>
        </p>
        <section aria-labelledby="endpoints-heading">
          <h2 id="endpoints-heading">{t.t('webhooks.endpoints')}</h2>
          {p.endpoints.length === 0 ? (
            <p>{t.t('webhooks.none')}</p>
          ) : (
            <ul class="endpoint-list">
              {p.endpoints.map((e) => (
                <li>
                  <a href={`${base}/${e.id}`}>
                    <code dir="ltr">{e.url}</code>
                  </a>{' '}
                  <Kind t={t} endpoint={e} /> <EndpointState t={t} endpoint={e} />
                  {e.description === '' ? null : <p class="hint">{e.description}</p>}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="add-heading">
          <h2 id="add-heading">{t.t('webhooks.add')}</h2>
          <form method="post" action={base} accept-charset="utf-8" novalidate class="webhook-form">
            <TextField
              t={t}
              id="url"
              type="url"
              ltr
              autocomplete="url"
              label={t.t('webhooks.url')}
              hint={t.t(p.allowPrivate ? 'webhooks.urlHintPrivate' : 'webhooks.urlHint')}
              value={p.values.url}
              errors={p.errors}
            />
            <TextField
              t={t}
              id="description"
              label={t.t('webhooks.description')}
              hint={t.t('webhooks.descriptionHint', { max: MAX_DESCRIPTION })}
              value={p.values.description}
              errors={p.errors}
            />
            <fieldset
              class={`choices${p.errors['events'] === undefined ? '' : ' has-error'}`}
              aria-describedby={p.errors['events'] === undefined ? undefined : 'events-error'}
            >
              <legend id="events-legend">{t.t('webhooks.events')}</legend>
              <FieldMessage t={t} id="events" errors={p.errors} />
              {CHOOSABLE_EVENTS.map((event) => (
                <div class="choice">
                  <input
                    type="checkbox"
                    id={`event-${event.type}`}
                    name={`events.${event.type}`}
                    value="yes"
                    checked={p.values.events.includes(event.type)}
                  />
                  <label for={`event-${event.type}`}>
                    {t.t(event.label)} <code dir="ltr">{event.type}</code>
                  </label>
                </div>
              ))}
            </fieldset>
            <button type="submit" class="button">
              {t.t('webhooks.save')}
            </button>
          </form>
        </section>
        <section aria-labelledby="crm-heading">
          <h2 id="crm-heading">{t.t('webhooks.crm.heading')}</h2>
          <p>{t.t('webhooks.crm.intro')}</p>
          <form method="post" action={`${base}/crm`} accept-charset="utf-8" novalidate class="webhook-form">
            <TextField
              t={t}
              id="crm_url"
              type="url"
              ltr
              label={t.t('webhooks.crm.url')}
              hint={t.t('webhooks.crm.urlHint')}
              value={p.crm.crm_url}
              errors={p.errors}
            />
            <TextField
              t={t}
              id="token"
              ltr
              autocomplete="off"
              label={t.t('webhooks.crm.token')}
              hint={t.t('webhooks.crm.tokenHint')}
              value={p.crm.token}
              errors={p.errors}
            />
            <TextField
              t={t}
              id="tags"
              label={t.t('webhooks.crm.tags')}
              hint={t.t('webhooks.crm.tagsHint', { max: MAX_TAGS })}
              value={p.crm.tags}
              errors={p.errors}
            />
            <TextField
              t={t}
              id="crm_description"
              label={t.t('webhooks.description')}
              hint={t.t('webhooks.descriptionHint', { max: MAX_DESCRIPTION })}
              value={p.crm.crm_description}
              errors={p.errors}
            />
            <button type="submit" class="button">
              {t.t('webhooks.crm.save')}
            </button>
          </form>
        </section>
      </div>
    </Layout>
  );
}

export interface EndpointPageProps extends PageBase {
  endpoint: WebhookEndpoint;
  deliveries: DeliveryLogRow[];
}

function Button({ action, label, secondary = true }: { action: string; label: string; secondary?: boolean }) {
  return (
    <form method="post" action={action}>
      <button type="submit" class={secondary ? 'secondary' : 'button'}>
        {label}
      </button>
    </form>
  );
}

export function WebhookEndpointPage(p: EndpointPageProps) {
  const { t, endpoint: e } = p;
  const base = `/organize/${p.petitionId}/webhooks/${e.id}`;
  const failed = p.deliveries.some((d) => d.status === 'failed');
  return (
    <Layout
      t={t}
      title={t.t('webhooks.endpointTitle', { title: p.title })}
      switchHref={(l) => languageSwitchHref(l, base)}
    >
      <PetitionNav
        t={t}
        petitionId={p.petitionId}
        role={p.role}
        slug={p.slug}
        current="webhooks"
        previewHref={p.previewHref}
      />
      <Notice notice={p.notice} />
      <div class="webhooks-page">
        <p>
          <a href={`/organize/${p.petitionId}/webhooks`}>{t.t('webhooks.back')}</a>
        </p>
        <h1>
          <code dir="ltr">{e.url}</code>
        </h1>
        <p>
          <Kind t={t} endpoint={e} /> <EndpointState t={t} endpoint={e} />
        </p>
        {e.description === '' ? null : <p>{e.description}</p>}
        <dl class="endpoint-facts">
          <dt>{t.t('webhooks.events')}</dt>
          <dd>
            <ul>
              {e.events.map((type) => (
                <li>{eventLabel(t, type)}</li>
              ))}
            </ul>
          </dd>
          <dt>{t.t('webhooks.lastSuccess')}</dt>
          <dd>
            {e.lastSuccessAt === null ? (
              t.t('webhooks.never')
            ) : (
              <time datetime={e.lastSuccessAt}>{t.ago(e.lastSuccessAt, p.now)}</time>
            )}
          </dd>
          {e.kind === 'osdi' ? (
            <>
              <dt>{t.t('webhooks.crm.token')}</dt>
              <dd>
                <code dir="ltr">{`${(e.token ?? '').slice(0, 4)}…`}</code>
              </dd>
              <dt>{t.t('webhooks.tags')}</dt>
              <dd>{t.list(['firma', `firma:${p.slug}`, ...e.tags])}</dd>
            </>
          ) : (
            <>
              <dt id="secret-label">{t.t('webhooks.secret')}</dt>
              <dd>
                <p class="hint" id="secret-hint">
                  {t.t('webhooks.secretHint')}
                </p>
                <input
                  type="text"
                  readonly
                  class="secret"
                  dir="ltr"
                  value={e.secret}
                  aria-labelledby="secret-label"
                  aria-describedby="secret-hint"
                />
              </dd>
            </>
          )}
        </dl>
        <div class="endpoint-actions">
          {e.kind === 'standard' ? (
            <Button action={`${base}/test`} label={t.t('webhooks.test')} secondary={false} />
          ) : null}
          {e.disabledAt === null ? (
            <Button action={`${base}/disable`} label={t.t('webhooks.disable')} />
          ) : (
            <Button action={`${base}/enable`} label={t.t('webhooks.enable')} />
          )}
          {failed ? <Button action={`${base}/retry`} label={t.t('webhooks.retry')} /> : null}
          <Button action={`${base}/delete`} label={t.t('webhooks.delete')} />
        </div>
        <section aria-labelledby="log-heading">
          <h2 id="log-heading">{t.t('webhooks.log')}</h2>
          {p.deliveries.length === 0 ? (
            <p>{t.t('webhooks.logEmpty')}</p>
          ) : (
            <TableScroll label={t.t('webhooks.log')}>
              <table class="delivery-log">
                <thead>
                  <tr>
                    <th scope="col">{t.t('webhooks.col.when')}</th>
                    <th scope="col">{t.t('webhooks.col.event')}</th>
                    <th scope="col">{t.t('webhooks.col.status')}</th>
                    <th scope="col">{t.t('webhooks.col.attempts')}</th>
                    <th scope="col">{t.t('webhooks.col.answer')}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.deliveries.map((d) => (
                    <tr>
                      <td>
                        <time datetime={d.createdAt}>{t.moment(d.createdAt)}</time>
                      </td>
                      <td>
                        {eventLabel(t, d.eventType)} <code dir="ltr">msg_{d.id}</code>
                      </td>
                      <td>
                        {STATUS[d.status] === undefined ? d.status : t.t(STATUS[d.status] as MessageKey)}
                        {d.status === 'queued' && d.attempts > 0 ? (
                          <> {t.t('webhooks.nextAttempt', { when: t.moment(d.nextAttemptAt) })}</>
                        ) : null}
                      </td>
                      <td>{t.number(d.attempts)}</td>
                      <td dir="ltr">
                        {[...new Set([d.responseStatus === null ? null : `HTTP ${d.responseStatus}`, d.lastError])]
                          .filter((x) => x !== null)
                          .join(' · ')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </section>
      </div>
    </Layout>
  );
}
