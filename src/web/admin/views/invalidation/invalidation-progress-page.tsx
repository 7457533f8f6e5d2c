// /admin/invalidations/:id: what an invalidation selects and why, how far it is, and cancel / reverse.
import type { User } from '../../../../accounts/user.js';
import type { MessageKey } from '../../../../platform/i18n/message-key.js';
import type { Translator } from '../../../../platform/i18n/translator.js';
import { languageSwitchHref, Layout } from '../../../views/layout.js';
import type { Invalidation, Preview } from '../../../../moderation/invalidation/invalidation-store.js';
import { CriteriaList } from './criteria-list.js';
import { MatchedTable } from './matched-table.js';

export interface InvalidationProgressPageProps {
  t: Translator;
  user: User;
  invalidation: Invalidation;
  /** The signatures it has taken out and not yet put back. */
  soFar: Preview;
  notice: MessageKey | undefined;
  error: MessageKey | undefined;
  /** The reader asked for a page that refreshes itself (it does only while the job works). */
  autoRefresh: boolean;
  refreshSeconds: number;
}

const WORKING = new Set(['queued', 'running', 'reversing']);

export function InvalidationProgressPage(p: InvalidationProgressPageProps) {
  const { t, invalidation: inv, soFar } = p;
  const path = `/admin/invalidations/${inv.id}`;
  const working = WORKING.has(inv.state);
  const out = soFar.confirmed + soFar.pending;
  const refreshing = working && p.autoRefresh;
  return (
    <Layout
      t={t}
      title={t.t('invalidation.number', { id: String(inv.id) })}
      user={p.user}
      refresh={refreshing ? { seconds: p.refreshSeconds, url: `${path}?refresh=auto` } : undefined}
      switchHref={(locale) => languageSwitchHref(locale, path)}
    >
      <section class="admin-page">
        <p>
          <a href="/admin/invalidations">{t.t('invalidation.title')}</a>
        </p>
        <h1>{t.t('invalidation.number', { id: String(inv.id) })}</h1>
        {p.notice === undefined ? null : (
          <p class="notice" role="status">
            {t.t(p.notice)}
          </p>
        )}
        {p.error === undefined ? null : (
          <p class="form-error" role="alert">
            {t.t(p.error)}
          </p>
        )}
        <dl class="criteria-list">
          <dt>{t.t('invalidation.col.petition')}</dt>
          <dd>{inv.slug}</dd>
          <dt>{t.t('invalidation.field.reason')}</dt>
          <dd>{inv.reason}</dd>
          <dt>{t.t('invalidation.col.created')}</dt>
          <dd>{t.moment(inv.createdAt)}</dd>
          <dt>{t.t('invalidation.col.state')}</dt>
          <dd>
            <strong>{t.t(`invalidation.state.${inv.state}`)}</strong>
            {refreshing ? (
              <span class="hint">
                {' '}
                {t.t('invalidation.refreshing', { seconds: p.refreshSeconds })}{' '}
                <a href={path}>{t.t('invalidation.stopRefreshing')}</a>
              </span>
            ) : working ? (
              <span class="hint">
                {' '}
                <a href={path}>{t.t('invalidation.reload')}</a> ·{' '}
                <a href={`${path}?refresh=auto`}>
                  {t.t('invalidation.startRefreshing', { seconds: p.refreshSeconds })}
                </a>
              </span>
            ) : null}
          </dd>
        </dl>
        <h2>{t.t('invalidation.selects')}</h2>
        <CriteriaList t={t} criteria={inv.criteria} />
        <h2>{t.t('invalidation.progress')}</h2>
        <p>
          <label for="progress">
            {t.t('invalidation.processedOf', { processed: t.number(inv.processed), matched: t.number(inv.matched) })}
          </label>{' '}
          <progress
            id="progress"
            max={Math.max(inv.matched, 1)}
            value={Math.min(inv.processed, Math.max(inv.matched, 1))}
          >
            {t.t('invalidation.processedOf', { processed: t.number(inv.processed), matched: t.number(inv.matched) })}
          </progress>
        </p>
        <p>
          {out === 0
            ? t.t('invalidation.noneOut')
            : t.t('invalidation.outNow', {
                count: out,
                confirmed: t.number(soFar.confirmed),
                pending: t.number(soFar.pending),
              })}
        </p>
        {inv.state === 'queued' || inv.state === 'running' ? (
          <form method="post" action={`${path}/cancel`} class="inline-form">
            <button type="submit" class="secondary-button">
              {t.t('invalidation.cancel')}
            </button>
            <span class="hint">{t.t('invalidation.cancelHint')}</span>
          </form>
        ) : null}
        {inv.state === 'done' || inv.state === 'cancelled' ? (
          <form method="post" action={`${path}/reverse`} class="inline-form">
            <button type="submit" class="secondary-button">
              {t.t('invalidation.reverse')}
            </button>
            <span class="hint">{t.t('invalidation.reverseHint')}</span>
          </form>
        ) : null}
        {out === 0 ? null : (
          <MatchedTable
            t={t}
            rows={soFar.sample}
            caption={t.t('invalidation.listed', { count: soFar.sample.length, total: t.number(out) })}
          />
        )}
      </section>
    </Layout>
  );
}
