// A petition's team: the people on it with their roles (changed or removed here), the invitations still open
// (cancelled here), and the form that invites someone by email with a role and the language of the email.
import type { Translator } from '../../../platform/i18n/translator.js';
import { describedBy, ErrorList, Field, type Errors } from '../../views/form-parts.js';
import { TableScroll } from '../../views/table-scroll.js';
import { TEAM_ROLES, type TeamRole } from '../../../teams/team-role.js';
import { roleAllowsKey, roleLabelKey } from '../../../teams/role-labels.js';
import type { Invitation, Member } from '../../../teams/team-store.js';
import { PetitionPageFrame, type PetitionPageBase } from './petition-page-frame.js';

export interface TeamPageProps extends PetitionPageBase {
  owner: { name: string | null; email: string | null };
  members: Member[];
  invitations: Invitation[];
  /** The site's languages, for the invitation's email. */
  locales: readonly string[];
  values: { email: string; role: string; locale: string };
  errors: Errors;
  now: Date;
}

function RoleSelect(p: { t: Translator; id: string; name: string; value: string; label?: string }) {
  return (
    <select id={p.id} name={p.name} aria-label={p.label}>
      {TEAM_ROLES.map((role) => (
        <option value={role} selected={p.value === role}>
          {p.t.t(roleLabelKey(role))}
        </option>
      ))}
    </select>
  );
}

function PostButton({ action, label, context }: { action: string; label: string; context: string }) {
  return (
    <form method="post" action={action} class="inline-form">
      <button type="submit" class="secondary" aria-label={`${label}: ${context}`}>
        {label}
      </button>
    </form>
  );
}

export function TeamPage(p: TeamPageProps) {
  const { t } = p;
  const base = `/organize/${p.petitionId}/team`;
  const who = (name: string | null, email: string) => (name === null || name === '' ? email : `${name} (${email})`);
  return (
    <PetitionPageFrame base={p} pageTitle={t.t('team.title', { title: p.title })} path={base} current="team">
      <div class="team-page">
        <ErrorList t={t} errors={p.errors} summaryKey="team.errorSummary" />
        <h1>{t.t('team.heading')}</h1>
        <p>{t.t('team.intro')}</p>
        <dl class="role-list">
          {TEAM_ROLES.map((role: TeamRole) => (
            <>
              <dt>{t.t(roleLabelKey(role))}</dt>
              <dd>{t.t(roleAllowsKey(role))}</dd>
            </>
          ))}
        </dl>
        <section aria-labelledby="members-heading">
          <h2 id="members-heading">{t.t('team.members')}</h2>
          <TableScroll label={t.t('team.members')}>
            <table class="team-members">
              <thead>
                <tr>
                  <th scope="col">{t.t('team.person')}</th>
                  <th scope="col">{t.t('team.roleColumn')}</th>
                  <th scope="col">{t.t('team.since')}</th>
                  <th scope="col">{t.t('team.actions')}</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">
                    {p.owner.email === null ? t.t('team.noOwner') : <bdi>{who(p.owner.name, p.owner.email)}</bdi>}
                  </th>
                  <td>{t.t('team.role.organizer')}</td>
                  <td></td>
                  <td></td>
                </tr>
                {p.members.map((m) => (
                  <tr>
                    <th scope="row">
                      <bdi>{who(m.name, m.email)}</bdi>
                    </th>
                    <td>
                      <form method="post" action={`${base}/members/${m.userId}/role`} class="inline-form">
                        <RoleSelect
                          t={t}
                          id={`role-${m.userId}`}
                          name="role"
                          value={m.role}
                          label={t.t('team.roleOf', { person: m.email })}
                        />{' '}
                        <button type="submit" class="secondary">
                          {t.t('team.changeRole')}
                        </button>
                      </form>
                    </td>
                    <td>{t.date(m.addedAt)}</td>
                    <td>
                      <PostButton
                        action={`${base}/members/${m.userId}/remove`}
                        label={t.t('team.remove')}
                        context={m.email}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
        <section aria-labelledby="invitations-heading">
          <h2 id="invitations-heading">{t.t('team.invitations')}</h2>
          {p.invitations.length === 0 ? (
            <p>{t.t('team.noInvitations')}</p>
          ) : (
            <TableScroll label={t.t('team.invitations')}>
              <table class="team-invitations">
                <thead>
                  <tr>
                    <th scope="col">{t.t('team.email')}</th>
                    <th scope="col">{t.t('team.roleColumn')}</th>
                    <th scope="col">{t.t('team.expires')}</th>
                    <th scope="col">{t.t('team.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.invitations.map((i) => (
                    <tr>
                      <th scope="row">
                        <bdi>{i.email}</bdi>
                      </th>
                      <td>{t.t(roleLabelKey(i.role))}</td>
                      <td>{new Date(i.expiresAt) <= p.now ? t.t('team.expired') : t.date(i.expiresAt)}</td>
                      <td>
                        <PostButton
                          action={`${base}/invitations/${i.id}/cancel`}
                          label={t.t('team.cancel')}
                          context={i.email}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </section>
        <section aria-labelledby="invite-heading">
          <h2 id="invite-heading">{t.t('team.invite')}</h2>
          <form method="post" action={base} accept-charset="utf-8" novalidate class="team-form">
            <Field t={t} id="email" label={t.t('team.email')} hint={t.t('team.emailHint')} errors={p.errors}>
              <input
                type="email"
                id="email"
                name="email"
                dir="ltr"
                autocomplete="off"
                value={p.values.email}
                aria-invalid={p.errors['email'] === undefined ? undefined : 'true'}
                aria-describedby={describedBy('email', p.errors, true)}
              />
            </Field>
            <Field t={t} id="role" label={t.t('team.roleColumn')} errors={p.errors}>
              <RoleSelect t={t} id="role" name="role" value={p.values.role} />
            </Field>
            <Field t={t} id="locale" label={t.t('team.language')} hint={t.t('team.languageHint')} errors={p.errors}>
              <select id="locale" name="locale" aria-describedby={describedBy('locale', p.errors, true)}>
                {p.locales.map((locale) => (
                  <option value={locale} selected={p.values.locale === locale} lang={locale}>
                    {t.languageName(locale)}
                  </option>
                ))}
              </select>
            </Field>
            <button type="submit" class="button">
              {t.t('team.send')}
            </button>
          </form>
        </section>
      </div>
    </PetitionPageFrame>
  );
}
