// The audit log for admins: who did what, when, to which petition, and why; filters and keyset pages.
import type { User } from '../../../accounts/user.js';
import type { Translator } from '../../../platform/i18n/translator.js';
import { Layout, languageSwitchHref } from '../../views/layout.js';
import type { AuditRow } from '../../../platform/audit/audit-store.js';

export interface AuditPageProps {
  t: Translator;
  user: User;
  rows: AuditRow[];
  actions: string[];
  filters: { action: string; petition: string };
  /** The query string of the current filters (without the page), for the page links. */
  filterQuery: string;
  olderThan: number | undefined;
  isFirstPage: boolean;
}

function detailText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function AuditPage(p: AuditPageProps) {
  const { t } = p;
  const withFilters = (extra: string) => `/admin/audit?${[p.filterQuery, extra].filter((s) => s !== '').join('&')}`;
  return (
    <Layout
      t={t}
      title={t.t('audit.title')}
      user={p.user}
      switchHref={(locale) => languageSwitchHref(locale, '/admin/audit')}
    >
      <section class="audit-log">
        <p class="breadcrumb">
          <a href="/admin">{t.t('admin.title')}</a>
        </p>
        <h1>{t.t('audit.title')}</h1>
        <p>{t.t('audit.intro')}</p>
        <form method="get" action="/admin/audit" class="audit-filters" aria-label={t.t('audit.filter.heading')}>
          <div class="field">
            <label for="audit-action">{t.t('audit.filter.action')}</label>
            <select id="audit-action" name="action">
              <option value="">{t.t('audit.filter.anyAction')}</option>
              {p.actions.map((a) => (
                <option value={a} selected={a === p.filters.action}>
                  {a}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="audit-petition">{t.t('audit.filter.petition')}</label>
            <input id="audit-petition" name="petition" type="text" value={p.filters.petition} maxlength={300} />
          </div>
          <button type="submit">{t.t('audit.filter.submit')}</button>{' '}
          <a href="/admin/audit">{t.t('audit.filter.clear')}</a>
        </form>
        {p.rows.length === 0 ? (
          <p>{t.t('audit.empty')}</p>
        ) : (
          <table class="data-table audit-table">
            <thead>
              <tr>
                <th scope="col">{t.t('audit.col.when')}</th>
                <th scope="col">{t.t('audit.col.who')}</th>
                <th scope="col">{t.t('audit.col.what')}</th>
                <th scope="col">{t.t('audit.col.petition')}</th>
                <th scope="col">{t.t('audit.col.why')}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr data-audit-id={r.id}>
                  <td>
                    <time datetime={r.createdAt}>{`${t.date(r.createdAt)} ${r.createdAt.slice(11, 16)} UTC`}</time>
                  </td>
                  <td>
                    {r.actor === null
                      ? t.t('audit.system')
                      : r.actor.name === null
                        ? r.actor.email
                        : `${r.actor.name} <${r.actor.email}>`}
                  </td>
                  <td>
                    <code>{r.action}</code>
                  </td>
                  <td>
                    {r.petition === null ? (
                      ''
                    ) : r.petition.slug === null ? (
                      t.t('audit.unknownPetition', { id: r.petition.id })
                    ) : (
                      <a href={`/moderate/petitions/${r.petition.id}`}>{r.petition.slug}</a>
                    )}
                  </td>
                  <td>
                    <dl class="audit-details">
                      {Object.entries(r.details).map(([key, value]) => (
                        <>
                          <dt>{key}</dt>
                          <dd>{detailText(value)}</dd>
                        </>
                      ))}
                    </dl>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <nav class="pager" aria-label={t.t('audit.title')}>
          <ul class="inline-links">
            {p.isFirstPage ? null : (
              <li>
                <a href={withFilters('')}>{t.t('audit.newest')}</a>
              </li>
            )}
            {p.olderThan === undefined ? null : (
              <li>
                <a href={withFilters(`before=${p.olderThan}`)}>{t.t('audit.older')}</a>
              </li>
            )}
          </ul>
        </nav>
      </section>
    </Layout>
  );
}
