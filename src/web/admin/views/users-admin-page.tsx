// The admins' list of accounts: who has which role, and the form that changes a role.
import type { MessageKey } from '../../../platform/i18n/message-key.js';
import type { Translator } from '../../../platform/i18n/translator.js';
import { AdminTable } from '../../views/admin-table.js';
import { languageSwitchHref, Layout } from '../../views/layout.js';
import { ROLES, type User } from '../../../accounts/user.js';
import type { UserListing } from '../../../accounts/user-store.js';

export interface UsersAdminPageProps {
  t: Translator;
  user: User;
  users: UserListing[];
  query: string;
  /** The list stops at this many accounts; a search narrows it. */
  limit: number;
  notice?: MessageKey | undefined;
  error?: MessageKey | undefined;
}

export function UsersAdminPage(p: UsersAdminPageProps) {
  const { t } = p;
  return (
    <Layout
      t={t}
      title={t.t('users.title')}
      user={p.user}
      switchHref={(locale) => languageSwitchHref(locale, '/admin/users')}
    >
      <section class="admin-page">
        <p>
          <a href="/admin">{t.t('users.back')}</a>
        </p>
        <h1>{t.t('users.title')}</h1>
        <p>{t.t('users.intro')}</p>
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
        <form method="get" action="/admin/users" role="search" class="inline-form">
          <label for="q">{t.t('users.search')}</label>
          <input id="q" name="q" type="search" value={p.query} maxlength={200} />
          <button type="submit" class="secondary-button">
            {t.t('users.searchSubmit')}
          </button>
        </form>
        <AdminTable
          rows={p.users}
          empty={t.t('users.none')}
          caption={t.t('users.caption', { count: p.users.length })}
          columns={[
            t.t('users.col.account'),
            t.t('users.col.petitions'),
            t.t('users.col.lastSignIn'),
            t.t('users.col.role'),
          ]}
          cells={(u) => (
            <>
              <th scope="row">
                {u.email}
                {u.name === null ? null : <span class="hint"> ({u.name})</span>}
              </th>
              <td>{t.number(u.petitions)}</td>
              <td>{u.lastSignInAt === null ? t.t('users.never') : t.date(u.lastSignInAt)}</td>
              <td>
                {u.id === p.user.id ? (
                  <span>
                    {t.t(`account.role.${u.role}`)} <span class="hint">{t.t('users.you')}</span>
                  </span>
                ) : (
                  <form method="post" action={`/admin/users/${u.id}/role`} class="inline-form">
                    <label for={`role-${u.id}`} class="visually-hidden">
                      {t.t('users.roleOf', { email: u.email })}
                    </label>
                    <select id={`role-${u.id}`} name="role">
                      {ROLES.map((role) => (
                        <option value={role} selected={role === u.role}>
                          {t.t(`account.role.${role}`)}
                        </option>
                      ))}
                    </select>
                    <button type="submit" class="secondary-button">
                      {t.t('users.roleSubmit')}
                    </button>
                  </form>
                )}
              </td>
            </>
          )}
        />
        {p.users.length >= p.limit ? <p class="hint">{t.t('users.more', { count: p.limit })}</p> : null}
      </section>
    </Layout>
  );
}
